import { html, nothing, type TemplateResult } from 'lit';
import {
  maskNik,
  normalizePhone,
  type Agency,
  type BookingFlowState,
  type BookingStep,
  type CatalogState,
  type ExistingTicket,
  type Service,
  type ServiceSummary,
  type Ticket,
} from '@mpp-kit/core';
import { conditionList } from '../shared/checklist.js';
import type { Locale } from '../shared/i18n.js';
import { formatDay } from '../shared/schedule.js';
import { textField } from '../shared/field.js';
import { actions, button, facts, searchField, serviceList, skeletons, staleNote, statusLine } from '../shared/templates.js';
import { bookingFieldText, type BookingMessages } from './messages.js';

/**
 * The pieces of `<mpp-queue-booking>`'s view that need no element: each takes the messages and
 * what it shows, and calls back for what the citizen does.
 */

export const STEPS: readonly BookingStep[] = ['service', 'date', 'slot', 'identity', 'confirm'];
export type IdentityField = 'name' | 'nik' | 'phone' | 'email';
export const IDENTITY: readonly IdentityField[] = ['name', 'nik', 'phone', 'email'];

/** The step indicator: done steps are buttons back to them (unless `canGo` says no), the current one is marked. */
export function stepsIndicator(t: BookingMessages, step: BookingStep, canGo: (s: BookingStep) => boolean, goTo: (s: BookingStep) => void) {
  const cur = STEPS.indexOf(step);
  return html`<ol class="steps" part="steps" aria-label=${t.stepsLabel}>
      ${STEPS.map((name, i) => {
        const done = i < cur;
        const inner = html`<span class="num" aria-hidden="true">${done ? '✓' : i + 1}</span><span class="label">${t.stepNames[i]}</span
          ><span class="visually-hidden">${done ? `, ${t.stepDone}` : i === cur ? `, ${t.stepCurrent}` : ''}</span>`;
        return html`<li class=${done ? 'done' : i === cur ? 'current' : 'todo'} aria-current=${i === cur ? 'step' : nothing}>
          ${
            done && canGo(name)
              ? html`<button type="button" class="step-btn" data-step=${name} @click=${() => goTo(name)}>${inner}</button>`
              : html`<span class="step-btn">${inner}</span>`
          }
        </li>`;
      })}
    </ol>
    <p class="step-of" aria-hidden="true">${t.stepOf(cur + 1, STEPS.length, t.stepNames[cur]!)}</p>`;
}

/** The fields to correct, each a link that moves the focus to its input. */
export function errorSummary(t: BookingMessages, fields: readonly IdentityField[]) {
  const focus = (e: Event, f: IdentityField) => {
    e.preventDefault();
    ((e.target as Element).getRootNode() as ParentNode).querySelector<HTMLElement>(`#f-${f}`)?.focus();
  };
  return html`<div class="banner error" role="alert" part="alert">
    <p>${t.errorSummary(fields.length)}</p>
    <ul>
      ${fields.map((f) => html`<li><a href="#f-${f}" @click=${(e: Event) => focus(e, f)}>${t[f]}</a></li>`)}
    </ul>
  </div>`;
}

interface FieldSpec {
  type: string;
  autocomplete: string;
  inputmode?: string;
  hint?: 'nikHint' | 'phoneHint';
  optional?: boolean;
  maxlength: number;
}

const FIELDS: Record<IdentityField, FieldSpec> = {
  name: { type: 'text', autocomplete: 'name', maxlength: 100 },
  nik: { type: 'text', autocomplete: 'off', inputmode: 'numeric', hint: 'nikHint', maxlength: 40 },
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: 'phoneHint', maxlength: 40 },
  email: { type: 'email', autocomplete: 'email', optional: true, maxlength: 200 },
};

export interface IdentityFormOptions {
  t: BookingMessages;
  state: BookingFlowState;
  onInput(field: IdentityField, value: string): void;
  onSubmit(e: Event): void;
  /** The "back" button. */
  back: unknown;
}

/** Name, NIK, phone and e-mail, with the summary of what to correct above them. */
export function identityForm(o: IdentityFormOptions): TemplateResult {
  const { t, state: s } = o;
  const errors = IDENTITY.filter((f) => s.fieldErrors[f]);
  const field = (f: IdentityField) => {
    const { hint, optional, ...spec } = FIELDS[f];
    const error = s.fieldErrors[f];
    const warning = s.warnings[f];
    return textField({
      ...spec,
      id: `f-${f}`,
      name: f,
      label: html`${t[f]}${optional ? html` <span class="muted">(${t.optional})</span>` : nothing}`,
      hint: hint && t[hint],
      required: !optional,
      error: error ? bookingFieldText(t, error) : null,
      warning: warning ? (t.warnings[warning] ?? warning) : null,
      value: s.draft[f],
      onInput: (v) => o.onInput(f, v),
    });
  };
  return html`<p>${t.identityIntro}</p>
    ${errors.length ? errorSummary(t, errors) : nothing}
    <form novalidate @submit=${o.onSubmit}>
      ${IDENTITY.map(field)} ${actions(o.back, button({ label: `${t.next} →`, kind: 'primary', action: 'next' }))}
    </form>`;
}

