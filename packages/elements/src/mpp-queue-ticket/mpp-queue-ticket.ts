import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { normalizeBookingCode, TicketFlow, type Ticket, type TicketFlowState, type TicketPosition } from '@mpp-kit/core';
import { pageLink, resolveApiBase, TICKET_CODE_PARAM } from '../shared/config.js';
import { queueApiFor } from '../shared/client.js';
import { MppElement } from '../shared/mpp-element.js';
import { statusLine } from '../shared/templates.js';
import type { StoreController } from '../shared/store-controller.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { queueStyles } from '../shared/queue.styles.js';
import { formatDay, scheduleStyles } from '../shared/schedule.js';
import { MppBookingCancelledEvent, MppBookingRescheduledEvent } from './events.js';
import { TICKET_MESSAGES, type TicketMessages } from './messages.js';
import { styles } from './mpp-queue-ticket.styles.js';
import { CallAlert } from './call-alert.js';
import {
  alertToggle,
  bringList,
  callout,
  codeBox,
  codeEntryForm,
  liveBox,
  manageView,
  rescheduleView,
  revealForm,
  ticketHead,
  ticketLinks,
  type TicketFacts,
} from './templates.js';

/** Where the citizen's choice of a sound and vibration on the call is kept (this device). */

/**
 * @summary A queue ticket: number, service, date and time, where to go, what to bring, the booking
 * code with its QR code, a calendar file, and the live position in the queue; cancel or change the date.
 *
 * @tag mpp-queue-ticket
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr code - Booking code (`AB12-CD34`). Default: `?kode=` (or `?code=`) of the page address; without one a code field is shown.
 * @attr code-param - The page-address parameter of the code (default `kode`). A ticket found by the code of the address or
 *   typed in the field puts its code there (`history.replaceState`, never the phone), so a reload shows it again; `""` turns that off.
 * @attr ticket-url - Page of this widget, for the "open later" link, the calendar file and sharing (`?kode=` is added).
 *
 * @prop ticket - A full `Ticket` (e.g. from `<mpp-queue-booking>`): details are shown without asking for the phone.
 * @prop phone - The mobile number used for the booking, if the page has it; never reflected or sent in events.
 *
 * @fires mpp-booking-cancelled - `{ code, serviceId, date }` after the citizen cancelled.
 * @fires mpp-booking-rescheduled - `{ code, serviceId, date, slot }` after the citizen moved the ticket.
 * @fires mpp-error - `{ code, source }` when an error is shown (`network`, `booking_not_found`, `phone_mismatch`, …).
 *
 * @csspart callout - The call at the top (`B-005 dipanggil — silakan ke Loket 3`), an assertive live region.
 * @csspart number - The big queue number.
 * @csspart details - The ticket's facts (service, date, time, place).
 * @csspart code - The booking code box.
 * @csspart qr - The QR code (an `<svg role="img">`).
 * @csspart live - The live position box.
 * @csspart connection - The connection status line.
 * @csspart checklist - What to bring.
 * @csspart links - Calendar, share and "open later" links.
 * @csspart input - Text inputs (code, phone).
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons.
 * @csspart primary-button - Main buttons (show, save).
 * @csspart danger-button - The cancel buttons.
 * @csspart manage - The cancel and reschedule box.
 * @csspart days - The date list when changing the date.
 * @csspart day - One date button.
 * @csspart slots - The time list when changing the date.
 * @csspart slot - One time button.
 *
 * @cssprop --mpp-color-primary - Brand colour (buttons, the number). Default `#0b57d0`.
 * @cssprop --mpp-color-surface-2 - Secondary background (live box, banners). Default `#f1f4f9`.
 * @cssprop --mpp-color-danger - Errors and cancelling. Default `#b3261e`.
 * @cssprop --mpp-ticket-border-color - Border around the ticket. Default none (the host page's card frames it).
 * @cssprop --mpp-ticket-number-size - Size of the queue number. Default 3 × `--mpp-font-size`.
 */
