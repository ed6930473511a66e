import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  BookingFlow,
  CatalogStore,
  type BookingFlowState,
  type BookingStep,
  type CatalogState,
  type Service,
  type ServiceSummary,
  type Ticket,
} from '@mpp-kit/core';
import { pageLink, resolveApiBase, TICKET_CODE_PARAM } from '../shared/config.js';
import { catalogApiFor, queueApiFor } from '../shared/client.js';
import { indexedDbCache } from '../shared/cache.js';
import { sessionDraftStorage, sessionJson } from '../shared/draft-storage.js';
import type { StoreController } from '../shared/store-controller.js';
import { MppElement } from '../shared/mpp-element.js';
import { actions, button, skeletons, statusLine } from '../shared/templates.js';
import type { MppBookingRequestedEvent } from '../shared/events.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { queueStyles } from '../shared/queue.styles.js';
import { formatDay, renderDays, renderSlots, scheduleStyles } from '../shared/schedule.js';
import { MppBookingCreatedEvent, MppSlotsLoadedEvent } from './events.js';
import { BOOKING_MESSAGES, bookingErrorText, type BookingMessages } from './messages.js';
import { styles } from './mpp-queue-booking.styles.js';
import { confirmStep, IDENTITY, identityForm, serviceStep, stepsIndicator, ticketStep } from './templates.js';

const PAGE = 12;

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
 * @attr ticket-url - Page that holds `<mpp-queue-ticket>`: "Lihat tiket" after booking (and for a ticket already booked) opens
 *   `ticket-url?kode=XXXX-XXXX`.
 *
 * @fires mpp-slots-loaded - `{ serviceId, days }` when a service's dates loaded (`days`: dates that can be booked).
 * @fires mpp-booking-created - `{ code, serviceId, date, slot, queueNumber }` after a ticket was booked. No personal data.
 * @fires mpp-error - `{ code, source }` when an error is shown (`network`, `nik_birth_date`, `slot_full`, `duplicate_booking`, …).
 *
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
 * @csspart hint - The NIK hint on the confirmation.
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons (back, retry, show more).
 * @csspart primary-button - Continue, submit and "book another".
 * @csspart ticket - The embedded `<mpp-queue-ticket>`.
 *
 * @cssprop --mpp-color-primary - Brand colour (buttons, current step, chosen date). Default `#0b57d0`.
 * @cssprop --mpp-color-surface-2 - Secondary background (closed dates, banners). Default `#f1f4f9`.
 * @cssprop --mpp-booking-border-color - Border around the widget. Default none.
 */
export class MppQueueBooking extends MppElement<BookingMessages> {
  // `theme`, `lang`, the `base` and `title` parts, `mpp-error` and the `--mpp-*` tokens: see `MppElement`.
  static override styles = [tokens, components, queueStyles, scheduleStyles, styles];
  protected readonly messages = BOOKING_MESSAGES;

  @property() api: string | null = null;
  @property() agency: string | null = null;
  @property() service: string | null = null;
  @property({ attribute: 'ticket-url' }) ticketUrl: string | null = null;

  @state() private shown = PAGE;
  /** The last ticket of this tab, shown again after a reload until "book another". */
  @state() private savedTicket: Ticket | null = null;

  #flowCtl: StoreController<BookingFlowState, BookingFlow> | null = null;
  #catalogCtl: StoreController<CatalogState, CatalogStore> | null = null;
  #key = '';
  #base = '';
  #lastStep: string | null = null;
  #lastAvailability: unknown = null;
  #lastTicket: Ticket | null = null;
  #created: Ticket | null = null;
  #lastDuplicate: unknown = null;

  /** The booking flow store behind the widget (for hosts that want to drive or observe it). */
  get flow(): BookingFlow | null {
    return this.#flowCtl?.store ?? null;
  }

