import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  BookingFlow,
  CatalogStore,
  maskNik,
  normalizePhone,
  type BookingFlowState,
  type BookingStep,
  type CatalogState,
  type MppError,
  type Service,
  type Ticket,
} from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { catalogApiFor, queueApiFor } from '../shared/client.js';
import { localStorageCache } from '../shared/cache.js';
import { sessionDraftStorage, sessionJson } from '../shared/draft-storage.js';
import { resolveLocale, type Locale } from '../shared/i18n.js';
import { StoreController } from '../shared/store-controller.js';
import { alertBanner, textField } from '../shared/field.js';
import { MppErrorEvent, type MppBookingRequestedEvent } from '../shared/events.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { queueStyles } from '../shared/queue.styles.js';
import { MppBookingCreatedEvent, MppSlotsLoadedEvent } from './events.js';
import { BOOKING_MESSAGES, bookingErrorText, type BookingMessages } from './messages.js';
import { formatDay, renderDays, renderSlots, scheduleStyles } from '../shared/schedule.js';
import { styles } from './mpp-queue-booking.styles.js';

const PAGE = 12;
const STEPS: readonly BookingStep[] = ['service', 'date', 'slot', 'identity', 'confirm'];
const IDENTITY: readonly ('name' | 'nik' | 'phone' | 'email')[] = ['name', 'nik', 'phone', 'email'];

/**
 * @summary Online queue booking in five steps — service, date, time, personal details, confirm —
 * ending with the queue ticket (number, QR code, live position, calendar file). With an
 * `<mpp-service-catalog>` on the same page it answers the catalog's `mpp-booking-requested`: it takes
 * the service, scrolls into view and calls `preventDefault()` so the catalog does not navigate.
 *
 * @tag mpp-queue-booking
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr agency - Offer only this agency's services (e.g. `disdukcapil`).
 * @attr service - Book this service (e.g. `disdukcapil-ktp-el`); the service step is skipped. Without it, `?service=<id>` in the page URL preselects a service.
 * @attr ticket-url - Page that holds `<mpp-queue-ticket>`; the ticket links to `ticket-url?code=XXXX-XXXX` to see it later.
 * @attr theme - `auto` (default, follows the system), `light` or `dark`.
 * @attr lang - `id` (default) or `en`; inherited from the nearest ancestor or `<html lang>`.
 *
 * @fires mpp-slots-loaded - `{ serviceId, days }` when a service's dates loaded (`days`: dates that can be booked).
 * @fires mpp-booking-created - `{ code, serviceId, date, slot, queueNumber }` after a ticket was booked. No personal data.
 * @fires mpp-error - `{ code, source }` when an error is shown (`network`, `nik_birth_date`, `slot_full`, `duplicate_booking`, …).
 *
 * @csspart base - The outer container.
 * @csspart title - The widget's heading.
 * @csspart steps - The step indicator.
 * @csspart step-heading - The heading of the current step.
 * @csspart input - Text inputs (service search, name, NIK, phone, e-mail).
 * @csspart services - The service list.
 * @csspart service - One service button.
 * @csspart days - The date list.
 * @csspart day - One date button (also `day-open` or `day-closed`).
 * @csspart slots - The time list.
 * @csspart slot - One time button.
 * @csspart field-error - The error under a field.
 * @csspart summary - The confirmation summary.
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons (back, retry, show more).
 * @csspart primary-button - Continue, submit and "book another".
 * @csspart ticket - The embedded `<mpp-queue-ticket>`.
 *
 * @cssprop --mpp-color-primary - Brand colour (buttons, current step, chosen date). Default `#0b57d0`.
 * @cssprop --mpp-color-on-primary - Text on the brand colour. Default `#ffffff`.
 * @cssprop --mpp-color-surface - Background. Default `#ffffff`.
 * @cssprop --mpp-color-surface-2 - Secondary background (closed dates, banners). Default `#f1f4f9`.
 * @cssprop --mpp-color-text - Text colour. Default `#1b1c1f`.
 * @cssprop --mpp-color-muted - Secondary text. Default `#4a4f57`.
 * @cssprop --mpp-color-border - Borders. Default `#8a9099`.
 * @cssprop --mpp-color-danger - Errors. Default `#b3261e`.
 * @cssprop --mpp-color-focus - Focus ring. Default `#0b57d0`.
 * @cssprop --mpp-radius - Corner radius. Default `8px`.
 * @cssprop --mpp-font-family - Font. Default the system UI font.
 * @cssprop --mpp-font-size - Base font size. Default `1rem`.
 * @cssprop --mpp-space - Inner padding. Default `1rem`.
 * @cssprop --mpp-booking-border-color - Border around the widget. Default none.
 */
