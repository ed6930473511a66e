import { html, nothing, type TemplateResult } from 'lit';
import type { Agency, Service } from '@mpp-kit/core';
import { checklist } from '../shared/checklist.js';
import { formatRupiah, type Locale } from '../shared/i18n.js';
import { actions, button, facts } from '../shared/templates.js';
import type { CatalogMessages } from './messages.js';

/**
 * The pieces of `<mpp-service-catalog>`'s view that need no element: each takes the messages and
 * what it shows, and calls back for what the citizen does.
 */

/** `Gratis` / `Rp 50.000`. */
export const feeText = (t: CatalogMessages, s: Service, locale: Locale): string =>
  s.fee.amount === 0 ? t.free : formatRupiah(s.fee.amount, locale);

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

/** One service's standard: summary, time, fee, place, product, requirements to tick, steps, legal basis, "get a queue number". */
export function serviceDetail(o: ServiceDetailOptions): TemplateResult {
  const { t, service: svc, done } = o;
  const fee = html`${feeText(t, svc, o.locale)}${svc.fee.note ? html` — ${svc.fee.note}` : nothing}`;
  return html`<article part="detail" aria-labelledby="svc-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && o.onBack()}>
    ${button({ label: `← ${t.back}`, onClick: o.onBack })}
    <h3 id="svc-title" tabindex="-1">${svc.name} ${svc.demo ? html`<span class="badge">${t.demo}</span>` : nothing}</h3>
    ${o.agency ? html`<p class="agency">${o.agency.name}</p>` : nothing}
    <p class="summary">${svc.summary}</p>
    ${facts([
      [t.duration, svc.duration],
      [t.fee, fee],
      [t.location, svc.location],
      [t.product, svc.product],
    ])}
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
  popular: readonly Service[];
  onQuery(q: string): void;
  onOpen(s: Service): void;
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
