/** What the complaint routes and jobs share, made once per app by the factory (no module-level state). */
import { SI_BADRA_ESCALATION, type Boundary, type EscalationPolicy } from '@mpp-kit/core';
import type { Deps } from '../context.js';
import { RateLimiter } from '../http/rate-limit.js';
import { devTransport, type MailTransport } from '../mail/outbox.js';
import { memoryPhotoStore, type PhotoStore } from './photo-store.js';
import { subKey } from './rules.js';

export interface ComplaintOptions {
  photos: PhotoStore;
  mail: MailTransport;
  policy: EscalationPolicy;
  /** The deployment's area ([lng, lat] ring); null accepts any location. */
  boundary: Boundary | null;
  /** Where links in mails point (`https://layanan.kotabogor.go.id`). */
  publicUrl: string;
  /** The domain of Message-IDs. */
  mailDomain: string;
}

export interface ComplaintParts extends ComplaintOptions {
  captureKey: Buffer;
  codeKey: Buffer;
  /** New complaints per client address (generous: carrier-grade NAT). */
  submits: RateLimiter;
  /** Contact-code tries per client address, on top of the per-code limit. */
  codeTries: RateLimiter;
}

export function createComplaintParts(deps: Deps, o: Partial<ComplaintOptions> = {}): ComplaintParts {
  return {
    photos: o.photos ?? memoryPhotoStore(),
    mail: o.mail ?? devTransport(),
    policy: o.policy ?? SI_BADRA_ESCALATION,
    boundary: o.boundary ?? null,
    publicUrl: o.publicUrl ?? '',
    mailDomain: o.mailDomain ?? 'mpp-kit.local',
    captureKey: subKey(deps.config.secret, 'capture-token'),
    codeKey: subKey(deps.config.secret, 'contact-code'),
    submits: new RateLimiter({ max: 30, windowSeconds: 3600 }, deps.clock),
    codeTries: new RateLimiter({ max: 60, windowSeconds: 3600 }, deps.clock),
  };
}
