export type { ComplaintOptions } from './options.js';

/** What the complaint routes and jobs share, made once per app by the factory (no module-level state). */
import { SI_BADRA_ESCALATION } from '@mpp-kit/core';
import type { Deps } from '../context.js';
import { RateLimiter } from '../http/rate-limit.js';
import { devTransport } from '../mail/outbox.js';
import type { ComplaintOptions } from './options.js';
import { memoryPhotoStore } from './photo-store.js';
import { subKey } from './rules.js';

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