export class MppQueueBooking extends LitElement {
  static override styles = [tokens, components, queueStyles, scheduleStyles, styles];

  @property() api: string | null = null;
  @property() agency: string | null = null;
  @property() service: string | null = null;
  @property({ attribute: 'ticket-url' }) ticketUrl: string | null = null;
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  @state() private shown = PAGE;
  /** The last ticket of this tab, shown again after a reload until "book another". */
  @state() private savedTicket: Ticket | null = null;

  #flow: BookingFlow | null = null;
  #flowCtl: StoreController<BookingFlowState> | null = null;
  #catalog: CatalogStore | null = null;
  #catalogCtl: StoreController<CatalogState> | null = null;
  #key = '';
  #base = '';
  #langObserver: MutationObserver | null = null;
  #lastStep: string | null = null;
  #lastFlowError: MppError | null = null;
  #lastCatalogError: MppError | null = null;
  #lastAvailability: unknown = null;
  #lastTicket: Ticket | null = null;
  #created: Ticket | null = null;
  #focus: string | null = null;

  /** The booking flow store behind the widget (for hosts that want to drive or observe it). */
  get flow(): BookingFlow | null {
    return this.#flow;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langObserver = new MutationObserver(() => this.requestUpdate());
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    document.addEventListener('mpp-booking-requested', this.#onBookingRequested);
    if (this.#flow) this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    document.removeEventListener('mpp-booking-requested', this.#onBookingRequested);
    this.#flow?.dispose();
    this.#catalog?.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const base = resolveApiBase(this.api);
    const key = `${base}|${this.agency ?? '*'}`;
    if (key !== this.#key) this.#createStores(base, key);
    else if (changed.has('service') && this.service && this.#flow?.getSnapshot().draft.serviceId !== this.service) {
      this.#flow?.setService(this.service);
    }
    const ticket = this.#flowCtl?.value.ticket;
    if (ticket && ticket !== this.#lastTicket) {
      // Kept for this tab: a reload shows the ticket again until "book another".
      this.#lastTicket = ticket;
      this.#created = ticket;
      this.#saveTicket(ticket);
    }
  }

  #saveTicket(ticket: Ticket): void {
    this.savedTicket = ticket;
    sessionJson.set(`${this.#draftKey}:ticket`, ticket);
  }

  /** The embedded ticket was cancelled or moved: keep the tab's copy current. */
  #onTicketChanged = (e: Event) => {
    const ticket = (e.target as HTMLElement & { ticket?: Ticket | null }).ticket;
    if (ticket) this.#saveTicket(ticket);
  };

  get #draftKey() {
    return `mpp-kit:booking-draft:v1:${this.#key}`;
  }

