// The shape of `<mpp-queue-booking>`'s texts, apart from the texts themselves: the Indonesian
// catalogue (`messages.ts`) and the English chunk (`messages.en.ts`) both implement it.
import type { ProblemMessages } from '../shared/problems.js';
import type { ScheduleMessages } from '../shared/schedule-messages.js';

/** Every string `<mpp-queue-booking>` shows, per locale. */
export interface BookingMessages extends ScheduleMessages {
  title: string;
  stepsLabel: string;
  stepNames: [string, string, string, string, string];
  stepOf(n: number, total: number, name: string): string;
  stepDone: string;
  stepCurrent: string;
  back: string;
  next: string;
  // 1 service
  serviceHeading: string;
  serviceSearch: string;
  servicePlaceholder: string;
  serviceCount(n: number): string;
  noService(q: string): string;
  loadingServices: string;
  showMore(n: number): string;
  stale: string;
  // 2 date
  dateHeading: string;
  changeService: string;
  // 3 slot
  slotHeading: string;
  // 4 identity
  identityHeading: string;
  identityIntro: string;
  name: string;
  nik: string;
  nikHint: string;
  phone: string;
  phoneHint: string;
  email: string;
  emailHint: string;
  optional: string;
  errorSummary(n: number): string;
  // 5 confirm
  confirmHeading: string;
  confirmIntro: string;
  service: string;
  agency: string;
  date: string;
  time: string;
  bring: string;
  /** Heading of the service's conditions to meet, shown before what to bring. */
  conditions: string;
  submit: string;
  submitting: string;
  edit: string;
  // 6 ticket
  ticketHeading: string;
  cancelledHeading: string;
  another: string;
  openTicket: string;
  // a second booking for the same NIK, service and day
  duplicateExisting: string;
  duplicateUnknown: string;
  number: string;
  code: string;
  otherDate: string;
  otherService: string;
  /** Codes of the browser's own field checks that are not API problem codes. */
  fieldErrors: { name_required: string; invalid_field: string };
  /** Every API problem and client failure in plain words (shared by all widgets). */
  problems: ProblemMessages;
  /** Non-blocking hints by warning code. */
  warnings: Record<string, string>;
}
