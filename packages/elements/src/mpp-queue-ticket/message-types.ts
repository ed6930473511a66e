// The shape of `<mpp-queue-ticket>`'s texts, apart from the texts themselves: the Indonesian
// catalogue (`messages.ts`) and the English chunk (`messages.en.ts`) both implement it.
import type { WatchStatus } from '@mpp-kit/core';
import type { ProblemMessages } from '../shared/problems.js';
import type { ScheduleMessages } from '../shared/schedule-messages.js';

/** Every string `<mpp-queue-ticket>` shows, per locale. */
export interface TicketMessages extends ScheduleMessages {
  title: string;
  // the ticket's facts
  service: string;
  agency: string;
  date: string;
  time: string;
  name: string;
  nik: string;
  phone: string;
  bring: string;
  submitting: string;
  number: string;
  location: string;
  code: string;
  codeHint: string;
  qrLabel(code: string): string;
  bringHint: string;
  checked(n: number, total: number): string;
  calendar: string;
  calendarTitle: string;
  whatsapp: string;
  shareText(number: string, service: string, date: string, time: string, code: string): string;
  later: string;
  // live position
  live: string;
  nowServing(n: string): string;
  nobodyServed: string;
  ahead(n: number): string;
  wait(text: string): string;
  comeAt(when: string): string;
  minutes(n: number): string;
  hours(h: number, m: number): string;
  /** The outcome of a ticket that is over, said first. */
  outcome: Record<'served' | 'no_show' | 'cancelled' | 'expired', string>;
  /** The call, at the top of the ticket (`B-005 dipanggil — silakan ke Loket 3`). */
  called(number: string, counter: string | null): string;
  alertToggle: string;
  alertHint: string;
  connection: Record<WatchStatus | 'offline', string>;
  updated(time: string): string;
  loading: string;
  // code entry and details
  codeEntry: string;
  codeFormat: string;
  show: string;
  revealHeading: string;
  revealIntro: string;
  reveal: string;
  // manage
  manage: string;
  cancel: string;
  cancelConfirm(number: string): string;
  cancelYes: string;
  cancelNo: string;
  reschedule: string;
  rescheduleHeading: string;
  rescheduleIntro: string;
  rescheduleSave: string;
  rescheduleClose: string;
  rescheduled(date: string, time: string): string;
  rescheduleTooLate: string;
  current: string;
  /** Every API problem and client failure in plain words (shared by all widgets). */
  problems: ProblemMessages;
}
