import { html, nothing, type TemplateResult } from 'lit';
import { ticketIcs, type QrCode, type Ticket, type TicketFlowState } from '@mpp-kit/core';
import type { Locale } from '../shared/i18n.js';
import { qrCode } from '../shared/qr.js';
import { formatDay, renderDays, renderSlots } from '../shared/schedule.js';
import { checklist } from '../shared/checklist.js';
import { textField } from '../shared/field.js';
import { actions, button, facts, statusLine } from '../shared/templates.js';
import type { TicketMessages } from './messages.js';

/**
 * The pieces of `<mpp-queue-ticket>`'s view that need no element: each takes the messages and what
 * it shows, and calls back for what the citizen does. The element wires them to its `TicketFlow`.
 */

/** What a ticket and its public position both say: which ticket it is, and where and when. */
export type TicketFacts = Pick<Ticket, 'queueNumber' | 'serviceName' | 'agencyName' | 'location' | 'timeZone' | 'slot'>;

/**
 * The top of the ticket, what matters first: the outcome of a ticket that is over, the queue
 * number (struck through when over), then the facts — service, agency, date, time, place — and,
 * only for the full ticket (after the phone), the name and masked NIK.
 */
export function ticketHead(t: TicketMessages, v: TicketFacts, date: string, s: TicketFlowState, who?: Ticket): TemplateResult {
  const { phase, over } = s;
  return html`${
      over && phase && phase !== 'waiting' && phase !== 'called'
        ? html`<p class="ticket-status ${phase}" role="status" data-phase=${phase}><strong>${t.outcome[phase]}</strong></p>`
        : nothing
    }
    <p class="number-label" id="t-number-label">${t.number}</p>
    <p class="number ${over ? 'void' : ''}" part="number" aria-describedby="t-number-label">${v.queueNumber}</p>
    ${facts(
      [
        [t.service, v.serviceName],
        [t.agency, v.agencyName],
        [t.date, date, 'date'],
        [t.time, `${v.slot.start}–${v.slot.end}`, 'time'],
        [t.location, v.location],
        who && [t.name, who.name],
        who && [t.nik, who.nikMasked, undefined, 'mono'],
      ],
      'details',
    )}`;
}

/**
 * The call, at the very top: an assertive live region that is always there (so screen readers
 * announce it when it fills), holding "B-005 dipanggil — silakan ke Loket 3" while called.
 */
export function callout(t: TicketMessages, s: TicketFlowState): TemplateResult {
  const called = s.phase === 'called' && s.queueNumber;
  return html`<div class="callout ${called ? 'on' : ''}" part="callout" aria-live="assertive" aria-atomic="true">
    ${called ? html`<p data-called=${s.counter ?? ''}><strong>${t.called(s.queueNumber!, s.counter)}</strong></p>` : nothing}
  </div>`;
}

/** The citizen's choice of a sound and a vibration when called (kept on the device). */
export function alertToggle(t: TicketMessages, on: boolean, onChange: (on: boolean) => void): TemplateResult {
  return html`<div class="alert-toggle">
    <label
      ><input
        type="checkbox"
        data-action="alert"
        aria-describedby="alert-hint"
        .checked=${on}
        @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
      /><span>${t.alertToggle}</span></label
    >
    <p class="hint" id="alert-hint">${t.alertHint}</p>
  </div>`;
}

/** The booking code, large, with its QR code. */
export function codeBox(t: TicketMessages, code: string, qr: QrCode | undefined): TemplateResult {
  return html`<div class="code-box" part="code">
    ${qrCode(qr, t.qrLabel(code))}
    <div>
      <p class="code-label">${t.code}</p>
      <p class="code" data-code=${code}>${code}</p>
      <p class="hint">${t.codeHint}</p>
    </div>
  </div>`;
}

/**
 * The live box. A wait of more than three hours is mostly the time until the slot starts: then
 * the slot itself (`slot`) says more than a number of hours.
 */
