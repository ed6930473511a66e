export type { ComplaintOptions } from './options.js';

/** What the complaint routes and jobs share, made once per app by the factory (no module-level state). */
import { SI_BADRA_ESCALATION } from '@mpp-kit/core';
import type { Deps } from '../context.js';
import { RateLimiter } from '../http/rate-limit.js';
import { devTransport } from '../mail/outbox.js';
import { devSmsSender, withSms } from '../mail/sms.js';
import type { ComplaintOptions } from './options.js';
import { memoryPhotoStore } from './photo-store.js';
import { subKey } from './rules.js';

export interface ComplaintParts extends ComplaintOptions {
  captureKey: Buffer;
  codeKey: Buffer;
  /** Keys the contact hash (`email:…`, `phone:…`) kept with complaints, supports and tickets. */
  contactKey: Buffer;
  /** Signs contact proofs (`Mpp-Contact-Proof`). */
  proofKey: Buffer;
  /** New complaints per client address (generous: carrier-grade NAT). */
  submits: RateLimiter;
  /** Contact-code tries per client address, on top of the per-code limit. */
  codeTries: RateLimiter;
  /** Contact codes asked for without a complaint (`POST /contact-codes`), per client address. */
  contactCodes: RateLimiter;
  /** "Saya juga" supports per client address. */
  supports: RateLimiter;
}

export function createComplaintParts(deps: Deps, o: Partial<ComplaintOptions> = {}): ComplaintParts {
  const sms = o.sms ?? devSmsSender();
  return {
    photos: o.photos ?? memoryPhotoStore(),
    // The outbox has one transport: e-mail through `mail`, SMS through `sms`.
    mail: withSms(o.mail ?? devTransport(), sms),
    sms,
    policy: o.policy ?? SI_BADRA_ESCALATION,
    boundary: o.boundary ?? null,
    publicUrl: o.publicUrl ?? '',
    mailDomain: o.mailDomain ?? 'mpp-kit.local',
    captureKey: subKey(deps.config.secret, 'capture-token'),
    codeKey: subKey(deps.config.secret, 'contact-code'),
    contactKey: subKey(deps.config.secret, 'contact-hash'),
    proofKey: subKey(deps.config.secret, 'contact-proof'),
    submits: new RateLimiter({ max: 30, windowSeconds: 3600 }, deps.clock),
    codeTries: new RateLimiter({ max: 60, windowSeconds: 3600 }, deps.clock),
    contactCodes: new RateLimiter({ max: 20, windowSeconds: 3600 }, deps.clock),
    supports: new RateLimiter({ max: 60, windowSeconds: 3600 }, deps.clock),
  };
}
