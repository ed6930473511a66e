/**
 * What every view of `<si-badra-inbox>` takes: the messages, the formats (dates, category names,
 * the answer clock in words) in the inbox's language and time zone, and the error banner. Also who
 * may do what (the roles as the server checks them) and the forms an action opens.
 */
import { html, type TemplateResult } from 'lit';
import {
  answerClock,
  canDo,
  hoursLeft,
  isAgencyRole,
  type AnswerClock,
  type ComplaintCategory,
  type StaffAccountView,
  type StaffComplaintView,
  type StaffRole,
} from '@mpp-kit/core';
import type { InboxMessages } from './messages.js';

export const HOUR = 3_600_000;

/** The desk's roles (verify, reject, merge, dispatch, redact) and the agencies' (answer, resolve): as the server checks them. */
export const DESK: readonly StaffRole[] = ['verifier', 'city_admin', 'admin'];
export const AGENCY: readonly StaffRole[] = ['agency_officer', 'agency_head', 'city_admin', 'admin'];
export const BRIEFING: readonly StaffRole[] = ['mayor_office', 'city_admin', 'admin'];
export const INBOX: readonly StaffRole[] = [...new Set([...DESK, ...AGENCY, ...BRIEFING])];

/** The form an action opens under the complaint. */
export type Panel = 'reject' | 'merge' | 'dispatch' | 'answer' | 'redact';

/** Whether `account`'s role is one of `roles`. */
export const can = (account: StaffAccountView | null, roles: readonly StaffRole[]): boolean => !!account && roles.includes(account.role);

/** Which actions `account` may take on the complaint now (role, then core's `canDo`). */
export function allowedActions(account: StaffAccountView | null, d: StaffComplaintView): Record<'verify' | Panel, boolean> {
  const desk = can(account, DESK);
  const agency = can(account, AGENCY) && (!isAgencyRole(account!.role) || account!.agencyId === d.agencyId);
  return {
    verify: desk && canDo('verify', d.status),
    reject: desk && canDo('reject', d.status),
    merge: desk && canDo('merge', d.status),
    dispatch: desk && canDo('dispatch', d.status),
    redact: desk && d.staffPhotos.length > 0,
    answer: agency && (canDo('answer', d.status) || canDo('resolve', d.status)),
  };
}

/** The agencies named by the categories, once each, by name. */
export function agenciesOf(categories: readonly ComplaintCategory[]): ReadonlyArray<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const c of categories) if (!seen.has(c.agencyId)) seen.set(c.agencyId, c.agencyName);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Dates, names and the answer clock as the inbox shows them. */
export interface InboxFormat {
  /** The clock of ages and answer deadlines. */
  now(): number;
  date(at: string): string;
  category(c: ComplaintCategory): string;
  /** The answer clock in words, and whether a deadline has passed. */
  clock(clock: AnswerClock): { text: string; late: boolean };
}

/** What a view template takes besides its own state. */
export interface InboxContext {
  t: InboxMessages;
  f: InboxFormat;
  /** An error banner for `code` (nothing without one), with "try again" when `retry` is given. */
  alert(code: string | null | undefined, retry?: () => void): unknown;
}

/** The formats for `locale` in `timeZone`, with `now` as the clock. */
export function inboxFormat(t: InboxMessages, locale: string, timeZone: string, now: () => number): InboxFormat {
  return {
    now,
    date: (at) =>
      new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        new Date(at),
      ),
    category: (c) => (locale === 'en' ? c.nameEn : c.name),
    clock: (clock) => clockText(t, clock, new Date(now())),
  };
}

/**
 * The answer clock in words: `sisa 5 jam` before the first deadline, `lewat 3 jam` past one
 * (hours since the last level's due instant), answered, or not running.
 */
function clockText(t: InboxMessages, clock: AnswerClock, now: Date): { text: string; late: boolean } {
  // The server's clock recomputed at the inbox's now from its dues (calendar or working-day hours:
  // the deployment's policy), the same rule as the citizen's tracker.
  const c = answerClock(clock, now);
  if (c.answeredAt) return { text: t.clockAnswered, late: false };
  if (!c.running) return { text: t.clockNotRunning, late: false };
  if (c.level === 0) return { text: c.dueAt ? t.clockLeft(hoursLeft(c.dueAt, now)) : t.clockNotRunning, late: false };
  const passedAt = c.dues[c.level - 1];
  const late = passedAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(passedAt)) / HOUR)) : null;
  return { text: t.clockLate(c.level, late), late: true };
}

/** A labelled drop-down list. */
export function selectField(
  id: string,
  label: string,
  value: string,
  options: ReadonlyArray<readonly [string, string]>,
  onChange: (v: string) => void,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} part="input" .value=${value} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
    </select>
  </div>`;
}
