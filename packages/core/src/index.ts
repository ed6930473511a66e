/**
 * @packageDocumentation
 * `@mpp-kit/core` — the headless SDK of mpp-kit: the API contract (zod/mini), one HTTP layer with
 * typed errors, and the client logic of the catalog (later: queue, complaints, survey) as
 * framework-free stores. No DOM in domain logic and no human-language strings: errors carry codes.
 */
export * from './schemas/index.js';
export * from './http/errors.js';
export { createHttp, newIdempotencyKey } from './http/client.js';
export type { Http, HttpOptions, RequestOptions, Conditional } from './http/client.js';
export { createClient } from './client.js';
export type { ClientOptions, MppClient } from './client.js';
export { Store } from './store.js';
export type { ReadableStore } from './store.js';
export { createCatalogApi } from './catalog/api.js';
export type { CatalogApi, CatalogIndexSnapshot, CatalogSnapshot } from './catalog/api.js';
export { CatalogStore, byUse, MAX_RESULTS } from './catalog/store.js';
export { SERVED_ELSEWHERE } from './catalog/elsewhere.js';
export type { ServedElsewhere } from './catalog/elsewhere.js';
export type { CatalogCache, CatalogSearchMode, CatalogState, CatalogStatus, CatalogStoreOptions } from './catalog/store.js';
export { createCatalogIndex, normalizeIndonesian } from './catalog/search.js';
export { formatRupiah } from './catalog/fee.js';
export type { CatalogIndex, Searchable, SearchOptions } from './catalog/search.js';
export { parseNik, maskNik, cleanNik } from './id/nik.js';
export type { NikInfo, NikResult, NikErrorCode, NikWarningCode } from './id/nik.js';
export { normalizePhone, maskPhone } from './id/phone.js';
export type { PhoneResult, PhoneErrorCode } from './id/phone.js';
export {
  todayIn,
  zonedParts,
  zonedInstant,
  addDays,
  weekdayOf,
  isIsoDate,
  daysBetween,
  formatOffset,
  toZonedIso,
  hhmm,
  parseHhmm,
} from './time/zoned.js';
export { availabilityOf, daySlots, slotId, parseSlotId, releaseInstant, estimateWaitMinutes } from './queue/rules.js';
export type { DayHours, QueueRules, DayClosure, SlotSpec, DayContext } from './queue/rules.js';
export { createQueueApi } from './queue/api.js';
export type { QueueApi } from './queue/api.js';
export { BookingFlow, BOOKING_STEPS } from './queue/booking-store.js';
export type {
  BookingDraft,
  BookingFlowOptions,
  BookingFlowState,
  BookingStep,
  DraftStorage,
  Field as BookingField,
} from './queue/booking-store.js';
export { QueueWatcher } from './queue/watcher.js';
export type {
  EventSourceFactory,
  EventSourceLike,
  QueueWatchState,
  QueueWatcherOptions,
  WatchStatus,
  WatchedTicket,
} from './queue/watcher.js';
export { ticketIcs } from './queue/ics.js';
export { TicketFlow } from './queue/ticket-flow.js';
export type {
  RescheduleState,
  TicketAction,
  TicketFlowError,
  TicketFlowOptions,
  TicketFlowState,
  TicketMode,
} from './queue/ticket-flow.js';
export {
  BOOKING_CODE_ALPHABET,
  BOOKING_CODE_LENGTH,
  BOOKING_CODE_PATTERN,
  WAITING_STATUSES,
  canReschedule,
  cancelRefusal,
  formatBookingCode,
  isBookingCode,
  isWaiting,
  normalizeBookingCode,
  rescheduleRefusal,
} from './queue/ticket-rules.js';
export type { WaitingStatus } from './queue/ticket-rules.js';
export { checkIdentity, isEmail } from './queue/identity.js';
export {
  answerClock,
  escalationDues,
  isWorkingDay,
  hoursLeft,
  canDo,
  insideBoundary,
  maskEmail,
  COMPLAINT_ACTIONS,
  MAX_ACCURACY_M,
  SI_BADRA_ESCALATION,
} from './complaints/rules.js';
export { TRACKING_CODE_PATTERN, isTrackingCode, normalizeTrackingCode } from './complaints/codes.js';
export type { Boundary, ComplaintAction, EscalationPolicy, EscalationTarget, WorkingCalendar } from './complaints/rules.js';
export type { IdentityCheck, IdentityField, IdentityInput } from './queue/identity.js';
export { StaffSession } from './staff/session.js';
export type { StaffSessionOptions, StaffSessionState, StaffSessionStatus } from './staff/session.js';
export { CONTACT_PROOF_HEADER, createComplaintsApi, createStaffComplaintsApi } from './complaints/api.js';
export type { ComplaintsApi, ComplaintsApiOptions, PhotoRole, StaffComplaintsApi } from './complaints/api.js';
export { createComplaintOutbox } from './complaints/outbox.js';
export type {
  ComplaintOutbox,
  ComplaintOutboxOptions,
  FlushResult,
  NewOutboxReport,
  OutboxEntry,
  OutboxPhoto,
  OutboxState,
  OutboxStatus,
  OutboxStorage,
} from './complaints/outbox.js';
