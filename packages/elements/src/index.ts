/**
 * `@mpp-kit/elements` — Lit web components. Importing this module registers nothing; import an
 * element's `define` entry (`@mpp-kit/elements/mpp-service-catalog/define`) or use the CDN bundle.
 */
export { MppServiceCatalog } from './mpp-service-catalog/mpp-service-catalog.js';
export { MppQueueBooking } from './mpp-queue-booking/mpp-queue-booking.js';
export { MppQueueTicket } from './mpp-queue-ticket/mpp-queue-ticket.js';
export { MppLauncher } from './mpp-launcher/mpp-launcher.js';
export * from './mpp-service-catalog/events.js';
export * from './mpp-queue-booking/events.js';
export * from './mpp-queue-ticket/events.js';
export * from './mpp-launcher/events.js';
export { setDefaultApiBase, resolveApiBase } from './shared/config.js';
export { clientFor } from './shared/client.js';
export { defineOnce } from './shared/define.js';
export { resolveLocale, type Locale } from './shared/i18n.js';
export { StoreController } from './shared/store-controller.js';
export * from './shared/events.js';
export { SiBadraTrack } from './si-badra-track/si-badra-track.js';
export * from './si-badra-track/events.js';
export { SiBadraReport } from './si-badra-report/si-badra-report.js';
export { SiBadraReportSubmittedEvent, SiBadraReportSupportedEvent } from './si-badra-report/events.js';
export { SiBadraInbox } from './si-badra-inbox/si-badra-inbox.js';
export * from './si-badra-inbox/events.js';