/** What will be booked, with the NIK masked and the phone as the citizen knows it. */
export function confirmSummary(
  t: BookingMessages,
  s: BookingFlowState,
  locale: Locale,
  svc?: ServiceSummary,
  agency?: Agency,
  /** The service's full record once it is fetched: the conditions to meet and what to bring. */
  detail?: Pick<Service, 'conditions' | 'requirements'>,
): TemplateResult {
  const d = s.draft;
  const slot = s.availability?.days.find((x) => x.date === d.date)?.slots.find((x) => x.id === d.slotId);
  const phone = normalizePhone(d.phone);
  const email = d.email.trim();
  return html`${facts(
    [
      [t.service, svc?.name ?? d.serviceId],
      agency && [t.agency, agency.name],
      [t.date, d.date ? formatDay(d.date, locale, 'long') : ''],
      [t.time, slot ? `${slot.start}–${slot.end}` : (d.slotId?.slice(-4).replace(/(\d\d)(\d\d)/, '$1:$2') ?? '')],
      [t.name, d.name.trim()],
      [t.nik, maskNik(d.nik), undefined, 'mono'],
      [t.phone, phone.ok ? phone.national : d.phone, undefined, 'mono'],
      !!email && [t.email, email],
    ],
    'summary',
  )}
  ${s.warnings.nik ? html`<p class="hint warning" part="hint">ℹ ${t.warnings[s.warnings.nik] ?? s.warnings.nik}</p>` : nothing}
  ${
    detail?.conditions?.length // a record cached before conditions existed has none
      ? html`<h4 id="book-cond-title">${t.conditions}</h4>
          ${conditionList({ id: 'book-cond', items: detail.conditions })}`
      : nothing
  }
  ${
    detail?.requirements.length
      ? html`<h4>${t.bring}</h4>
          <ul class="bring">
            ${detail.requirements.map((r) => html`<li>${r}</li>`)}
          </ul>`
      : nothing
  }`;
}

export interface DuplicateOptions {
  t: BookingMessages;
  locale: Locale;
  existing: ExistingTicket | null;
  /** The ticket page with the existing ticket's code, when the page has one. */
  ticketLink: string | null;
  onOtherDate(): void;
  /** Absent when the widget books one fixed service. */
  onOtherService?: () => void;
}

/**
 * The NIK already holds a ticket for this service on that date: which one (when the server names
 * it: the phone matched), a link to it, and the ways on — another date or another service.
 */
export function duplicateNotice(o: DuplicateOptions): TemplateResult {
  const { t, existing: x } = o;
  return html`<div class="banner error duplicate" role="alert" part="alert" aria-labelledby="dup-title">
    <h4 id="dup-title" tabindex="-1">${t.problems.duplicate_booking}</h4>
    ${
      x
        ? html`<p>${t.duplicateExisting}</p>
            ${facts([
              [t.number, x.queueNumber, 'existing-number', 'mono'],
              [t.date, formatDay(x.date, o.locale, 'long'), 'existing-date'],
              [t.time, `${x.slot.start}–${x.slot.end}`, 'existing-time'],
              [t.code, x.code, 'existing-code', 'mono'],
            ])}
            ${o.ticketLink ? html`<p><a class="btn" href=${o.ticketLink} data-action="existing-ticket">${t.openTicket}</a></p>` : nothing}`
        : html`<p>${t.duplicateUnknown}</p>`
    }
    ${actions(
      button({ label: t.otherDate, action: 'other-date', onClick: o.onOtherDate }),
      o.onOtherService ? button({ label: t.otherService, action: 'other-service', onClick: o.onOtherService }) : nothing,
    )}
  </div>`;
}

export interface ServiceStepOptions {
  t: BookingMessages;
  catalog: CatalogState;
  /** The widget's fixed agency, if any. */
  agency: string | null;
  /** Rows shown of the list. */
  shown: number;
  alert(code: string | null | undefined, retry?: () => void): unknown;
  onQuery(q: string): void;
  /** "Show more": every one of the `n` services. */
  onShowAll(n: number): void;
  onChoose(serviceId: string): void;
  onRetry(): void;
}