export function liveBox(t: TicketMessages, s: TicketFlowState, slot: string, online: boolean): TemplateResult {
  const { ahead, estimatedWaitMinutes: wait, queue, live } = s;
  const waiting = s.phase === 'waiting';
  const offline = !online || (live?.error?.kind === 'network' && live.status !== 'live');
  const conn = offline ? 'offline' : (live?.status ?? 'connecting');
  // `updatedAt` is written in the office's zone (`…T08:31:05+07:00`): its wall time is the one to show.
  const updated = queue ? (/T(\d\d:\d\d)/.exec(queue.updatedAt)?.[1] ?? '') : '';
  const waitText = wait === null ? '' : wait < 60 ? t.minutes(wait) : t.hours(Math.floor(wait / 60), wait % 60);
  const now = queue && (queue.nowServing ? t.nowServing(queue.nowServing) : t.nobodyServed);
  return html`<div class="live" part="live" aria-labelledby="live-title">
    <h3 id="live-title">${t.live}</h3>
    <div class="live-lines" aria-live="polite">
      ${queue ? html`<p class="now-serving" data-now=${queue.nowServing ?? ''}>${now}</p>` : nothing}
      ${waiting && ahead !== null ? html`<p class="ahead" data-ahead=${ahead}><strong>${t.ahead(ahead)}</strong></p>` : nothing}
      ${waiting && wait !== null ? html`<p class="wait">${wait <= 180 ? t.wait(waitText) : t.comeAt(slot)}</p>` : nothing}
      ${waiting && !queue ? html`<p>${t.connection.connecting}</p>` : nothing}
    </div>
    ${
      waiting
        ? html`<p class="conn" part="connection" data-status=${conn}>
            <span class="dot dot-${conn}" aria-hidden="true"></span>
            ${t.connection[conn]}${updated ? html` · ${t.updated(updated)}` : nothing}
          </p>`
        : nothing
    }
  </div>`;
}

/** Calendar file, WhatsApp and "open later" (`later`, the ticket page with `?code=`): the ticket taken out of this page. */
export function ticketLinks(t: TicketMessages, tk: Ticket, date: string, later: string | null): TemplateResult {
  const ics = ticketIcs(tk, { title: t.calendarTitle, bring: t.bring, url: later ?? undefined });
  const share = `${t.shareText(tk.queueNumber, tk.serviceName, date, tk.slot.start, tk.code)}${later ? `\n${later}` : ''}`;
  const calendar = `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
  const whatsapp = `https://wa.me/?text=${encodeURIComponent(share)}`;
  return html`<ul class="links" part="links">
    <li><a class="link-btn" href=${calendar} download="antrean-${tk.code}.ics" data-action="ics">${t.calendar}</a></li>
    <li><a class="link-btn" href=${whatsapp} target="_blank" rel="noopener noreferrer" data-action="whatsapp">${t.whatsapp}</a></li>
    ${later ? html`<li><a class="link-btn" href=${later} data-action="later">${t.later}</a></li>` : nothing}
  </ul>`;
}

export interface RescheduleViewOptions {
  t: TicketMessages;
  locale: Locale;
  ticket: Ticket;
  state: TicketFlowState;
  /** The element's error banner for a code (nothing without one). */
  alert(code: string | null | undefined, retry?: () => void): unknown;
  onRetry(): void;
  onChooseDate(date: string): void;
  onChooseSlot(slotId: string): void;
  onClose(): void;
  onSave(): void;
}

/** Choosing another date and time: the current one, the dates, the day's times, close and save. */
export function rescheduleView(o: RescheduleViewOptions): TemplateResult {
  const { t, locale, ticket: tk, state: s } = o;
  const rs = s.reschedule ?? { status: 'loading', availability: null, tooLate: false, date: null, slotId: null };
  const a = rs.availability;
  const open = a && !rs.tooLate;
  const day = a && rs.date ? a.days.find((d) => d.date === rs.date) : undefined;
  const slots = day
    ? html`<h4 id="rs-slots-title" tabindex="-1">${formatDay(day.date, locale, 'long')}</h4>
        ${renderSlots({ day, locale, t, selected: rs.slotId, onChoose: (x) => o.onChooseSlot(x.id) })}`
    : nothing;
  const saving = { label: s.busy ? t.submitting : t.rescheduleSave, busy: !rs.slotId || s.busy };
  return html`<div class="manage" part="manage" role="group" aria-labelledby="rs-title">
    <h3 id="rs-title" tabindex="-1">${t.rescheduleHeading}</h3>
    <p>${t.rescheduleIntro}</p>
    <p class="context">${t.current}: <strong>${formatDay(tk.date, locale, 'long')}, ${tk.slot.start}–${tk.slot.end}</strong></p>
    ${rs.status === 'loading' ? statusLine(t.loadingDates) : nothing} ${rs.status === 'error' ? o.alert(s.error?.code, o.onRetry) : nothing}
    ${rs.tooLate ? html`<div class="banner error" role="alert" part="alert"><p>${t.rescheduleTooLate}</p></div>` : nothing}
    ${
      open
        ? html`${renderDays({ availability: a, locale, t, selected: rs.date, onChoose: o.onChooseDate })} ${slots}
          ${s.error?.action === 'reschedule' ? o.alert(s.error.code) : nothing}`
        : nothing
    }
    ${actions(
      button({ label: t.rescheduleClose, action: 'reschedule-close', onClick: o.onClose }),
      open ? button({ ...saving, kind: 'primary', action: 'reschedule-save', onClick: o.onSave }) : nothing,
    )}
  </div>`;
}

