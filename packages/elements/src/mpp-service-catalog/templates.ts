import { html, nothing, type TemplateResult } from 'lit';
import { formatRupiah, type Agency, type CatalogState, type Fee, type FeeSummary, type Service, type ServiceSummary } from '@mpp-kit/core';
import { checklist, conditionList } from '../shared/checklist.js';
import type { Locale } from '../shared/i18n.js';
import { actions, button, facts } from '../shared/templates.js';
import type { CatalogMessages } from './messages.js';

/**
 * The pieces of `<mpp-service-catalog>`'s view that need no element: each takes the messages and
 * what it shows, and calls back for what the citizen does.
 */

/**
 * The fee in a few words, by kind: `Gratis`, `Rp 30.000`, `Sesuai ketentuan`, or `Mulai Rp 50.000,
 * sesuai ketentuan` when a regulated fee has a part known in advance. Only `free` says free.
 */
export const feeText = (t: CatalogMessages, fee: FeeSummary): string =>
  fee.kind === 'free'
    ? t.free
    : fee.kind === 'fixed'
      ? formatRupiah(fee.amount)
      : fee.amount > 0
        ? t.regulatedFrom(formatRupiah(fee.amount))
        : t.regulated;

/** The detail's fee line: those words, how a regulated fee is set (and by which regulation), then the note. */
const feeDetail = (t: CatalogMessages, fee: Fee): string =>
  [feeText(t, fee), fee.kind === 'regulated' ? `${fee.text}${fee.legalBasis ? ` (${fee.legalBasis})` : ''}` : '', fee.note ?? '']
    .filter(Boolean)
    .join(' — ');

export interface ServiceDetailOptions {
  t: CatalogMessages;
  locale: Locale;
  service: Service;
  agency: Agency | undefined;
  /** Indexes of the requirements ticked. */
  done: ReadonlySet<number>;
  onToggle(index: number, on: boolean): void;
  onBack(): void;
  onBook(): void;
}

export interface ServiceDetailPendingOptions {
  t: CatalogMessages;
  /** The service's name when the device knows its summary (the list it was opened from). */
  name: string | null;
  /** A placeholder while the record loads, or the error with its retry. */
  status: unknown;
  onBack(): void;
}

/** An opened service whose full record is on its way (or failed): its name at once, then the standard. */
export function serviceDetailPending(o: ServiceDetailPendingOptions): TemplateResult {
  return html`<article
    part="detail"
    aria-labelledby="svc-title"
    aria-busy="true"
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && o.onBack()}
  >
    ${button({ label: `← ${o.t.back}`, onClick: o.onBack })}
    <h3 id="svc-title" tabindex="-1">${o.name ?? o.t.loadingDetail}</h3>
    ${o.status}
  </article>`;
}

/** One service's standard: summary, time, fee, place, product, conditions, requirements to tick, steps, legal basis, "get a queue number". */
export function serviceDetail(o: ServiceDetailOptions): TemplateResult {
  const { t, service: svc, done } = o;
  const conditions = svc.conditions ?? []; // a record cached before conditions existed has none
  return html`<article part="detail" aria-labelledby="svc-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && o.onBack()}>
    ${button({ label: `← ${t.back}`, onClick: o.onBack })}
    <h3 id="svc-title" tabindex="-1">${svc.name} ${svc.demo ? html`<span class="badge">${t.demo}</span>` : nothing}</h3>
    ${o.agency ? html`<p class="agency">${o.agency.name}</p>` : nothing}
    <p class="summary">${svc.summary}</p>
    ${facts([
      [t.duration, svc.duration],
      [t.fee, feeDetail(t, svc.fee)],
      [t.location, svc.location],
      [t.product, svc.product],
    ])}
    ${
      conditions.length
        ? html`<h4 id="cond-title">${t.conditions}</h4>
            ${conditionList({ id: 'cond', items: conditions })}`
        : nothing
    }
    <h4 id="req-title">${t.requirements}</h4>
    ${checklist({
      id: 'req',
      hint: t.requirementsHint,
      status: t.checked(done.size, svc.requirements.length),
      items: svc.requirements,
      done,
      onToggle: o.onToggle,
    })}
    <h4>${t.steps}</h4>
    <ol class="steps">
      ${svc.steps.map((x) => html`<li>${x}</li>`)}
    </ol>
    ${facts([
      [t.legalBasis, svc.legalBasis.join('; ')],
      [t.complaints, svc.complaintChannel],
    ])}
    ${actions(svc.onlineQueue ? button({ label: t.book, kind: 'primary', part: 'book-button', onClick: o.onBook }) : html`<p>${t.noOnlineQueue}</p>`)}
  </article>`;
}

export interface EmptyResultsOptions {
  t: CatalogMessages;
  query: string;
  suggestions: readonly string[];
  popular: readonly ServiceSummary[];
  onQuery(q: string): void;
  onOpen(s: ServiceSummary): void;
}

/** No result: "did you mean", popular services, and "show all". */
export function emptyResults(o: EmptyResultsOptions): TemplateResult {
  const { t } = o;
  return html`<div class="banner" part="empty">
    <p>${t.noResults(o.query)}</p>
    ${
      o.suggestions.length
        ? html`<p>${t.didYouMean}</p>
            <ul class="chips">
              ${o.suggestions.map((q) => html`<li><button class="chip" @click=${() => o.onQuery(q)}>${q}</button></li>`)}
            </ul>`
        : nothing
    }
    ${
      o.popular.length
        ? html`<p>${t.popular}</p>
            <ul class="chips">
              ${o.popular.map((x) => html`<li><button class="chip" data-service=${x.id} @click=${() => o.onOpen(x)}>${x.name}</button></li>`)}
            </ul>`
        : nothing
    }
    ${button({ label: t.showAll, onClick: () => o.onQuery('') })}
  </div>`;
}

/** "BPJS Kesehatan is not served here. Please go to … Also through: …" — one paragraph group per office. */
export function elsewhereNotice(t: CatalogMessages, entries: CatalogState['elsewhere']): TemplateResult {
  return html`<div class="banner" part="elsewhere" role="note">
    ${entries.map(
      (e) =>
        html`<p><strong>${t.elsewhere(e.name)}</strong> ${t.elsewhereGo(e.office)}</p>
          ${e.channels.length ? html`<p>${t.elsewhereAlso} ${e.channels.join(', ')}</p>` : nothing}
          ${e.url ? html`<p><a href=${e.url} rel="noopener" target="_blank">${t.officialSite}: ${new URL(e.url).host}</a></p>` : nothing}`,
    )}
  </div>`;
}

export interface AgencyGroup {
  agency: Agency;
  services: readonly ServiceSummary[];
}

/** Services grouped by agency in the catalog's agency order, each group in the order given (most used first). */
export function groupByAgency(agencies: readonly Agency[], services: readonly ServiceSummary[]): AgencyGroup[] {
  const by = new Map<string, ServiceSummary[]>();
  for (const s of services) {
    const list = by.get(s.agencyId);
    if (list) list.push(s);
    else by.set(s.agencyId, [s]);
  }
  return agencies.flatMap((agency) => {
    const list = by.get(agency.id);
    return list ? [{ agency, services: list }] : [];
  });
}