  get #catalog(): CatalogStore | undefined {
    return this.#catalogCtl?.store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('mpp-booking-requested', this.#onBookingRequested);
    if (this.flow) this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('mpp-booking-requested', this.#onBookingRequested);
    this.flow?.dispose();
    this.#catalog?.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const base = resolveApiBase(this.api);
    const key = `${base}|${this.agency ?? '*'}`;
    if (key !== this.#key) this.#createStores(base, key);
    else if (changed.has('service') && this.service && this.flow?.getSnapshot().draft.serviceId !== this.service) {
      this.flow?.setService(this.service);
    }
    // The chosen service's full record (conditions to meet) is fetched when it is chosen.
    const chosen = this.#flowCtl?.value.draft.serviceId ?? null;
    if (chosen && this.#catalogCtl && this.#catalogCtl.value.selectedId !== chosen) this.#catalog?.select(chosen);
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
    const flow = new BookingFlow(queueApiFor(base), { serviceId: this.service, storage: sessionDraftStorage, storageKey: this.#draftKey });
    const catalog = new CatalogStore(catalogApiFor(base), {
      agency: this.agency,
      cache: indexedDbCache(),
      cacheKey: `mpp-kit:catalog:v2:${base}`,
      limit: 500,
    });
    // The catalog's booking-url opens this page with ?service=<id>: preselect it (changeable).
    const fromUrl = !this.service && typeof location !== 'undefined' ? new URLSearchParams(location.search).get('service') : null;
    if (fromUrl && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(fromUrl) && flow.getSnapshot().draft.serviceId !== fromUrl) flow.setService(fromUrl);
    this.#flowCtl = this.adopt(this.#flowCtl, flow);
    this.#catalogCtl = this.adopt(this.#catalogCtl, catalog);
    this.savedTicket = sessionJson.get<Ticket>(`${this.#draftKey}:ticket`);
    this.#lastTicket = this.savedTicket;
    if (this.isConnected) this.#start();
  }

  #start(): void {
    void this.#catalog?.load();
    const s = this.flow?.getSnapshot();
    // Also after a reconnect: a load cut off by the disconnect starts again.
    if (s?.draft.serviceId && !s.availability) void this.flow?.loadAvailability();
  }

  protected override errorText(code: string | null | undefined): string {
    return bookingErrorText(this.t, code);
  }

  #serviceOf(id: string | null | undefined): ServiceSummary | undefined {
    return this.#catalog?.summaryOf(id) ?? undefined;
  }

  /** The chosen service's full record (its conditions), once fetched. */
  #detailOf(id: string | null | undefined): Service | undefined {
    const d = this.#catalogCtl?.value.detail;
    return id && d?.id === id ? d : undefined;
  }

  #agencyOf(svc: ServiceSummary | undefined) {
    return svc && this.#catalogCtl?.value.agencies.find((a) => a.id === svc.agencyId);
  }