/** A submit button's label and busy state (`Memproses…` while the flow works). */
export interface BusyLabel {
  busy: boolean;
  label: string;
}

export interface CodeEntryOptions {
  t: TicketMessages;
  value: string;
  invalid?: boolean;
  onInput(value: string): void;
  onSubmit(e: Event): void;
}

/** "Kode booking" and "Tampilkan": opens a ticket by its code. */
export const codeEntryForm = (o: CodeEntryOptions): TemplateResult =>
  html`<form class="inline-form" novalidate @submit=${o.onSubmit}>
    ${textField({
      id: 'code-input',
      key: 'code',
      label: o.t.code,
      hint: o.t.codeFormat,
      autocomplete: 'off',
      autocapitalize: 'characters',
      maxlength: 20,
      invalid: o.invalid,
      value: o.value,
      onInput: o.onInput,
    })}
    ${button({ label: o.t.show, kind: 'primary' })}
  </form>`;

export interface RevealOptions {
  t: TicketMessages;
  heading: string;
  value: string;
  /** The phone field's own error text. */
  error: string | null;
  /** Any other error of the reveal, as an alert. */
  alert: unknown;
  submit: BusyLabel;
  onInput(value: string): void;
  onSubmit(e: Event): void;
}

/** The phone field that unlocks the personal details and the changes. */
export const revealForm = (o: RevealOptions): TemplateResult =>
  html`<form class="reveal" novalidate @submit=${o.onSubmit} aria-labelledby="reveal-title">
    <h3 id="reveal-title">${o.heading}</h3>
    ${textField({
      id: 'phone-input',
      key: 'phone',
      label: o.t.phone,
      hint: o.t.revealIntro,
      type: 'tel',
      inputmode: 'tel',
      autocomplete: 'tel',
      maxlength: 40,
      error: o.error,
      errorPart: 'alert',
      value: o.value,
      onInput: o.onInput,
    })}
    ${o.alert} ${button({ ...o.submit, kind: 'primary', action: 'reveal' })}
  </form>`;

/** What to bring, as a checklist to tick (nothing when the service asks for nothing). */
export function bringList(
  t: TicketMessages,
  items: readonly string[],
  done: ReadonlySet<number>,
  onToggle: (index: number, on: boolean) => void,
): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  return html`<h3 id="bring-title">${t.bring}</h3>
    ${checklist({ id: 'bring', hint: t.bringHint, status: t.checked(done.size, items.length), items, done, onToggle })}`;
}

export interface ManageOptions {
  t: TicketMessages;
  ticket: Ticket;
  state: TicketFlowState;
  error: unknown;
  cancelYes: BusyLabel;
  onAskCancel(): void;
  onCancelNo(): void;
  onCancelYes(): void;
  onReschedule(): void;
}

/** "Ubah atau batalkan": reschedule and cancel, or the cancellation's own confirmation. */
export function manageView(o: ManageOptions): TemplateResult {
  const { t, state: s } = o;
  if (s.mode === 'cancel') {
    return html`<div class="manage" part="manage" role="group" aria-labelledby="cancel-q">
      <p id="cancel-q"><strong>${t.cancelConfirm(o.ticket.queueNumber)}</strong></p>
      ${o.error}
      ${actions(
        button({ label: t.cancelNo, action: 'cancel-no', onClick: o.onCancelNo }),
        button({ ...o.cancelYes, kind: 'danger', action: 'cancel-yes', onClick: o.onCancelYes }),
      )}
    </div>`;
  }
  return html`<div class="manage" part="manage">
    <h3>${t.manage}</h3>
    ${o.error}
    ${actions(
      s.status === 'booked' ? button({ label: t.reschedule, action: 'reschedule', onClick: o.onReschedule }) : nothing,
      button({ label: t.cancel, kind: 'danger-outline', action: 'cancel', onClick: o.onAskCancel }),
    )}
  </div>`;
}
