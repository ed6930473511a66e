import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  daysBetween,
  isMppError,
  ticketIcs,
  InvalidResponseError,
  QueueWatcher,
  type QueueApi,
  type QrCode,
  type Availability,
  type BookingStatus,
  type MppError,
  type QueueState,
  type QueueWatchState,
  type Slot,
  type Ticket,
  type TicketPosition,
  type WatchedTicket,
} from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { queueApiFor } from '../shared/client.js';
import { resolveLocale, type Locale } from '../shared/i18n.js';
import { MppErrorEvent } from '../shared/events.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { queueStyles } from '../mpp-queue-booking/queue.styles.js';
import { qrCode } from '../shared/qr.js';
import { checklist } from '../shared/checklist.js';
import { queueErrorMessage } from '../mpp-queue-booking/messages.js';
import { formatDay, renderDays, renderSlots, scheduleStyles } from '../mpp-queue-booking/schedule.js';
import { MppBookingCancelledEvent, MppBookingRescheduledEvent } from './events.js';
import { TICKET_MESSAGES, type TicketMessages } from './messages.js';
import { styles } from './mpp-queue-ticket.styles.js';

const CODE_RE = /^[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const WAITING: readonly BookingStatus[] = ['booked', 'checked_in'];

/** `ab12 cd34`, `AB12CD34` → `AB12-CD34`; anything else is returned trimmed and upper-cased. */
function normalizeCode(input: string): string {
  const c = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return c.length === 8 ? `${c.slice(0, 4)}-${c.slice(4)}` : input.trim().toUpperCase();
}

const toError = (e: unknown): MppError => (isMppError(e) ? e : new InvalidResponseError(String(e), undefined, e));

interface Reschedule {
  status: 'loading' | 'ready' | 'error';
  availability: Availability | null;
  date: string | null;
  slotId: string | null;
}

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

  @state() private position: TicketPosition | null = null;
  @state() private loadStatus: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** Error code of loading the ticket by code (`booking_not_found`, `network`, …). */
  @state() private loadError: string | null = null;
  @state() private watch: QueueWatchState | null = null;
  @state() private checked: number[] = [];
  @state() private mode: 'view' | 'cancel' | 'reschedule' = 'view';
  @state() private busy = false;
  @state() private actionError: MppError | null = null;
  @state() private notice = '';
  @state() private reschedule: Reschedule | null = null;
  @state() private phoneInput = '';
  @state() private codeInput = '';
  @state() private online = typeof navigator === 'undefined' ? true : navigator.onLine;

  #key: string | null = null;
  #watcher: QueueWatcher | null = null;
  #unwatch: (() => void) | null = null;
  #generation = 0;
  #langObserver: MutationObserver | null = null;
  #focus: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langObserver = new MutationObserver(() => this.requestUpdate());
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
    // Re-attached (moved in the DOM): set up again on the next update.
    this.#key = null;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
    this.#stopWatching();
    this.#generation++;
  }

  #onNetwork = () => {
    this.online = navigator.onLine;
  };

  get #base(): string {
    return resolveApiBase(this.api);
  }

  /** The queue calls only: a page with just the ticket loads no catalog code. */
  get #api(): QueueApi {
    return queueApiFor(this.#base);
  }

  /** The booking code shown: the ticket's, the attribute, else `?code=` of the page. */
  get #code(): string | null {
    if (this.ticket) return this.ticket.code;
    if (this.code) return normalizeCode(this.code);
    const fromUrl = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('code') : null;
    return fromUrl ? normalizeCode(fromUrl) : null;
  }

  get #locale(): Locale {
    return TICKET_MESSAGES.localeOf(resolveLocale(this));
  }

  /** The messages of the current render (English arrives lazily: see `LocaleCatalog`). */
  #t: TicketMessages = TICKET_MESSAGES.id;

  #error(code: string): string {
    return queueErrorMessage(this.#t, this.#locale, code);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const t = this.ticket;
    const key = `${this.#base}|${t ? `${t.code}|${t.date}|${t.slot.id}|${t.status}` : (this.#code ?? '')}`;
    if (key !== this.#key && this.isConnected) {
      this.#key = key;
      this.#setup();
    }
    if (changed.has('ticket') && changed.get('ticket')?.code !== this.ticket?.code) this.checked = [];
  }

  #setup(): void {
    this.#stopWatching();
    const gen = ++this.#generation;
    const t = this.ticket;
    if (t) {
      this.position = null;
      this.loadStatus = 'ready';
      if (WAITING.includes(t.status)) this.#watchQueue(t.queueId, t.date, { code: t.code, number: t.number, startsAt: t.slot.startsAt });
      return;
    }
    const code = this.#code;
    this.position = null;
    if (!code) {
      this.loadStatus = 'idle';
      return;
    }
    this.codeInput = code;
    if (!CODE_RE.test(code)) {
      this.loadStatus = 'error';
      this.#fail('booking_not_found');
      return;
    }
    this.loadStatus = 'loading';
    this.loadError = null;
    this.#api.position(code).then(
      (p) => {
        if (gen !== this.#generation) return;
        this.position = p;
        this.loadStatus = 'ready';
        if (WAITING.includes(p.status))
          this.#watchQueue(p.queue.queueId, p.queue.date, { code: p.code, number: p.number, startsAt: p.slotStartsAt });
      },
      (e: unknown) => {
        if (gen !== this.#generation) return;
        this.loadStatus = 'error';
        const code = toError(e).code;
        // A malformed code never reaches a booking: it is simply not found.
        this.#fail(code === 'validation_failed' || code === 'route_not_found' ? 'booking_not_found' : code);
      },
    );
  }

  /** Live state through the core `QueueWatcher` (SSE, polling fallback), which follows the ticket's place. */
  #watchQueue(queueId: string, date: string, ticket: WatchedTicket): void {
    const watcher = new QueueWatcher(this.#api, { queueId, date, ticket });
    this.#watcher = watcher;
    this.watch = watcher.getSnapshot();
    this.#unwatch = watcher.subscribe((s) => {
      this.watch = s;
    });
    watcher.start();
  }

  #stopWatching(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#watcher?.stop();
    this.#watcher = null;
  }

  #fail(code: string): void {
    this.loadError = code;
    this.#report(code);
  }

  #report(code: string): void {
    this.dispatchEvent(new MppErrorEvent({ code, source: 'mpp-queue-ticket' }));
  }

  #actionFailed(e: unknown): MppError {
    const error = (this.actionError = toError(e));
    this.#report(error.code);
    return error;
  }

  protected override updated(): void {
    if (this.#focus) {
      const sel = this.#focus;
      this.#focus = null;
      this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
    }
  }

  /** The ticket's status as best known: a final status of the ticket, else the live one. */
  get #status(): BookingStatus | null {
    const t = this.ticket;
    if (t && !WAITING.includes(t.status)) return t.status;
    if (t) return this.watch?.queue ? (this.watch.ticketStatus ?? t.status) : t.status;
    return this.position?.status ?? null;
  }

  get #laterUrl(): string | null {
    const code = this.#code;
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
    if (!t) return nothing;
    this.#t = t;
    const code = this.#code;
    let body;
    if (this.ticket) body = this.#renderFull(this.ticket);
    else if (!code) body = this.#renderCodeEntry();
    else if (this.loadStatus === 'error') body = this.#renderLoadError();
    else if (!this.position) body = html`<p class="status" role="status">${t.loading}</p>`;
    else body = this.#renderCodeOnly(code, this.position);
    return html`<section class="root" part="base" aria-labelledby="t-title" lang=${this.#locale}>
      <h2 id="t-title" part="title" tabindex="-1">${this.ticket || this.position ? t.title : t.codeEntry}</h2>
      ${this.notice ? html`<p class="notice" role="status">✓ ${this.notice}</p>` : nothing} ${body}
    </section>`;
  }

  #alert(code: string | null | undefined, retry?: () => void) {
    if (!code) return nothing;
    return html`<div class="banner error" role="alert" part="alert">
      <p><span aria-hidden="true">⚠</span> ${this.#error(code)}</p>
      ${retry ? html`<button type="button" class="btn" part="button" data-action="retry" @click=${retry}>${this.#t.retry}</button>` : nothing}
    </div>`;
  }

  #renderCodeEntry(error?: boolean) {
    const t = this.#t;
    return html`<form class="inline-form" novalidate @submit=${this.#onCode}>
      <div class="field">
        <label for="code-input">${t.code}</label>
        <p class="hint" id="code-hint">${t.codeFormat}</p>
        <input
          id="code-input"
          part="input"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="20"
          aria-describedby="code-hint"
          aria-invalid=${error ? 'true' : 'false'}
          .value=${this.codeInput}
          @input=${(e: Event) => (this.codeInput = (e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="btn btn-primary" part="primary-button">${t.show}</button>
    </form>`;
  }

  #onCode = (e: Event) => {
    e.preventDefault();
    const code = normalizeCode(this.codeInput);
    if (!code) return;
    this.code = code;
    this.#focus = '#t-title';
  };

  #renderLoadError() {
    const notFound = this.loadError === 'booking_not_found';
    return html`${this.#alert(this.loadError, notFound ? undefined : () => this.#setup())}
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

  #formatWait(min: number): string {
    const t = this.#t;
    if (min < 60) return t.minutes(min);
    return t.hours(Math.floor(min / 60), min % 60);
  }

  /**
   * The live box. A wait of more than three hours is mostly the time until the slot starts: then
   * the slot itself (`slot`, when known) says more than a number of hours.
   */
  #renderLive(status: BookingStatus | null, ahead: number | null, wait: number | null, queue: QueueState | null, slot?: string) {
    const t = this.#t;
    const w = this.watch;
    const waiting = status !== null && WAITING.includes(status);
    const offline = !this.online || (w?.error?.kind === 'network' && w.status !== 'live');
    const conn = offline ? 'offline' : (w?.status ?? 'connecting');
    // `updatedAt` is written in the office's zone (`…T08:31:05+07:00`): its wall time is the one to show.
    const updated = queue ? (/T(\d\d:\d\d)/.exec(queue.updatedAt)?.[1] ?? '') : '';
    return html`<div class="live" part="live" aria-labelledby="live-title">
      <h3 id="live-title">${t.live}</h3>
      <div class="live-lines" aria-live="polite">
        ${status && !waiting ? html`<p class="ticket-status ${status}"><strong>${t.status[status]}</strong></p>` : nothing}
        ${
          queue
            ? html`<p class="now-serving" data-now=${queue.nowServing ?? ''}>
                ${queue.nowServing ? t.nowServing(queue.nowServing) : t.nobodyServed}
              </p>`
            : nothing
        }
        ${waiting && ahead !== null ? html`<p class="ahead" data-ahead=${ahead}><strong>${t.ahead(ahead)}</strong></p>` : nothing}
        ${
          waiting && wait !== null
            ? wait <= 180
              ? html`<p class="wait">${t.wait(this.#formatWait(wait))}</p>`
              : slot
                ? html`<p class="wait">${t.comeAt(slot)}</p>`
                : nothing
            : nothing
        }
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

  #renderCodeOnly(code: string, p: TicketPosition) {
    const t = this.#t;
    const w = this.watch;
    const status = w?.queue ? (w.ticketStatus ?? p.status) : p.status;
    return html`${this.#renderCodeBox(code, p.qr)}
    ${this.#renderLive(
      status,
      w?.queue ? w.ahead : p.ahead,
      w?.queue ? w.estimatedWaitMinutes : p.estimatedWaitMinutes,
      w?.queue ?? p.queue,
      formatDay(p.queue.date, this.#locale, 'long'),
    )}
    ${WAITING.includes(status) ? this.#renderReveal(t.revealHeading) : nothing}`;
  }

  #renderReveal(heading: string) {
    const t = this.#t;
    const e = this.actionError;
    const phoneError = e?.code === 'phone_mismatch' || e?.code?.startsWith('phone');
    return html`<form class="reveal" novalidate @submit=${this.#onReveal} aria-labelledby="reveal-title">
      <h3 id="reveal-title">${heading}</h3>
      <div class="field">
        <label for="phone-input">${t.phone}</label>
        <p class="hint" id="phone-hint">${t.revealIntro}</p>
        <input
          id="phone-input"
          part="input"
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          maxlength="40"
          aria-invalid=${phoneError ? 'true' : 'false'}
          aria-describedby=${phoneError ? 'phone-hint phone-error' : 'phone-hint'}
          .value=${this.phoneInput}
          @input=${(ev: Event) => (this.phoneInput = (ev.target as HTMLInputElement).value)}
        />
        ${
          phoneError
            ? html`<p class="field-error" id="phone-error" part="alert"><span aria-hidden="true">⚠</span> ${this.#error(e!.code)}</p>`
            : nothing
        }
      </div>
      ${e && !phoneError ? this.#alert(e.code) : nothing}
      <button
        type="submit"
        class="btn btn-primary"
        part="primary-button"
        data-action="reveal"
        aria-disabled=${this.busy ? 'true' : 'false'}
      >
        ${this.busy ? t.submitting : t.reveal}
      </button>
    </form>`;
  }

  #onReveal = async (e: Event) => {
    e.preventDefault();
    const code = this.#code;
    if (!code || this.busy) return;
    this.busy = true;
    this.actionError = null;
    try {
      const ticket = await this.#api.lookup(code, this.phoneInput);
      this.phone = this.phoneInput;
      this.ticket = ticket;
      this.#focus = '#t-title';
    } catch (err) {
      this.#actionFailed(err);
      this.#focus = '#phone-input';
    } finally {
      this.busy = false;
    }
  };

  #renderFull(tk: Ticket) {
    const t = this.#t;
    const locale = this.#locale;
    const status = this.#status;
    const waiting = status !== null && WAITING.includes(status);
    const date = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'full', timeZone: tk.timeZone }).format(
      new Date(tk.slot.startsAt),
    );
    const time = `${tk.slot.start}–${tk.slot.end}`;
    const later = this.#laterUrl;
    const done = new Set(this.checked);
    const ics = ticketIcs(tk, { title: t.calendarTitle, bring: t.bring, url: later ?? undefined });
    const share = `${t.shareText(tk.queueNumber, tk.serviceName, date, tk.slot.start, tk.code)}${later ? `\n${later}` : ''}`;
    return html`<p class="number-label" id="t-number-label">${t.number}</p>
      <p class="number ${status === 'cancelled' ? 'void' : ''}" part="number" aria-describedby="t-number-label">${tk.queueNumber}</p>
      ${status === 'cancelled' ? html`<p class="ticket-status cancelled" role="status"><strong>✕ ${t.status.cancelled}</strong></p>` : nothing}
      <dl class="facts" part="details">
        <dt>${t.service}</dt>
        <dd>${tk.serviceName}</dd>
        <dt>${t.agency}</dt>
        <dd>${tk.agencyName}</dd>
        <dt>${t.date}</dt>
        <dd data-field="date">${date}</dd>
        <dt>${t.time}</dt>
        <dd data-field="time">${time}</dd>
        <dt>${t.location}</dt>
        <dd>${tk.location}</dd>
        <dt>${t.name}</dt>
        <dd>${tk.name}</dd>
        <dt>${t.nik}</dt>
        <dd class="mono">${tk.nikMasked}</dd>
      </dl>
      ${status === 'cancelled' ? nothing : this.#renderCodeBox(tk.code, tk.qr)}
      ${status === 'cancelled' ? nothing : this.#renderLive(status, this.watch?.ahead ?? null, this.watch?.estimatedWaitMinutes ?? null, this.watch?.queue ?? null, `${date}, ${time}`)}
      ${
        waiting && tk.requirements.length
          ? html`<h3 id="bring-title">${t.bring}</h3>
              ${checklist({
                id: 'bring',
                hint: t.bringHint,
                status: t.checked(done.size, tk.requirements.length),
                items: tk.requirements,
                done,
                onToggle: (i, on) => this.#toggle(i, on),
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
            </ul>`
          : nothing
      }
      ${waiting ? this.#renderManage(tk, status!) : nothing}`;
  }

  #toggle(i: number, on: boolean) {
    const cur = new Set(this.checked);
    if (on) cur.add(i);
    else cur.delete(i);
    this.checked = [...cur];
  }

  #renderManage(tk: Ticket, status: BookingStatus) {
    const t = this.#t;
    if (!this.phone) return this.#renderReveal(t.manage);
    if (this.mode === 'cancel') {
      return html`<div class="manage" part="manage" role="group" aria-labelledby="cancel-q">
        <p id="cancel-q"><strong>${t.cancelConfirm(tk.queueNumber)}</strong></p>
        ${this.#alert(this.actionError?.code)}
        <div class="actions">
          <button
            type="button"
            class="btn"
            part="button"
            data-action="cancel-no"
            @click=${() => this.#closeManage('[data-action="cancel"]')}
          >
            ${t.cancelNo}
          </button>
          <button
            type="button"
            class="btn btn-danger"
            part="danger-button"
            data-action="cancel-yes"
            aria-disabled=${this.busy ? 'true' : 'false'}
            @click=${this.#cancel}
          >
            ${this.busy ? t.submitting : t.cancelYes}
          </button>
        </div>
      </div>`;
    }
    if (this.mode === 'reschedule') return this.#renderReschedule(tk);
    return html`<div class="manage" part="manage">
      <h3>${t.manage}</h3>
      ${this.#alert(this.actionError?.code)}
      <div class="actions">
        ${
          status === 'booked'
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
            this.actionError = null;
            this.mode = 'cancel';
            this.#focus = '[data-action="cancel-no"]';
          }}
        >
          ${t.cancel}
        </button>
      </div>
    </div>`;
  }

  #closeManage(focus: string) {
    this.mode = 'view';
    this.actionError = null;
    this.reschedule = null;
    this.#focus = focus;
  }

  #cancel = async () => {
    const tk = this.ticket;
    if (!tk || !this.phone || this.busy) return;
    this.busy = true;
    this.actionError = null;
    try {
      const updated = await this.#api.cancel(tk.code, this.phone);
      this.ticket = updated;
      this.mode = 'view';
      this.#focus = '#t-title';
      this.dispatchEvent(new MppBookingCancelledEvent({ code: updated.code, serviceId: updated.serviceId, date: updated.date }));
    } catch (e) {
      this.#actionFailed(e);
    } finally {
      this.busy = false;
    }
  };

  #openReschedule = async () => {
    const tk = this.ticket;
    if (!tk) return;
    this.mode = 'reschedule';
    this.actionError = null;
    this.notice = '';
    this.reschedule = { status: 'loading', availability: null, date: null, slotId: null };
    this.#focus = '#rs-title';
    try {
      const availability = await this.#api.availability(tk.serviceId, { days: 14 });
      if (this.mode !== 'reschedule') return;
      this.reschedule = { status: 'ready', availability, date: null, slotId: null };
    } catch (e) {
      if (this.mode !== 'reschedule') return;
      this.reschedule = { status: 'error', availability: null, date: null, slotId: null };
      this.#actionFailed(e);
    }
  };

  #renderReschedule(tk: Ticket) {
    const t = this.#t;
    const locale = this.#locale;
    const rs = this.reschedule;
    const a = rs?.availability ?? null;
    const tooLate = a ? daysBetween(a.today, tk.date) < 1 : false;
    const day = a && rs?.date ? a.days.find((d) => d.date === rs.date) : undefined;
    return html`<div class="manage" part="manage" role="group" aria-labelledby="rs-title">
      <h3 id="rs-title" tabindex="-1">${t.rescheduleHeading}</h3>
      <p>${t.rescheduleIntro}</p>
      <p class="context">${t.current}: <strong>${formatDay(tk.date, locale, 'long')}, ${tk.slot.start}–${tk.slot.end}</strong></p>
      ${rs?.status === 'loading' ? html`<p class="status" role="status">${t.loadingDates}</p>` : nothing}
      ${rs?.status === 'error' ? this.#alert(this.actionError?.code, () => void this.#openReschedule()) : nothing}
      ${tooLate ? html`<div class="banner error" role="alert" part="alert"><p>${t.rescheduleTooLate}</p></div>` : nothing}
      ${
        a && !tooLate
          ? html`${renderDays({
              availability: a,
              locale,
              t,
              selected: rs?.date ?? null,
              onChoose: (d) => {
                this.reschedule = { ...rs!, date: d, slotId: null };
                this.#focus = '#rs-slots-title';
              },
            })}
            ${
              day
                ? html`<h4 id="rs-slots-title" tabindex="-1">${formatDay(day.date, locale, 'long')}</h4>
                    ${renderSlots({
                      day,
                      locale,
                      t,
                      selected: rs?.slotId ?? null,
                      onChoose: (s: Slot) => {
                        this.reschedule = { ...rs!, slotId: s.id };
                      },
                    })}`
                : nothing
            }
            ${rs?.status === 'ready' ? this.#alert(this.actionError?.code) : nothing}`
          : nothing
      }
      <div class="actions">
        <button
          type="button"
          class="btn"
          part="button"
          data-action="reschedule-close"
          @click=${() => this.#closeManage('[data-action="reschedule"]')}
        >
          ${t.rescheduleClose}
        </button>
        ${
          a && !tooLate
            ? html`<button
                type="button"
                class="btn btn-primary"
                part="primary-button"
                data-action="reschedule-save"
                aria-disabled=${!rs?.slotId || this.busy ? 'true' : 'false'}
                @click=${this.#saveReschedule}
              >
                ${this.busy ? t.submitting : t.rescheduleSave}
              </button>`
            : nothing
        }
      </div>
    </div>`;
  }

  #saveReschedule = async () => {
    const tk = this.ticket;
    const slotId = this.reschedule?.slotId;
    if (!tk || !this.phone || !slotId || this.busy) return;
    this.busy = true;
    this.actionError = null;
    try {
      const updated = await this.#api.reschedule(tk.code, this.phone, slotId);
      this.ticket = updated;
      this.mode = 'view';
      this.reschedule = null;
      this.notice = this.#t.rescheduled(formatDay(updated.date, this.#locale, 'long'), `${updated.slot.start}–${updated.slot.end}`);
      this.#focus = '#t-title';
      this.dispatchEvent(
        new MppBookingRescheduledEvent({ code: updated.code, serviceId: updated.serviceId, date: updated.date, slot: updated.slot.start }),
      );
    } catch (e) {
      const error = this.#actionFailed(e);
      // A slot that filled up meanwhile: show the fresh numbers.
      if (error.code === 'slot_full' && this.reschedule) {
        const date = this.reschedule.date;
        this.#api.availability(tk.serviceId, { days: 14 }).then(
          (availability) => {
            if (this.mode === 'reschedule') this.reschedule = { status: 'ready', availability, date, slotId: null };
          },
          () => undefined,
        );
      }
    } finally {
      this.busy = false;
    }
  };
}
