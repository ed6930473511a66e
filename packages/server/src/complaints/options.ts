// What a deployment passes for Si Badra (`startServer({ complaints })`): types only, so the app's
// context can name them without importing the complaint domain.
import type { Boundary, EscalationPolicy } from '@mpp-kit/core';
import type { MailTransport } from '../mail/transport.js';
import type { SmsSender } from '../mail/sms.js';
import type { PhotoStore } from './photo-store.js';

export interface ComplaintOptions {
  photos: PhotoStore;
  mail: MailTransport;
  /** Where SMS codes go (a deployment's gateway); the default keeps them in the outbox for the dev mailbox. */
  sms: SmsSender;
  policy: EscalationPolicy;
  /** The deployment's area ([lng, lat] ring); null accepts any location. */
  boundary: Boundary | null;
  /** Where links in mails point (`https://layanan.kotabogor.go.id`). */
  publicUrl: string;
  /** The domain of Message-IDs. */
  mailDomain: string;
}