  #createStores(base: string, key: string): void {
    this.#key = key;
    this.#base = base;
    this.#flow?.dispose();
    this.#catalog?.dispose();
    if (this.#flowCtl) this.removeController(this.#flowCtl);
    if (this.#catalogCtl) this.removeController(this.#catalogCtl);
    this.#flow = new BookingFlow(queueApiFor(base), { serviceId: this.service, storage: sessionDraftStorage, storageKey: this.#draftKey });
    this.#catalog = new CatalogStore(catalogApiFor(base), {
      agency: this.agency,
      cache: localStorageCache,
      cacheKey: `mpp-kit:catalog:v1:${base}`,
      limit: 500,
    });
    // The catalog's booking-url opens this page with ?service=<id>: preselect it (changeable).
    const fromUrl = !this.service && typeof location !== 'undefined' ? new URLSearchParams(location.search).get('service') : null;
    if (fromUrl && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(fromUrl) && this.#flow.getSnapshot().draft.serviceId !== fromUrl)
      this.#flow.setService(fromUrl);
    this.#flowCtl = new StoreController(this, this.#flow);
    this.#catalogCtl = new StoreController(this, this.#catalog);
    this.savedTicket = sessionJson.get<Ticket>(`${this.#draftKey}:ticket`);
    this.#lastTicket = this.savedTicket;
    if (this.isConnected) {
      this.#flowCtl.hostConnected();
      this.#catalogCtl.hostConnected();
      this.#start();
    }
  }