export class MppQueueTicket extends MppElement<TicketMessages> {
  // `theme`, `lang`, the `base` and `title` parts, `mpp-error` and the `--mpp-*` tokens: see `MppElement`.
  static override styles = [tokens, components, queueStyles, scheduleStyles, styles];
  protected readonly messages = TICKET_MESSAGES;

  @property() api: string | null = null;
  @property() code: string | null = null;
  @property({ attribute: 'ticket-url' }) ticketUrl: string | null = null;
  @property({ attribute: false }) ticket: Ticket | null = null;
  @property({ attribute: false }) phone: string | null = null;
  @property({ attribute: 'code-param' }) codeParam = TICKET_CODE_PARAM;

  @state() private checked: number[] = [];
  @state() private phoneInput = '';
  @state() private codeInput = '';
  @state() private online = typeof navigator === 'undefined' ? true : navigator.onLine;

  #ctl: StoreController<TicketFlowState, TicketFlow> | null = null;
  #base: string | null = null;
  /** The ticket or code last handed to the flow. */
  #asked: Ticket | string | null = null;
  /** The code typed in the code field (it then goes into the page address). */
  #entered: string | null = null;
  /** The page's own title, while the call is in it. */
  #pageTitle: string | null = null;
  #calls = 0;
  /** Sound and vibration on the call, if the citizen turned them on. */
  readonly #alert = new CallAlert(this);

  /** The core `TicketFlow` this element shows (load, reveal, live position, cancel, reschedule). */
  get flow(): TicketFlow | null {
    return this.#ctl?.store ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
    this.flow?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
    this.flow?.stop();
    this.#restoreTitle();
  }

  #onNetwork = () => (this.online = navigator.onLine);