  /** The step on screen: the flow's, or the ticket of this tab restored after a reload. */
  get #viewStep(): BookingStep {
    const s = this.#flowCtl?.value;
    if (s?.step === 'ticket' || this.savedTicket) return 'ticket';
    return s?.step ?? 'service';
  }

  #onBookingRequested = (e: MppBookingRequestedEvent) => {
    if (!this.flow || e.defaultPrevented) return;
    const { serviceId, agencyId } = e.detail;
    if ((this.agency && agencyId !== this.agency) || (this.service && serviceId !== this.service)) return;
    e.preventDefault();
    this.#choose(serviceId);
    this.scrollIntoView({ block: 'start', behavior: 'smooth' });
    this.focusAfterUpdate('#step-title');
  };

  #choose(serviceId: string): void {
    if (this.flow!.getSnapshot().step === 'ticket' || this.savedTicket) this.#another(false);
    this.flow!.setService(serviceId);
  }

  #another(focus = true): void {
    sessionJson.remove(`${this.#draftKey}:ticket`);
    this.savedTicket = null;
    this.flow?.reset();
    if (focus) this.focusAfterUpdate('#step-title');
  }

  protected override updated(changed: PropertyValues<this>): void {
    const s = this.#flowCtl?.value;
    const c = this.#catalogCtl?.value;
    if (!s || !c) return super.updated(changed);
    const step = this.#viewStep;
    if (this.#lastStep !== null && step !== this.#lastStep && !this.focusPending) {
      const invalid = step === 'identity' && IDENTITY.find((f) => s.fieldErrors[f]);
      this.focusAfterUpdate(invalid ? `#f-${invalid}` : '#step-title');
    }
    this.#lastStep = step;
    // A duplicate booking: the focus goes to what it says (the ticket that exists, the ways on).
    if (s.duplicate && s.duplicate !== this.#lastDuplicate && !this.focusPending) this.focusAfterUpdate('#dup-title');
    this.#lastDuplicate = s.duplicate;
    const a = s.availability;
    if (a && s.availabilityStatus === 'ready' && a !== this.#lastAvailability)
      this.dispatchEvent(new MppSlotsLoadedEvent({ serviceId: a.serviceId, days: a.days.filter((d) => d.status === 'open').length }));
    this.#lastAvailability = a;
    const tk = this.#created;
    this.#created = null;
    if (tk) {
      const { code, serviceId, date, queueNumber } = tk;
      this.dispatchEvent(new MppBookingCreatedEvent({ code, serviceId, date, slot: tk.slot.start, queueNumber }));
    }
    this.reportError(s.error, 'flow');
    this.reportError(c.error, 'catalog');
    super.updated(changed);
  }

  protected renderView() {
    const s = this.#flowCtl?.value;
    const c = this.#catalogCtl?.value;
    if (!s || !c) return nothing;
    const step = this.#viewStep;
    const fixed = !!this.service;
    const canGo = (name: BookingStep) => !s.submitting && !(fixed && name === 'service');
    const steps = step === 'ticket' ? nothing : stepsIndicator(this.t, step, canGo, (name) => this.flow?.goTo(name));
    const views: Record<BookingStep, () => unknown> = {
      service: () => this.#renderService(c),
      date: () => this.#renderDate(s),
      slot: () => this.#renderSlot(s),
      identity: () => this.#renderIdentity(s),
      confirm: () => this.#renderConfirm(s),
      ticket: () => this.#renderTicket(s),
    };
    return this.frame(this.t.title, html`${steps} ${views[step]()}`);
  }

  #heading(text: string) {
    return html`<h3 id="step-title" part="step-heading" tabindex="-1">${text}</h3>`;
  }

  #back(label: string, disabled = false) {
    return button({ label: `← ${label}`, action: 'back', disabled, onClick: () => this.flow?.back() });
  }

  #context(s: BookingFlowState) {
    const svc = this.#serviceOf(s.draft.serviceId);
    const agency = this.#agencyOf(svc);
    return svc ? html`<p class="context">${svc.name}${agency ? html` · ${agency.shortName}` : nothing}</p>` : nothing;
  }

  #renderService(c: CatalogState) {
    return html`${this.#heading(this.t.serviceHeading)}
    ${serviceStep({
      t: this.t,
      catalog: c,
      agency: this.agency,
      shown: this.shown,
      alert: (code, retry) => this.alert(code, retry),
      onQuery: (q) => {
        this.shown = PAGE;
        this.#catalog?.setQuery(q);
      },
      onShowAll: (n) => (this.shown = n),
      onChoose: (id) => this.#choose(id),
      onRetry: () => void this.#catalog?.retry(),
    })}`;
  }

  #scheduleError(s: BookingFlowState) {
    return this.alert(s.fieldErrors.slotId ?? s.fieldErrors.date);
  }

  #renderDate(s: BookingFlowState) {
    const t = this.t;
    const a = s.availability;
    const choose = (d: string) => this.flow?.chooseDate(d);
    return html`${this.#heading(t.dateHeading)} ${this.#context(s)} ${this.#scheduleError(s)}
    ${
      s.availabilityStatus === 'error'
        ? this.alert(s.error?.code, () => void this.flow?.loadAvailability())
        : !a || s.availabilityStatus === 'loading'
          ? html`${statusLine(t.loadingDates)} ${skeletons('days', 4, t.loadingDates)}`
          : renderDays({ availability: a, locale: this.locale, t, selected: s.draft.date, onChoose: choose })
    }
    ${this.service ? nothing : actions(this.#back(t.changeService))}`;
  }

  #renderSlot(s: BookingFlowState) {
    const t = this.t;
    const day = s.availability?.days.find((d) => d.date === s.draft.date);
    const choose = (x: { id: string }) => this.flow?.chooseSlot(x.id);
    return html`${this.#heading(t.slotHeading)} ${this.#context(s)}
    ${s.draft.date ? html`<p class="context"><strong>${formatDay(s.draft.date, this.locale, 'long')}</strong></p>` : nothing}
    ${this.#scheduleError(s)}
    ${
      s.availabilityStatus === 'error'
        ? this.alert(s.error?.code, () => void this.flow?.loadAvailability())
        : !day || s.availabilityStatus === 'loading'
          ? statusLine(t.loadingDates)
          : renderSlots({ day, locale: this.locale, t, selected: s.draft.slotId, onChoose: choose })
    }
    ${actions(this.#back(t.back))}`;
  }

  #renderIdentity(s: BookingFlowState) {
    return html`${this.#heading(this.t.identityHeading)} ${this.#context(s)}
    ${identityForm({
      t: this.t,
      state: s,
      onInput: (f, v) => this.flow?.setField(f, v),
      onSubmit: this.#onIdentity,
      back: this.#back(this.t.back),
    })}`;
  }

  #onIdentity = (e: Event) => {
    e.preventDefault();
    const flow = this.flow;
    if (!flow || flow.confirmIdentity()) return;
    const errors = flow.getSnapshot().fieldErrors;
    const first = IDENTITY.find((f) => errors[f]);
    this.focusAfterUpdate(first ? `#f-${first}` : null);
    // Codes only (`nik_birth_date`, `phone_not_mobile`…): lets a site see where people get stuck, never what they typed.
    for (const f of IDENTITY) if (errors[f]) this.emitError(errors[f]);
  };

  #renderConfirm(s: BookingFlowState) {
    const svc = this.#serviceOf(s.draft.serviceId);
    return html`${this.#heading(this.t.confirmHeading)}
    ${confirmStep({
      t: this.t,
      locale: this.locale,
      state: s,
      service: svc,
      agency: this.#agencyOf(svc),
      detail: this.#detailOf(s.draft.serviceId),
      ticketLink: (code) => this.#ticketLink(code),
      alert: (code, retry) => this.alert(code, retry),
      back: this.#back(this.t.edit, s.submitting),
      canChangeService: !this.service,
      onSubmit: () => void this.flow?.submit(),
      onGoTo: (step) => this.flow?.goTo(step),
    })}`;
  }

  /** The ticket page showing `code`, if the page named one (`ticket-url`). */
  #ticketLink(code: string | null | undefined): string | null {
    return pageLink(this.ticketUrl, TICKET_CODE_PARAM, code ?? null);
  }

  #renderTicket(s: BookingFlowState) {
    const ticket = this.savedTicket;
    if (!ticket) return nothing;
    return html`${this.#heading(ticket.status === 'cancelled' ? this.t.cancelledHeading : this.t.ticketHeading)}
    ${ticketStep({
      t: this.t,
      ticket,
      api: this.#base,
      ticketUrl: this.ticketUrl,
      link: this.#ticketLink(ticket.code),
      theme: this.theme,
      phone: s.ticket?.code === ticket.code ? s.draft.phone : null,
      onChanged: this.#onTicketChanged,
      onAnother: () => this.#another(),
    })}`;
  }
}
