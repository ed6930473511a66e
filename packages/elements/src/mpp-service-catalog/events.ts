/**
 * Events of `<mpp-service-catalog>`. Like every mpp-kit event they bubble, cross shadow roots
 * (`composed`), are named `mpp-*` in the past tense, and never carry personal data. The catalog
 * also fires the shared `mpp-booking-requested` and `mpp-error` (`../shared/events.ts`).
 */
import type { ServiceRef } from '../shared/events.js';

/** The catalog finished loading (from the network or the offline cache). */
export class MppCatalogLoadedEvent extends Event {
  static readonly type = 'mpp-catalog-loaded';
  constructor(readonly detail: { services: number; agencies: number; stale: boolean }) {
    super(MppCatalogLoadedEvent.type, { bubbles: true, composed: true });
  }
}

/** The citizen opened a service's detail view. */
export class MppServiceSelectedEvent extends Event {
  static readonly type = 'mpp-service-selected';
  constructor(readonly detail: ServiceRef) {
    super(MppServiceSelectedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mpp-catalog-loaded': MppCatalogLoadedEvent;
    'mpp-service-selected': MppServiceSelectedEvent;
  }
}
