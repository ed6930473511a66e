import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  isWaiting,
  normalizeBookingCode,
  ticketIcs,
  TicketFlow,
  type QrCode,
  type Slot,
  type Ticket,
  type TicketFlowError,
  type TicketFlowState,
  type TicketPosition,
} from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { queueApiFor } from '../shared/client.js';
import { resolveLocale, type Locale } from '../shared/i18n.js';
import { MppErrorEvent } from '../shared/events.js';
import { problemText } from '../shared/problems.js';
import { alertBanner, textField } from '../shared/field.js';
import { StoreController } from '../shared/store-controller.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { queueStyles } from '../shared/queue.styles.js';
import { qrCode } from '../shared/qr.js';
import { checklist } from '../shared/checklist.js';
import { formatDay, renderDays, renderSlots, scheduleStyles } from '../shared/schedule.js';
import { MppBookingCancelledEvent, MppBookingRescheduledEvent } from './events.js';
import { TICKET_MESSAGES, type TicketMessages } from './messages.js';
import { styles } from './mpp-queue-ticket.styles.js';

/**
 * @summary A queue ticket: number, service, date and time, where to go, what to bring, the booking
 * code with its QR code, a calendar file, and the live position in the queue; cancel or change the date.
 *
 * @tag mpp-queue-ticket
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr code - Booking code (`AB12-CD34`). Default: `?code=` of the page address; without one a code field is shown.
 * @attr ticket-url - Page of this widget, for the "open later" link, the calendar file and sharing (`?code=` is added).
 * @attr theme - `auto` (default, follows the system), `light` or `dark`.
 * @attr lang - `id` (default) or `en`; inherited from the nearest ancestor or `<html lang>`.
 *
 * @prop ticket - A full `Ticket` (e.g. from `<mpp-queue-booking>`): details are shown without asking for the phone.
 * @prop phone - The mobile number used for the booking, if the page has it; never reflected or sent in events.
 *
 * @fires mpp-booking-cancelled - `{ code, serviceId, date }` after the citizen cancelled.
 * @fires mpp-booking-rescheduled - `{ code, serviceId, date, slot }` after the citizen moved the ticket.
 * @fires mpp-error - `{ code, source }` when an error is shown (`network`, `booking_not_found`, `phone_mismatch`, …).
 *
 * @csspart base - The outer container.
 * @csspart title - The heading.
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
 * @csspart days - The date list when changing the date.
 * @csspart day - One date button.
 * @csspart slots - The time list when changing the date.
 * @csspart slot - One time button.
 *
 * @cssprop --mpp-color-primary - Brand colour (buttons, the number). Default `#0b57d0`.
 * @cssprop --mpp-color-on-primary - Text on the brand colour. Default `#ffffff`.
 * @cssprop --mpp-color-surface - Background. Default `#ffffff`.
 * @cssprop --mpp-color-surface-2 - Secondary background (live box, banners). Default `#f1f4f9`.
 * @cssprop --mpp-color-text - Text colour. Default `#1b1c1f`.
 * @cssprop --mpp-color-muted - Secondary text. Default `#4a4f57`.
 * @cssprop --mpp-color-border - Borders. Default `#8a9099`.
 * @cssprop --mpp-color-danger - Errors and cancelling. Default `#b3261e`.
 * @cssprop --mpp-color-focus - Focus ring. Default `#0b57d0`.
 * @cssprop --mpp-radius - Corner radius. Default `8px`.
 * @cssprop --mpp-font-family - Font. Default the system UI font.
 * @cssprop --mpp-font-size - Base font size. Default `1rem`.
 * @cssprop --mpp-space - Inner padding. Default `1rem`.
 * @cssprop --mpp-ticket-border-color - Border around the ticket. Default `--mpp-color-border`.
 * @cssprop --mpp-ticket-number-size - Size of the queue number. Default `3rem`.
 */