/** The first step: search the services that take online bookings, and choose one. */
export function serviceStep(o: ServiceStepOptions): TemplateResult {
  const { t, catalog: c } = o;
  const busy = c.status === 'loading' || c.status === 'idle';
  const online = c.results.filter((x) => x.onlineQueue && (!o.agency || x.agencyId === o.agency));
  const agencies = new Map(c.agencies.map((a) => [a.id, a.shortName]));
  const count = online.length ? t.serviceCount(online.length) : t.noService(c.query.trim());
  const list = serviceList({
    cls: 'services',
    part: 'services',
    itemPart: 'service',
    label: t.serviceHeading,
    services: online.slice(0, o.shown),
    meta: (svc) => agencies.get(svc.agencyId) ?? '',
    onChoose: (svc) => o.onChoose(svc.id),
  });
  const more =
    online.length > o.shown ? actions(button({ label: t.showMore(online.length), onClick: () => o.onShowAll(online.length) })) : nothing;
  return html`${searchField({
    id: 'svc-q',
    label: t.serviceSearch,
    placeholder: t.servicePlaceholder,
    value: c.query,
    describedBy: 'svc-status',
    onInput: o.onQuery,
  })}
  ${c.stale && c.error ? staleNote(t.stale, t.retry, o.onRetry) : nothing}
  ${statusLine(busy ? t.loadingServices : c.status === 'ready' ? count : '', 'svc-status')}
  ${busy ? skeletons('services', 3, t.loadingServices) : c.status === 'error' ? o.alert(c.error?.code, o.onRetry) : html`${list} ${more}`}`;
}

export interface ConfirmStepOptions {
  t: BookingMessages;
  locale: Locale;
  state: BookingFlowState;
  service?: ServiceSummary;
  agency?: Agency;
  detail?: Pick<Service, 'conditions' | 'requirements'>;
  /** The ticket page of an existing booking, if the page named one. */
  ticketLink(code: string | null | undefined): string | null;
  alert(code: string | null | undefined, retry?: () => void): unknown;
  back: unknown;
  canChangeService: boolean;
  onSubmit(): void;
  onGoTo(step: BookingStep): void;
}

/** The last step: what will be booked, a duplicate's notice or the submit's error, and "Ambil nomor antrean". */
export function confirmStep(o: ConfirmStepOptions): TemplateResult {
  const { t, state: s } = o;
  const err = s.duplicate ? null : s.error;
  // Field problems send the flow back to their step; what stays here is the submit itself failing.
  const retryable = err && (err.kind === 'network' || err.kind === 'timeout' || err.retryable);
  const label = s.submitting ? html`<span class="spinner" aria-hidden="true"></span> ${t.submitting}` : t.submit;
  return html`<p>${t.confirmIntro}</p>
    ${confirmSummary(t, s, o.locale, o.service, o.agency, o.detail)}
    ${
      s.duplicate && !s.submitting
        ? duplicateNotice({
            t,
            locale: o.locale,
            existing: s.duplicate.existing,
            ticketLink: o.ticketLink(s.duplicate.existing?.code),
            onOtherDate: () => o.onGoTo('date'),
            onOtherService: o.canChangeService ? () => o.onGoTo('service') : undefined,
          })
        : nothing
    }
    ${err && !s.submitting ? o.alert(err.code, retryable ? o.onSubmit : undefined) : nothing}
    ${statusLine(s.submitting ? t.submitting : '')}
    ${actions(o.back, button({ label, kind: 'primary', action: 'submit', busy: s.submitting, onClick: o.onSubmit }))}`;
}

export interface TicketStepOptions {
  t: BookingMessages;
  ticket: Ticket;
  api: string | null;
  ticketUrl: string | null;
  /** The ticket page of this ticket, if the page named one (`ticket-url`). */
  link: string | null;
  theme: string;
  /** The phone typed for this booking (the ticket shows the personal details without asking again). */
  phone: string | null;
  onChanged(e: Event): void;
  onAnother(): void;
}

/** The booked ticket, shown by `<mpp-queue-ticket>` in the booking, with "Lihat tiket" and "book another". */
export const ticketStep = (o: TicketStepOptions): TemplateResult =>
  html`${o.link ? html`<p><a class="btn btn-primary" href=${o.link} data-action="open-ticket">${o.t.openTicket}</a></p>` : nothing}
    <mpp-queue-ticket
      part="ticket"
      api=${o.api ?? nothing}
      ticket-url=${o.ticketUrl ?? nothing}
      theme=${o.theme}
      .ticket=${o.ticket}
      .phone=${o.phone}
      @mpp-booking-cancelled=${o.onChanged}
      @mpp-booking-rescheduled=${o.onChanged}
    ></mpp-queue-ticket>
    ${actions(button({ label: o.t.another, kind: 'primary', action: 'another', onClick: o.onAnother }))}`;