  #start(): void {
    void this.#catalog?.load();
    const s = this.#flow?.getSnapshot();
    // Also after a reconnect: a load cut off by the disconnect starts again.
    if (s?.draft.serviceId && !s.availability) void this.#flow?.loadAvailability();
  }

  get #locale(): Locale {
    return BOOKING_MESSAGES.localeOf(resolveLocale(this));
  }

  /** The messages of the current render (English arrives lazily: see `LocaleCatalog`). */
  #t: BookingMessages = BOOKING_MESSAGES.id;

  #error(code: string | undefined): string {
    return bookingErrorText(this.#t, code);
  }

  #serviceOf(id: string | null | undefined): Service | undefined {
    return id ? this.#catalogCtl?.value.services.find((x) => x.id === id) : undefined;
  }

  /** The step on screen: the flow's, or the ticket of this tab restored after a reload. */
  get #viewStep(): BookingStep {
    const s = this.#flowCtl?.value;
    if (s?.step === 'ticket' || this.savedTicket) return 'ticket';
    return s?.step ?? 'service';
  }

  #onBookingRequested = (e: MppBookingRequestedEvent) => {
    const flow = this.#flow;
    if (!flow || e.defaultPrevented) return;
    const { serviceId, agencyId } = e.detail;
    if ((this.agency && agencyId !== this.agency) || (this.service && serviceId !== this.service)) return;
    e.preventDefault();
    this.#choose(serviceId, true);
    this.scrollIntoView({ block: 'start', behavior: 'smooth' });
    this.#focus = '#step-title';
  };

  #choose(serviceId: string, fromOutside = false): void {
    const flow = this.#flow!;
    const s = flow.getSnapshot();
    if (s.step === 'ticket' || this.savedTicket) this.#another(false);
    flow.setService(serviceId);
    if (fromOutside) this.#focus = '#step-title';
  }

  #another(focus = true): void {
    sessionJson.remove(`${this.#draftKey}:ticket`);
    this.savedTicket = null;
    this.#flow?.reset();
    if (focus) this.#focus = '#step-title';
  }

  protected override updated(): void {
    const s = this.#flowCtl?.value;
    const c = this.#catalogCtl?.value;
    if (!s || !c) return;
    const step = this.#viewStep;
    if (this.#lastStep !== null && step !== this.#lastStep && !this.#focus) {
      const invalid = step === 'identity' && IDENTITY.find((f) => s.fieldErrors[f]);
      this.#focus = invalid ? `#f-${invalid}` : '#step-title';
    }
    this.#lastStep = step;

    if (s.availability && s.availabilityStatus === 'ready' && s.availability !== this.#lastAvailability) {
      this.dispatchEvent(
        new MppSlotsLoadedEvent({
          serviceId: s.availability.serviceId,
          days: s.availability.days.filter((d) => d.status === 'open').length,
        }),
      );
    }
    this.#lastAvailability = s.availability;

    if (this.#created) {
      const tk = this.#created;
      this.#created = null;
      this.dispatchEvent(
        new MppBookingCreatedEvent({
          code: tk.code,
          serviceId: tk.serviceId,
          date: tk.date,
          slot: tk.slot.start,
          queueNumber: tk.queueNumber,
        }),
      );
    }

    if (s.error && s.error !== this.#lastFlowError)
      this.dispatchEvent(new MppErrorEvent({ code: s.error.code, source: 'mpp-queue-booking' }));
    this.#lastFlowError = s.error;
    if (c.error && c.error !== this.#lastCatalogError)
      this.dispatchEvent(new MppErrorEvent({ code: c.error.code, source: 'mpp-queue-booking' }));
    this.#lastCatalogError = c.error;

    if (this.#focus) {
      const sel = this.#focus;
      this.#focus = null;
      this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
    }
  }

  override render() {
    const s = this.#flowCtl?.value;
    const c = this.#catalogCtl?.value;
    const t = BOOKING_MESSAGES.get(this.#locale, this);
    if (!s || !c || !t) return nothing;
    this.#t = t;
    const step = this.#viewStep;
    return html`<section class="root" part="base" aria-labelledby="title" lang=${this.#locale}>
      <h2 id="title" part="title">${t.title}</h2>
      ${step === 'ticket' ? nothing : this.#renderSteps(step, s)}
      ${
        step === 'service'
          ? this.#renderService(c)
          : step === 'date'
            ? this.#renderDate(s)
            : step === 'slot'
              ? this.#renderSlot(s)
              : step === 'identity'
                ? this.#renderIdentity(s)
                : step === 'confirm'
                  ? this.#renderConfirm(s)
                  : this.#renderTicket(s)
      }
    </section>`;
  }

  #renderSteps(step: BookingStep, s: BookingFlowState) {
    const t = this.#t;
    const cur = STEPS.indexOf(step);
    const fixed = !!this.service;
    return html`<ol class="steps" part="steps" aria-label=${t.stepsLabel}>
        ${STEPS.map((name, i) => {
          const done = i < cur;
          const label = t.stepNames[i]!;
          const canGo = done && !s.submitting && !(fixed && name === 'service');
          const inner = html`<span class="num" aria-hidden="true">${done ? '✓' : i + 1}</span><span class="label">${label}</span
            ><span class="visually-hidden">${done ? `, ${t.stepDone}` : i === cur ? `, ${t.stepCurrent}` : ''}</span>`;
          return html`<li class=${done ? 'done' : i === cur ? 'current' : 'todo'} aria-current=${i === cur ? 'step' : nothing}>
            ${
              canGo
                ? html`<button type="button" class="step-btn" data-step=${name} @click=${() => this.#flow?.goTo(name)}>${inner}</button>`
                : html`<span class="step-btn">${inner}</span>`
            }
          </li>`;
        })}
      </ol>
      <p class="step-of" aria-hidden="true">${t.stepOf(cur + 1, STEPS.length, t.stepNames[cur]!)}</p>`;
  }

  #heading(text: string) {
    return html`<h3 id="step-title" part="step-heading" tabindex="-1">${text}</h3>`;
  }

  #alert(message: string, retry?: () => void) {
    return alertBanner(message, retry && { label: this.#t.retry, run: retry });
  }

  #context(s: BookingFlowState) {
    const svc = this.#serviceOf(s.draft.serviceId);
    const agency = svc ? this.#catalogCtl?.value.agencies.find((a) => a.id === svc.agencyId) : undefined;
    return svc ? html`<p class="context">${svc.name}${agency ? html` · ${agency.shortName}` : nothing}</p>` : nothing;
  }

  #renderService(c: CatalogState) {
    const t = this.#t;
    const busy = c.status === 'loading' || c.status === 'idle';
    const online = c.results.filter((x) => x.onlineQueue && (!this.agency || x.agencyId === this.agency));
    const agencies = new Map(c.agencies.map((a) => [a.id, a.shortName]));
    const q = c.query.trim();
    return html`${this.#heading(t.serviceHeading)}
      <div class="field">
        <label for="svc-q">${t.serviceSearch}</label>
        <input
          id="svc-q"
          part="input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          maxlength="200"
          placeholder=${t.servicePlaceholder}
          aria-describedby="svc-status"
          .value=${c.query}
          @input=${(e: Event) => {
            this.shown = PAGE;
            this.#catalog?.setQuery((e.target as HTMLInputElement).value);
          }}
        />
      </div>
      ${
        c.stale && c.error
          ? html`<div class="banner" role="note">
              <p>${t.stale}</p>
              <button type="button" class="btn" part="button" @click=${() => this.#catalog?.retry()}>${t.retry}</button>
            </div>`
          : nothing
      }
      <p class="status" id="svc-status" role="status">
        ${busy ? t.loadingServices : c.status === 'ready' ? (online.length ? t.serviceCount(online.length) : t.noService(q)) : ''}
      </p>
      ${
        busy
          ? html`<ul class="services" aria-busy="true" aria-label=${t.loadingServices}>
              ${[0, 1, 2].map(() => html`<li class="skeleton"></li>`)}
            </ul>`
          : c.status === 'error'
            ? this.#alert(this.#error(c.error?.code), () => void this.#catalog?.retry())
            : html`<ul class="services" part="services" aria-label=${t.serviceHeading}>
                  ${online.slice(0, this.shown).map(
                    (svc) =>
                      html`<li>
                        <button type="button" class="item" part="service" data-service=${svc.id} @click=${() => this.#choose(svc.id)}>
                          <span class="item-name">${svc.name}</span>
                          <span class="item-meta">${agencies.get(svc.agencyId) ?? ''}</span>
                        </button>
                      </li>`,
                  )}
                </ul>
                ${
                  online.length > this.shown
                    ? html`<div class="actions">
                        <button type="button" class="btn" part="button" @click=${() => (this.shown = online.length)}>
                          ${t.showMore(online.length)}
                        </button>
                      </div>`
                    : nothing
                }`
      }`;
  }

  #scheduleError(s: BookingFlowState) {
    const code = s.fieldErrors.slotId ?? s.fieldErrors.date;
    return code ? this.#alert(this.#error(code)) : nothing;
  }

  #renderDate(s: BookingFlowState) {
    const t = this.#t;
    const a = s.availability;
    return html`${this.#heading(t.dateHeading)} ${this.#context(s)} ${this.#scheduleError(s)}
    ${
      s.availabilityStatus === 'error'
        ? this.#alert(this.#error(s.error?.code), () => void this.#flow?.loadAvailability())
        : !a || s.availabilityStatus === 'loading'
          ? html`<p class="status" role="status">${t.loadingDates}</p>
              <ul class="days" aria-busy="true" aria-label=${t.loadingDates}>
                ${[0, 1, 2, 3].map(() => html`<li class="skeleton"></li>`)}
              </ul>`
          : renderDays({ availability: a, locale: this.#locale, t, selected: s.draft.date, onChoose: (d) => this.#flow?.chooseDate(d) })
    }
    ${
      this.service
        ? nothing
        : html`<div class="actions">
            <button type="button" class="btn" part="button" data-action="back" @click=${() => this.#flow?.back()}>
              ← ${t.changeService}
            </button>
          </div>`
    }`;
  }

  #renderSlot(s: BookingFlowState) {
    const t = this.#t;
    const day = s.availability?.days.find((d) => d.date === s.draft.date);
    return html`${this.#heading(t.slotHeading)} ${this.#context(s)}
      ${s.draft.date ? html`<p class="context"><strong>${formatDay(s.draft.date, this.#locale, 'long')}</strong></p>` : nothing}
      ${this.#scheduleError(s)}
      ${
        s.availabilityStatus === 'error'
          ? this.#alert(this.#error(s.error?.code), () => void this.#flow?.loadAvailability())
          : !day || s.availabilityStatus === 'loading'
            ? html`<p class="status" role="status">${t.loadingDates}</p>`
            : renderSlots({ day, locale: this.#locale, t, selected: s.draft.slotId, onChoose: (x) => this.#flow?.chooseSlot(x.id) })
      }
      <div class="actions">
        <button type="button" class="btn" part="button" data-action="back" @click=${() => this.#flow?.back()}>← ${t.back}</button>
      </div>`;
  }

  #fieldMessage(code: string): string {
    // Codes without their own words (schema checks such as `too_big`) still say which field is wrong.
    const t = this.#t;
    return Object.hasOwn(t.fieldErrors, code) || Object.hasOwn(t.problems, code) ? bookingErrorText(t, code) : t.fieldErrors.invalid_field;
  }

  #input(
    s: BookingFlowState,
    field: 'name' | 'nik' | 'phone' | 'email',
    label: string,
    attrs: { type: string; autocomplete: string; inputmode?: string; hint?: string; optional?: boolean; maxlength: number },
  ) {
    const error = s.fieldErrors[field];
    const warning = s.warnings[field];
    return textField({
      ...attrs,
      id: `f-${field}`,
      name: field,
      label: html`${label}${attrs.optional ? html` <span class="muted">(${this.#t.optional})</span>` : nothing}`,
      required: !attrs.optional,
      error: error ? this.#fieldMessage(error) : null,
      warning: warning ? (this.#t.warnings[warning] ?? warning) : null,
      value: s.draft[field],
      onInput: (v) => this.#flow?.setField(field, v),
    });
  }

  #renderIdentity(s: BookingFlowState) {
    const t = this.#t;
    const errors = IDENTITY.filter((f) => s.fieldErrors[f]);
    return html`${this.#heading(t.identityHeading)} ${this.#context(s)}
      <p>${t.identityIntro}</p>
      ${
        errors.length
          ? html`<div class="banner error" role="alert" part="alert">
              <p>${t.errorSummary(errors.length)}</p>
              <ul>
                ${errors.map((f) => html`<li><a href="#f-${f}" @click=${(e: Event) => this.#focusField(e, f)}>${this.#labelOf(f)}</a></li>`)}
              </ul>
            </div>`
          : nothing
      }
      <form novalidate @submit=${this.#onIdentity}>
        ${this.#input(s, 'name', t.name, { type: 'text', autocomplete: 'name', maxlength: 100 })}
        ${this.#input(s, 'nik', t.nik, { type: 'text', autocomplete: 'off', inputmode: 'numeric', hint: t.nikHint, maxlength: 40 })}
        ${this.#input(s, 'phone', t.phone, { type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: t.phoneHint, maxlength: 40 })}
        ${this.#input(s, 'email', t.email, { type: 'email', autocomplete: 'email', optional: true, maxlength: 200 })}
        <div class="actions">
          <button type="button" class="btn" part="button" data-action="back" @click=${() => this.#flow?.back()}>← ${t.back}</button>
          <button type="submit" class="btn btn-primary" part="primary-button" data-action="next">${t.next} →</button>
        </div>
      </form>`;
  }

  #labelOf(f: 'name' | 'nik' | 'phone' | 'email'): string {
    return this.#t[f];
  }

  #focusField(e: Event, f: string) {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#f-${f}`)?.focus();
  }

  #onIdentity = (e: Event) => {
    e.preventDefault();
    const flow = this.#flow;
    if (!flow) return;
    if (!flow.confirmIdentity()) {
      const errors = flow.getSnapshot().fieldErrors;
      const first = IDENTITY.find((f) => errors[f]);
      this.#focus = first ? `#f-${first}` : null;
      // Codes only (`nik_birth_date`, `phone_not_mobile`…): lets a site see where people get stuck, never what they typed.
      for (const f of IDENTITY) if (errors[f]) this.dispatchEvent(new MppErrorEvent({ code: errors[f], source: 'mpp-queue-booking' }));
    }
  };

  #renderConfirm(s: BookingFlowState) {
    const t = this.#t;
    const d = s.draft;
    const locale = this.#locale;
    const svc = this.#serviceOf(d.serviceId);
    const agency = svc ? this.#catalogCtl?.value.agencies.find((a) => a.id === svc.agencyId) : undefined;
    const slot = s.availability?.days.find((x) => x.date === d.date)?.slots.find((x) => x.id === d.slotId);
    const phone = normalizePhone(d.phone);
    const err = s.error;
    // Field problems send the flow back to their step; what stays here is the submit itself failing.
    const retryable = err && (err.kind === 'network' || err.kind === 'timeout' || err.retryable);
    return html`${this.#heading(t.confirmHeading)}
      <p>${t.confirmIntro}</p>
      <dl class="facts" part="summary">
        <dt>${t.service}</dt>
        <dd>${svc?.name ?? d.serviceId}</dd>
        ${
          agency
            ? html`<dt>${t.agency}</dt>
                <dd>${agency.name}</dd>`
            : nothing
        }
        <dt>${t.date}</dt>
        <dd>${d.date ? formatDay(d.date, locale, 'long') : ''}</dd>
        <dt>${t.time}</dt>
        <dd>${slot ? `${slot.start}–${slot.end}` : (d.slotId?.slice(-4).replace(/(\d\d)(\d\d)/, '$1:$2') ?? '')}</dd>
        <dt>${t.name}</dt>
        <dd>${d.name.trim()}</dd>
        <dt>${t.nik}</dt>
        <dd class="mono">${maskNik(d.nik)}</dd>
        <dt>${t.phone}</dt>
        <dd class="mono">${phone.ok ? phone.national : d.phone}</dd>
        ${
          d.email.trim()
            ? html`<dt>${t.email}</dt>
                <dd>${d.email.trim()}</dd>`
            : nothing
        }
      </dl>
      ${s.warnings.nik ? html`<p class="hint warning" part="hint">ℹ ${t.warnings[s.warnings.nik] ?? s.warnings.nik}</p>` : nothing}
      ${
        svc?.requirements.length
          ? html`<h4>${t.bring}</h4>
              <ul class="bring">
                ${svc.requirements.map((r) => html`<li>${r}</li>`)}
              </ul>`
          : nothing
      }
      ${err && !s.submitting ? this.#alert(this.#error(err.code), retryable ? () => void this.#flow?.submit() : undefined) : nothing}
      <p class="status" role="status">${s.submitting ? t.submitting : ''}</p>
      <div class="actions">
        <button type="button" class="btn" part="button" data-action="back" ?disabled=${s.submitting} @click=${() => this.#flow?.back()}>
          ← ${t.edit}
        </button>
        <button
          type="button"
          class="btn btn-primary"
          part="primary-button"
          data-action="submit"
          aria-disabled=${s.submitting ? 'true' : 'false'}
          @click=${() => void this.#flow?.submit()}
        >
          ${s.submitting ? html`<span class="spinner" aria-hidden="true"></span> ${t.submitting}` : t.submit}
        </button>
      </div>`;
  }

  #renderTicket(s: BookingFlowState) {
    const t = this.#t;
    const ticket = this.savedTicket;
    if (!ticket) return nothing;
    return html`${this.#heading(ticket.status === 'cancelled' ? t.cancelledHeading : t.ticketHeading)}
      <mpp-queue-ticket
        part="ticket"
        api=${this.#base}
        ticket-url=${this.ticketUrl ?? nothing}
        theme=${this.theme}
        .ticket=${ticket}
        .phone=${s.ticket?.code === ticket.code ? s.draft.phone : null}
        @mpp-booking-cancelled=${this.#onTicketChanged}
        @mpp-booking-rescheduled=${this.#onTicketChanged}
      ></mpp-queue-ticket>
      <div class="actions">
        <button type="button" class="btn btn-primary" part="primary-button" data-action="another" @click=${() => this.#another()}>
          ${t.another}
        </button>
      </div>`;
  }
}
