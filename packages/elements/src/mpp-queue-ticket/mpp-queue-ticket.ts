import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isWaiting, normalizeBookingCode, TicketFlow, type Ticket, type TicketFlowState, type TicketPosition } from '@mpp-kit/core';
import { pageLink, resolveApiBase } from '../shared/config.js';
import { queueApiFor } from '../shared/client.js';
import { textField } from '../shared/field.js';
import { MppElement } from '../shared/mpp-element.js';
import { actions, button, statusLine } from '../shared/templates.js';
import type { StoreController } from '../shared/store-controller.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { queueStyles } from '../shared/queue.styles.js';
import { checklist } from '../shared/checklist.js';
import { formatDay, scheduleStyles } from '../shared/schedule.js';
import { MppBookingCancelledEvent, MppBookingRescheduledEvent } from './events.js';
import { TICKET_MESSAGES, type TicketMessages } from './messages.js';
import { styles } from './mpp-queue-ticket.styles.js';
import { codeBox, liveBox, rescheduleView, ticketHead, ticketLinks } from './templates.js';

/**
 * @summary A queue ticket: number, service, date and time, where to go, what to bring, the booking
 * code with its QR code, a calendar file, and the live position in the queue; cancel or change the date.
 *
 * @tag mpp-queue-ticket
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr code - Booking code (`AB12-CD34`). Default: `?code=` of the page address; without one a code field is shown.
 * @attr ticket-url - Page of this widget, for the "open later" link, the calendar file and sharing (`?code=` is added).
 *
 * @prop ticket - A full `Ticket` (e.g. from `<mpp-queue-booking>`): details are shown without asking for the phone.
 * @prop phone - The mobile number used for the booking, if the page has it; never reflected or sent in events.
 *
 * @fires mpp-booking-cancelled - `{ code, serviceId, date }` after the citizen cancelled.
 * @fires mpp-booking-rescheduled - `{ code, serviceId, date, slot }` after the citizen moved the ticket.
 * @fires mpp-error - `{ code, source }` when an error is shown (`network`, `booking_not_found`, `phone_mismatch`, …).
 *
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
 * @cssprop --mpp-ticket-border-color - Border around the ticket. Default `--mpp-color-border`.
 * @cssprop --mpp-ticket-number-size - Size of the queue number. Default `3rem`.
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

  @state() private checked: number[] = [];
  @state() private phoneInput = '';
  @state() private codeInput = '';
  @state() private online = typeof navigator === 'undefined' ? true : navigator.onLine;

  #ctl: StoreController<TicketFlowState, TicketFlow> | null = null;
  #base: string | null = null;
  /** The ticket or code last handed to the flow. */
  #asked: Ticket | string | null = null;

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
  }

  #onNetwork = () => (this.online = navigator.onLine);

  /** The booking code asked for: the attribute, else `?code=` of the page. */
  get #code(): string | null {
    const code = this.code ?? (typeof location !== 'undefined' ? new URLSearchParams(location.search).get('code') : null);
    return code ? normalizeBookingCode(code) : null;
  }

  /** One flow per API base (the queue calls only: a page with just the ticket loads no catalog code). */
  #newFlow(base: string): TicketFlow {
    this.#ctl = this.adopt(this.#ctl, new TicketFlow(queueApiFor(base)));
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
    this.reportError(this.#ctl?.value.error);
    super.updated(changed);
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
    return pageLink(this.ticketUrl, 'code', this.ticket?.code ?? this.#code);
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
    else body = this.#renderCodeOnly(code, s.position, s);
    const moved = s.lastAction === 'rescheduled' && s.ticket;
    const when = moved && t.rescheduled(formatDay(moved.date, this.locale, 'long'), `${moved.slot.start}–${moved.slot.end}`);
    return this.frame(
      s.ticket || s.position ? t.title : t.codeEntry,
      html`${when ? html`<p class="notice" role="status">✓ ${when}</p>` : nothing} ${body}`,
      't-title',
    );
  }

  #busy = (s: TicketFlowState, label: string) => ({ busy: s.busy, label: s.busy ? this.t.submitting : label });

  #renderCodeEntry(error?: boolean) {
    const t = this.t;
    return html`<form class="inline-form" novalidate @submit=${this.#onCode}>
      ${textField({
        id: 'code-input',
        key: 'code',
        label: t.code,
        hint: t.codeFormat,
        autocomplete: 'off',
        autocapitalize: 'characters',
        maxlength: 20,
        invalid: error,
        value: this.codeInput,
        onInput: (v) => (this.codeInput = v),
      })}
      ${button({ label: t.show, kind: 'primary' })}
    </form>`;
  }

  #onCode = (e: Event) => {
    e.preventDefault();
    const code = normalizeBookingCode(this.codeInput);
    if (!code) return;
    this.code = this.codeInput = this.#asked = code;
    this.focusAfterUpdate('#t-title');
    void this.flow?.load(code);
  };

  #renderLoadError(s: TicketFlowState) {
    const notFound = s.error?.code === 'booking_not_found';
    return html`${this.alert(s.error?.code, notFound ? undefined : () => void this.flow?.retry())}
    ${notFound ? this.#renderCodeEntry(true) : nothing}`;
  }

  #renderCodeOnly(code: string, p: TicketPosition, s: TicketFlowState) {
    return html`${codeBox(this.t, code, p.qr)} ${liveBox(this.t, s, formatDay(p.queue.date, this.locale, 'long'), this.online)}
    ${isWaiting(s.status) ? this.#renderReveal(this.t.revealHeading, s) : nothing}`;
  }

  #renderReveal(heading: string, s: TicketFlowState) {
    const t = this.t;
    const e = s.error?.action === 'reveal' ? s.error : null;
    const phoneError = !!e && e.code.startsWith('phone');
    return html`<form class="reveal" novalidate @submit=${this.#onReveal} aria-labelledby="reveal-title">
      <h3 id="reveal-title">${heading}</h3>
      ${textField({
        id: 'phone-input',
        key: 'phone',
        label: t.phone,
        hint: t.revealIntro,
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'tel',
        maxlength: 40,
        error: phoneError ? this.errorText(e.code) : null,
        errorPart: 'alert',
        value: this.phoneInput,
        onInput: (v) => (this.phoneInput = v),
      })}
      ${e && !phoneError ? this.alert(e.code) : nothing} ${button({ ...this.#busy(s, t.reveal), kind: 'primary', action: 'reveal' })}
    </form>`;
  }

  #onReveal = async (e: Event) => {
    e.preventDefault();
    const flow = this.flow;
    if (!flow || flow.getSnapshot().busy) return;
    if (!this.#changed(await flow.reveal(this.phoneInput))) this.focusAfterUpdate('#phone-input');
  };

  #renderFull(tk: Ticket, s: TicketFlowState) {
    const t = this.t;
    const waiting = isWaiting(s.status);
    const cancelled = s.status === 'cancelled';
    const dateFormat = new Intl.DateTimeFormat(this.locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'full', timeZone: tk.timeZone });
    const date = dateFormat.format(new Date(tk.slot.startsAt));
    const time = `${tk.slot.start}–${tk.slot.end}`;
    const done = new Set(this.checked);
    return html`${ticketHead(t, tk, date, time, cancelled)}
    ${cancelled ? nothing : html`${codeBox(t, tk.code, tk.qr)} ${liveBox(t, s, `${date}, ${time}`, this.online)}`}
    ${
      waiting && tk.requirements.length
        ? html`<h3 id="bring-title">${t.bring}</h3>
            ${checklist({
              id: 'bring',
              hint: t.bringHint,
              status: t.checked(done.size, tk.requirements.length),
              items: tk.requirements,
              done,
              onToggle: (i, on) => (this.checked = on ? [...done, i] : [...done].filter((x) => x !== i)),
            })}`
        : nothing
    }
    ${waiting ? html`${ticketLinks(t, tk, date, this.#laterUrl)} ${this.#renderManage(tk, s)}` : nothing}`;
  }

  #renderManage(tk: Ticket, s: TicketFlowState) {
    const t = this.t;
    const flow = this.flow!;
    if (!s.hasPhone) return this.#renderReveal(t.manage, s);
    if (s.mode === 'reschedule') return this.#renderReschedule(tk, s);
    const error = this.alert(s.error?.action === 'cancel' ? s.error.code : null);
    if (s.mode === 'cancel') {
      return html`<div class="manage" part="manage" role="group" aria-labelledby="cancel-q">
        <p id="cancel-q"><strong>${t.cancelConfirm(tk.queueNumber)}</strong></p>
        ${error}
        ${actions(
          button({ label: t.cancelNo, action: 'cancel-no', onClick: () => this.#close('[data-action="cancel"]') }),
          button({ ...this.#busy(s, t.cancelYes), kind: 'danger', action: 'cancel-yes', onClick: this.#cancel }),
        )}
      </div>`;
    }
    const ask = () => {
      flow.askCancel();
      this.focusAfterUpdate('[data-action="cancel-no"]');
    };
    return html`<div class="manage" part="manage">
      <h3>${t.manage}</h3>
      ${error}
      ${actions(
        s.status === 'booked' ? button({ label: t.reschedule, action: 'reschedule', onClick: this.#openReschedule }) : nothing,
        button({ label: t.cancel, kind: 'danger-outline', action: 'cancel', onClick: ask }),
      )}
    </div>`;
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