export class MppQueueTicket extends LitElement {
  static override styles = [tokens, components, queueStyles, scheduleStyles, styles];

  @property() api: string | null = null;
  @property() code: string | null = null;
  @property({ attribute: 'ticket-url' }) ticketUrl: string | null = null;
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';
  @property({ attribute: false }) ticket: Ticket | null = null;
  @property({ attribute: false }) phone: string | null = null;

  @state() private checked: number[] = [];
  @state() private phoneInput = '';
  @state() private codeInput = '';
  @state() private online = typeof navigator === 'undefined' ? true : navigator.onLine;

  #ctl: StoreController<TicketFlowState> | null = null;
  #base: string | null = null;
  #langObserver: MutationObserver | null = null;
  #focus: string | null = null;
  #reported: TicketFlowError | null = null;
  /** The ticket or code last handed to the flow. */
  #asked: Ticket | string | null = null;
  /** The messages of the current render (English arrives lazily: see `LocaleCatalog`). */
  #t: TicketMessages = TICKET_MESSAGES.id;

  /** The core `TicketFlow` this element shows (load, reveal, live position, cancel, reschedule). */
  get flow(): TicketFlow | null {
    return (this.#ctl?.store as TicketFlow | undefined) ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langObserver = new MutationObserver(() => this.requestUpdate());
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
    this.flow?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
    this.flow?.stop();
  }

  #onNetwork = () => {
    this.online = navigator.onLine;
  };