  /** The booking code asked for: the attribute, else the one typed, else `?kode=` (or `?code=`) of the page. */
  get #code(): string | null {
    const code = this.code ?? this.#entered ?? this.#urlCode;
    return code ? normalizeBookingCode(code) : null;
  }

  get #urlCode(): string | null {
    if (typeof location === 'undefined') return null;
    const q = new URLSearchParams(location.search);
    return (this.codeParam && q.get(this.codeParam)) || q.get('code');
  }

  /** The ticket shown came from the page address or the code field: the address keeps its code for a reload. */
  #keepInAddress(code: string): void {
    if (!this.codeParam || this.ticket || this.code || typeof history === 'undefined') return;
    const url = new URL(location.href);
    if (url.searchParams.get(this.codeParam) === code && !url.searchParams.has('code')) return;
    if (this.codeParam !== 'code') url.searchParams.delete('code');
    url.searchParams.set(this.codeParam, code);
    history.replaceState(history.state, '', url.href);
  }

  /** One flow per API base (the queue calls only: a page with just the ticket loads no catalog code). */
  #newFlow(base: string): TicketFlow {
    this.#ctl = this.adopt(this.#ctl, new TicketFlow(queueApiFor(base)));
    this.#calls = 0;
    this.#base = base;
    this.#asked = null;
    return this.#ctl.store;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    const base = resolveApiBase(this.api);
    const flow = this.flow && base === this.#base ? this.flow : this.#newFlow(base);
    // What the page asks for: a ticket, else a code. The flow's own changes (reveal, cancel,
    // reschedule) come back through `#changed` and are not asked for again.
    const code = this.#code;
    const want = this.ticket ?? code;
    if (want !== this.#asked) {
      this.#asked = want;
      if (this.ticket) flow.show(this.ticket, this.phone ?? undefined);
      else if (code) {
        this.codeInput = code;
        void flow.load(code);
      } else this.#newFlow(base);
    } else if (changed.has('phone')) flow.setPhone(this.phone);
    if (changed.has('ticket') && changed.get('ticket')?.code !== this.ticket?.code) this.checked = [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    const s = this.#ctl?.value;
    this.reportError(s?.error);
    if (s?.position && s.loadStatus === 'ready' && !s.ticket) this.#keepInAddress(s.position.code);
    // The call: in the page title while it lasts, and a sound / vibration each time it happens (if chosen).
    if (s?.phase === 'called' && s.queueNumber) {
      this.#pageTitle ??= document.title;
      document.title = this.t.called(s.queueNumber, s.counter);
    } else this.#restoreTitle();
    const calls = s?.calls ?? 0;
    if (calls > this.#calls && this.#alert.on) this.#alert.ring();
    this.#calls = calls;
    super.updated(changed);
  }

  #restoreTitle(): void {
    if (this.#pageTitle === null) return;
    document.title = this.#pageTitle;
    this.#pageTitle = null;
  }

  /** The ticket changed by the citizen: the `ticket` property follows (a host such as the booking reads it). */
  #changed(ticket: Ticket | null | undefined, focus = '#t-title'): ticket is Ticket {
    if (ticket) {
      this.ticket = this.#asked = ticket;
      this.focusAfterUpdate(focus);
    }
    return !!ticket;
  }

  get #laterUrl(): string | null {
    return pageLink(this.ticketUrl, this.codeParam || TICKET_CODE_PARAM, this.ticket?.code ?? this.#code);
  }

  protected renderView() {
    const t = this.t;
    const s = this.#ctl?.value;
    if (!s) return nothing;
    const code = s.ticket?.code ?? this.#code;
    let body;
    if (s.ticket) body = this.#renderFull(s.ticket, s);
    else if (!code) body = this.#renderCodeEntry();
    else if (s.loadStatus === 'error') body = this.#renderLoadError(s);
    else if (!s.position) body = statusLine(t.loading);
    else body = this.#renderCodeOnly(s.position, s);
    const moved = s.lastAction === 'rescheduled' && s.ticket;
    const when = moved && t.rescheduled(formatDay(moved.date, this.locale, 'long'), `${moved.slot.start}–${moved.slot.end}`);
    const known = s.ticket || s.position;
    return this.frame(
      known ? t.title : t.codeEntry,
      html`${known ? callout(t, s) : nothing} ${when ? html`<p class="notice" role="status">✓ ${when}</p>` : nothing} ${body}`,
      't-title',
    );
  }

  #busy = (s: TicketFlowState, label: string) => ({ busy: s.busy, label: s.busy ? this.t.submitting : label });

  #renderCodeEntry(error?: boolean) {
    return codeEntryForm({
      t: this.t,
      value: this.codeInput,
      invalid: error,
      onInput: (v) => (this.codeInput = v),
      onSubmit: this.#onCode,
    });
  }

  #onCode = (e: Event) => {
    e.preventDefault();
    const code = normalizeBookingCode(this.codeInput);
    if (!code) return;
    this.#entered = this.codeInput = this.#asked = code;
    this.focusAfterUpdate('#t-title');
    void this.flow?.load(code);
  };

  #renderLoadError(s: TicketFlowState) {
    const notFound = s.error?.code === 'booking_not_found';
    return html`${this.alert(s.error?.code, notFound ? undefined : () => void this.flow?.retry())}
    ${notFound ? this.#renderCodeEntry(true) : nothing}`;
  }

  /** The date in the ticket's own zone (`Selasa, 24 November 2026`). */
  #date(v: TicketFacts): string {
    const f = new Intl.DateTimeFormat(this.locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'full', timeZone: v.timeZone });
    return f.format(new Date(v.slot.startsAt));
  }

  /**
   * What the code alone shows (a link opened in the hall): the outcome first if over, the number,
   * service, date, time and place, the live position, the code and QR while it is still valid, and
   * the phone field for the personal details and changes.
   */
  #renderCodeOnly(p: TicketPosition, s: TicketFlowState) {
    const date = this.#date(p);
    return html`${ticketHead(this.t, p, date, s)} ${this.#renderLive(p, s, date)}
    ${s.phase === 'waiting' ? this.#renderReveal(this.t.revealHeading, s) : nothing}`;
  }

  /** While the ticket is valid: the live position, the code with its QR, and the sound toggle. */
  #renderLive(v: TicketFacts & { code: string; qr: TicketPosition['qr'] }, s: TicketFlowState, date: string) {
    if (s.over) return nothing;
    const t = this.t;
    return html`${liveBox(t, s, `${date}, ${v.slot.start}–${v.slot.end}`, this.online)} ${codeBox(t, v.code, v.qr)}
    ${s.phase === 'waiting' ? alertToggle(t, this.#alert.on, this.#alert.set) : nothing}`;
  }

  #renderReveal(heading: string, s: TicketFlowState) {
    const e = s.error?.action === 'reveal' ? s.error : null;
    const phoneError = !!e && e.code.startsWith('phone');
    return revealForm({
      t: this.t,
      heading,
      value: this.phoneInput,
      error: phoneError ? this.errorText(e.code) : null,
      alert: e && !phoneError ? this.alert(e.code) : nothing,
      submit: this.#busy(s, this.t.reveal),
      onInput: (v) => (this.phoneInput = v),
      onSubmit: this.#onReveal,
    });
  }

  #onReveal = async (e: Event) => {
    e.preventDefault();
    const flow = this.flow;
    if (!flow || flow.getSnapshot().busy) return;
    if (!this.#changed(await flow.reveal(this.phoneInput))) this.focusAfterUpdate('#phone-input');
  };

  #renderFull(tk: Ticket, s: TicketFlowState) {
    const t = this.t;
    const waiting = s.phase === 'waiting';
    const date = this.#date(tk);
    const done = new Set(this.checked);
    return html`${ticketHead(t, tk, date, s, tk)} ${this.#renderLive(tk, s, date)}
    ${
      waiting
        ? bringList(t, tk.requirements, done, (i, on) => (this.checked = on ? [...done, i] : [...done].filter((x) => x !== i)))
        : nothing
    }
    ${waiting ? html`${ticketLinks(t, tk, date, this.#laterUrl)} ${this.#renderManage(tk, s)}` : nothing}`;
  }

  #renderManage(tk: Ticket, s: TicketFlowState) {
    const flow = this.flow!;
    if (!s.hasPhone) return this.#renderReveal(this.t.manage, s);
    if (s.mode === 'reschedule') return this.#renderReschedule(tk, s);
    return manageView({
      t: this.t,
      ticket: tk,
      state: s,
      error: this.alert(s.error?.action === 'cancel' ? s.error.code : null),
      cancelYes: this.#busy(s, this.t.cancelYes),
      onAskCancel: () => {
        flow.askCancel();
        this.focusAfterUpdate('[data-action="cancel-no"]');
      },
      onCancelNo: () => this.#close('[data-action="cancel"]'),
      onCancelYes: this.#cancel,
      onReschedule: this.#openReschedule,
    });
  }

  #close(focus: string) {
    this.flow?.closeManage();
    this.focusAfterUpdate(focus);
  }

  #cancel = async () => {
    const ticket = await this.flow?.cancel();
    if (this.#changed(ticket))
      this.dispatchEvent(new MppBookingCancelledEvent({ code: ticket.code, serviceId: ticket.serviceId, date: ticket.date }));
  };

  #openReschedule = () => {
    this.focusAfterUpdate('#rs-title');
    void this.flow?.openReschedule();
  };

  #renderReschedule(ticket: Ticket, state: TicketFlowState) {
    const flow = this.flow!;
    return rescheduleView({
      t: this.t,
      locale: this.locale,
      ticket,
      state,
      alert: (code, retry) => this.alert(code, retry),
      onRetry: () => void flow.openReschedule(),
      onChooseDate: (d) => {
        flow.chooseDate(d);
        this.focusAfterUpdate('#rs-slots-title');
      },
      onChooseSlot: (id) => flow.chooseSlot(id),
      onClose: () => this.#close('[data-action="reschedule"]'),
      onSave: () => void this.#saveReschedule(),
    });
  }

  async #saveReschedule() {
    const ticket = await this.flow?.saveReschedule();
    if (this.#changed(ticket)) {
      const { code, serviceId, date, slot } = ticket;
      this.dispatchEvent(new MppBookingRescheduledEvent({ code, serviceId, date, slot: slot.start }));
    }
  }
}