  /** The booking code asked for: the attribute, else `?code=` of the page. */
  get #code(): string | null {
    const code = this.code ?? (typeof location !== 'undefined' ? new URLSearchParams(location.search).get('code') : null);
    return code ? normalizeBookingCode(code) : null;
  }

  get #locale(): Locale {
    return TICKET_MESSAGES.localeOf(resolveLocale(this));
  }

  #error = (code: string | null | undefined): string => problemText(this.#t.problems, code);

  /** One flow per API base (the queue calls only: a page with just the ticket loads no catalog code). */
  #newFlow(base: string): TicketFlow {
    if (this.#ctl) {
      (this.#ctl.store as TicketFlow).dispose();
      this.removeController(this.#ctl);
    }
    const flow = new TicketFlow(queueApiFor(base));
    this.#base = base;
    this.#asked = null;
    this.#ctl = new StoreController(this, flow);
    return flow;
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

  protected override updated(): void {
    const error = this.#ctl?.value.error ?? null;
    if (error && error !== this.#reported) this.dispatchEvent(new MppErrorEvent({ code: error.code, source: 'mpp-queue-ticket' }));
    this.#reported = error;
    if (this.#focus) {
      const sel = this.#focus;
      this.#focus = null;
      this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
    }
  }

  /** The ticket changed by the citizen: the `ticket` property follows (a host such as the booking reads it). */
  #changed(ticket: Ticket | null | undefined, focus = '#t-title'): ticket is Ticket {
    if (ticket) {
      this.ticket = this.#asked = ticket;
      this.#focus = focus;
    }
    return !!ticket;
  }

  get #laterUrl(): string | null {
    const code = this.ticket?.code ?? this.#code;
    if (!this.ticketUrl || !code) return null;
    try {
      const u = new URL(this.ticketUrl, location.href);
      u.searchParams.set('code', code);
      return u.href;
    } catch {
      return null;
    }
  }

  override render() {
    const t = TICKET_MESSAGES.get(this.#locale, this);
    const s = this.#ctl?.value;
    if (!t || !s) return nothing;
    this.#t = t;
    const code = s.ticket?.code ?? this.#code;
    let body;
    if (s.ticket) body = this.#renderFull(s.ticket, s);
    else if (!code) body = this.#renderCodeEntry();
    else if (s.loadStatus === 'error') body = this.#renderLoadError(s);
    else if (!s.position) body = html`<p class="status" role="status">${t.loading}</p>`;
    else body = this.#renderCodeOnly(code, s.position, s);
    const moved = s.lastAction === 'rescheduled' && s.ticket;
    return html`<section class="root" part="base" aria-labelledby="t-title" lang=${this.#locale}>
      <h2 id="t-title" part="title" tabindex="-1">${s.ticket || s.position ? t.title : t.codeEntry}</h2>
      ${moved ? html`<p class="notice" role="status">✓ ${t.rescheduled(formatDay(moved.date, this.#locale, 'long'), `${moved.slot.start}–${moved.slot.end}`)}</p>` : nothing}
      ${body}
    </section>`;
  }

  #alert(code: string | null | undefined, retry?: () => void) {
    return code ? alertBanner(this.#error(code), retry && { label: this.#t.retry, run: retry }) : nothing;
  }

  #renderCodeEntry(error?: boolean) {
    const t = this.#t;
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
      <button type="submit" class="btn btn-primary" part="primary-button">${t.show}</button>
    </form>`;
  }

  #onCode = (e: Event) => {
    e.preventDefault();
    const code = normalizeBookingCode(this.codeInput);
    if (!code) return;
    this.code = this.codeInput = this.#asked = code;
    this.#focus = '#t-title';
    void this.flow?.load(code);
  };

  #renderLoadError(s: TicketFlowState) {
    const code = s.error?.code;
    const notFound = code === 'booking_not_found';
    return html`${this.#alert(code, notFound ? undefined : () => void this.flow?.retry())}
    ${notFound ? this.#renderCodeEntry(true) : nothing}`;
  }

  #renderCodeBox(code: string, qr: QrCode | undefined) {
    const t = this.#t;
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
  #renderLive(s: TicketFlowState, slot: string) {
    const t = this.#t;
    const { status, ahead, estimatedWaitMinutes: wait, queue, live } = s;
    const waiting = isWaiting(status);
    const offline = !this.online || (live?.error?.kind === 'network' && live.status !== 'live');
    const conn = offline ? 'offline' : (live?.status ?? 'connecting');
    // `updatedAt` is written in the office's zone (`…T08:31:05+07:00`): its wall time is the one to show.
    const updated = queue ? (/T(\d\d:\d\d)/.exec(queue.updatedAt)?.[1] ?? '') : '';
    const waitText = wait === null ? '' : wait < 60 ? t.minutes(wait) : t.hours(Math.floor(wait / 60), wait % 60);
    return html`<div class="live" part="live" aria-labelledby="live-title">
      <h3 id="live-title">${t.live}</h3>
      <div class="live-lines" aria-live="polite">
        ${status && !waiting ? html`<p class="ticket-status ${status}"><strong>${t.status[status]}</strong></p>` : nothing}
        ${queue ? html`<p class="now-serving" data-now=${queue.nowServing ?? ''}>${queue.nowServing ? t.nowServing(queue.nowServing) : t.nobodyServed}</p>` : nothing}
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

  #renderCodeOnly(code: string, p: TicketPosition, s: TicketFlowState) {
    return html`${this.#renderCodeBox(code, p.qr)} ${this.#renderLive(s, formatDay(p.queue.date, this.#locale, 'long'))}
    ${isWaiting(s.status) ? this.#renderReveal(this.#t.revealHeading, s) : nothing}`;
  }

  #renderReveal(heading: string, s: TicketFlowState) {
    const t = this.#t;
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
        error: phoneError ? this.#error(e.code) : null,
        errorPart: 'alert',
        value: this.phoneInput,
        onInput: (v) => (this.phoneInput = v),
      })}
      ${e && !phoneError ? this.#alert(e.code) : nothing}
      <button type="submit" class="btn btn-primary" part="primary-button" data-action="reveal" aria-disabled=${s.busy ? 'true' : 'false'}>
        ${s.busy ? t.submitting : t.reveal}
      </button>
    </form>`;
  }

  #onReveal = async (e: Event) => {
    e.preventDefault();
    const flow = this.flow;
    if (!flow || flow.getSnapshot().busy) return;
    if (!this.#changed(await flow.reveal(this.phoneInput))) this.#focus = '#phone-input';
  };

  #renderFull(tk: Ticket, s: TicketFlowState) {
    const t = this.#t;
    const { status } = s;
    const waiting = isWaiting(status);
    const cancelled = status === 'cancelled';
    const date = new Intl.DateTimeFormat(this.#locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'full', timeZone: tk.timeZone }).format(
      new Date(tk.slot.startsAt),
    );
    const time = `${tk.slot.start}–${tk.slot.end}`;
    const later = this.#laterUrl;
    const done = new Set(this.checked);
    const ics = ticketIcs(tk, { title: t.calendarTitle, bring: t.bring, url: later ?? undefined });
    const share = `${t.shareText(tk.queueNumber, tk.serviceName, date, tk.slot.start, tk.code)}${later ? `\n${later}` : ''}`;
    const fact = (label: string, value: string, field?: string, cls?: string) =>
      html`<dt>${label}</dt>
        <dd data-field=${field ?? nothing} class=${cls ?? nothing}>${value}</dd>`;
    return html`<p class="number-label" id="t-number-label">${t.number}</p>
      <p class="number ${cancelled ? 'void' : ''}" part="number" aria-describedby="t-number-label">${tk.queueNumber}</p>
      ${cancelled ? html`<p class="ticket-status cancelled" role="status"><strong>✕ ${t.status.cancelled}</strong></p>` : nothing}
      <dl class="facts" part="details">
        ${fact(t.service, tk.serviceName)} ${fact(t.agency, tk.agencyName)} ${fact(t.date, date, 'date')} ${fact(t.time, time, 'time')}
        ${fact(t.location, tk.location)} ${fact(t.name, tk.name)} ${fact(t.nik, tk.nikMasked, undefined, 'mono')}
      </dl>
      ${cancelled ? nothing : html`${this.#renderCodeBox(tk.code, tk.qr)} ${this.#renderLive(s, `${date}, ${time}`)}`}
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
      ${
        waiting
          ? html`<ul class="links" part="links">
                <li>
                  <a
                    class="link-btn"
                    href="data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}"
                    download="antrean-${tk.code}.ics"
                    data-action="ics"
                    >${t.calendar}</a
                  >
                </li>
                <li>
                  <a
                    class="link-btn"
                    href="https://wa.me/?text=${encodeURIComponent(share)}"
                    target="_blank"
                    rel="noopener noreferrer"
                    data-action="whatsapp"
                    >${t.whatsapp}</a
                  >
                </li>
                ${later ? html`<li><a class="link-btn" href=${later} data-action="later">${t.later}</a></li>` : nothing}
              </ul>
              ${this.#renderManage(tk, s)}`
          : nothing
      }`;
  }

  #renderManage(tk: Ticket, s: TicketFlowState) {
    const t = this.#t;
    const flow = this.flow!;
    if (!s.hasPhone) return this.#renderReveal(t.manage, s);
    if (s.mode === 'reschedule') return this.#renderReschedule(tk, s);
    const error = s.error?.action === 'cancel' ? s.error.code : null;
    if (s.mode === 'cancel') {
      return html`<div class="manage" part="manage" role="group" aria-labelledby="cancel-q">
        <p id="cancel-q"><strong>${t.cancelConfirm(tk.queueNumber)}</strong></p>
        ${this.#alert(error)}
        <div class="actions">
          <button type="button" class="btn" part="button" data-action="cancel-no" @click=${() => this.#close('[data-action="cancel"]')}>
            ${t.cancelNo}
          </button>
          <button
            type="button"
            class="btn btn-danger"
            part="danger-button"
            data-action="cancel-yes"
            aria-disabled=${s.busy ? 'true' : 'false'}
            @click=${this.#cancel}
          >
            ${s.busy ? t.submitting : t.cancelYes}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="manage" part="manage">
      <h3>${t.manage}</h3>
      ${this.#alert(error)}
      <div class="actions">
        ${
          s.status === 'booked'
            ? html`<button type="button" class="btn" part="button" data-action="reschedule" @click=${this.#openReschedule}>
                ${t.reschedule}
              </button>`
            : nothing
        }
        <button
          type="button"
          class="btn btn-danger-outline"
          part="danger-button"
          data-action="cancel"
          @click=${() => {
            flow.askCancel();
            this.#focus = '[data-action="cancel-no"]';
          }}
        >
          ${t.cancel}
        </button>
      </div>
    </div>`;
  }

  #close(focus: string) {
    this.flow?.closeManage();
    this.#focus = focus;
  }

  #cancel = async () => {
    const ticket = await this.flow?.cancel();
    if (this.#changed(ticket))
      this.dispatchEvent(new MppBookingCancelledEvent({ code: ticket.code, serviceId: ticket.serviceId, date: ticket.date }));
  };

  #openReschedule = () => {
    this.#focus = '#rs-title';
    void this.flow?.openReschedule();
  };

  #renderReschedule(tk: Ticket, s: TicketFlowState) {
    const t = this.#t;
    const locale = this.#locale;
    const flow = this.flow!;
    const rs = s.reschedule ?? { status: 'loading', availability: null, tooLate: false, date: null, slotId: null };
    const a = rs.availability;
    const open = a && !rs.tooLate;
    const day = a && rs?.date ? a.days.find((d) => d.date === rs.date) : undefined;
    return html`<div class="manage" part="manage" role="group" aria-labelledby="rs-title">
      <h3 id="rs-title" tabindex="-1">${t.rescheduleHeading}</h3>
      <p>${t.rescheduleIntro}</p>
      <p class="context">${t.current}: <strong>${formatDay(tk.date, locale, 'long')}, ${tk.slot.start}–${tk.slot.end}</strong></p>
      ${rs?.status === 'loading' ? html`<p class="status" role="status">${t.loadingDates}</p>` : nothing}
      ${rs?.status === 'error' ? this.#alert(s.error?.code, () => void flow.openReschedule()) : nothing}
      ${rs?.tooLate ? html`<div class="banner error" role="alert" part="alert"><p>${t.rescheduleTooLate}</p></div>` : nothing}
      ${
        open
          ? html`${renderDays({
              availability: a,
              locale,
              t,
              selected: rs.date,
              onChoose: (d) => {
                flow.chooseDate(d);
                this.#focus = '#rs-slots-title';
              },
            })}
            ${
              day
                ? html`<h4 id="rs-slots-title" tabindex="-1">${formatDay(day.date, locale, 'long')}</h4>
                    ${renderSlots({ day, locale, t, selected: rs.slotId, onChoose: (x: Slot) => flow.chooseSlot(x.id) })}`
                : nothing
            }
            ${s.error?.action === 'reschedule' ? this.#alert(s.error.code) : nothing}`
          : nothing
      }
      <div class="actions">
        <button
          type="button"
          class="btn"
          part="button"
          data-action="reschedule-close"
          @click=${() => this.#close('[data-action="reschedule"]')}
        >
          ${t.rescheduleClose}
        </button>
        ${
          open
            ? html`<button
                type="button"
                class="btn btn-primary"
                part="primary-button"
                data-action="reschedule-save"
                aria-disabled=${!rs.slotId || s.busy ? 'true' : 'false'}
                @click=${this.#saveReschedule}
              >
                ${s.busy ? t.submitting : t.rescheduleSave}
              </button>`
            : nothing
        }
      </div>
    </div>`;
  }

  #saveReschedule = async () => {
    const ticket = await this.flow?.saveReschedule();
    if (this.#changed(ticket)) {
      const { code, serviceId, date, slot } = ticket;
      this.dispatchEvent(new MppBookingRescheduledEvent({ code, serviceId, date, slot: slot.start }));
    }
  };
}
