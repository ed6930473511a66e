import { html, nothing, type TemplateResult } from 'lit';
import type { ServiceSummary } from '@mpp-kit/core';

/**
 * Pieces several widgets render alike, so they look and behave the same everywhere: buttons, the
 * actions row, status lines, loading skeletons, facts lists, the search box, service lists and the
 * "stale copy" note. Pure view helpers: no state, no texts of their own.
 */

/** `primary`: the main action; `danger`: a destructive one; `danger-outline`: the way to it. */
export type ButtonKind = 'primary' | 'danger' | 'danger-outline';

export interface ButtonOptions {
  label: unknown;
  /** Without it the button submits its form. */
  onClick?: (e: Event) => void;
  kind?: ButtonKind;
  /** `data-action`, which tests and host pages use to find the button. */
  action?: string;
  /** Default `button`, `primary-button` or `danger-button` by kind. */
  part?: string;
  /** `aria-disabled` while a request is on its way: the button keeps its focus and says why. */
  busy?: boolean;
  /** Really disabled (out of the tab order). */
  disabled?: boolean;
}

const PARTS: Record<ButtonKind, string> = { primary: 'primary-button', danger: 'danger-button', 'danger-outline': 'danger-button' };

export const button = (o: ButtonOptions): TemplateResult =>
  html`<button
    type=${o.onClick ? 'button' : 'submit'}
    class="btn ${o.kind ? `btn-${o.kind}` : ''}"
    part=${o.part ?? (o.kind ? PARTS[o.kind] : 'button')}
    data-action=${o.action ?? nothing}
    aria-disabled=${o.busy === undefined ? nothing : String(o.busy)}
    ?disabled=${!!o.disabled}
    @click=${o.onClick}
  >
    ${o.label}
  </button>`;

/** The row of buttons under a step. */
export const actions = (...items: unknown[]): TemplateResult => html`<div class="actions">${items}</div>`;

/** A polite live line (`role="status"`): loading, counts, "sending…". */
export const statusLine = (text: unknown, id?: string): TemplateResult =>
  html`<p class="status" id=${id ?? nothing} role="status">${text}</p>`;

/** A list's grey placeholders while it loads, named for assistive technology. */
export const skeletons = (cls: string, n: number, label: string): TemplateResult =>
  html`<ul class=${cls} aria-busy="true" aria-label=${label}>
    ${Array.from({ length: n }, () => html`<li class="skeleton"></li>`)}
  </ul>`;

/** One fact: label, value, and optionally `data-field` and a class of the value. Falsy rows are left out. */
export type Fact = readonly [label: string, value: unknown, field?: string, cls?: string] | false | null | undefined;

/** Numbers, codes and ranges in a text (`Loket 7–14`, `10:00–10:30`, `B-005`, `Rp 30.000`). */
const NUMBERISH = /([A-Z]{0,2}-?\d[\d.,:]*(?:\s?[–-]\s?\d[\d.,:]*)?)/;

/** A text whose numbers and ranges never break across lines (each in a `nowrap` span). */
export const keepNumbers = (text: string): unknown =>
  NUMBERISH.test(text) ? text.split(NUMBERISH).map((p, i) => (i % 2 ? html`<span class="nb">${p}</span>` : p)) : text;

/** Facts as a description list (`<dl class="facts">`); numbers in text values never break. */
export const facts = (rows: readonly Fact[], part?: string): TemplateResult =>
  html`<dl class="facts" part=${part ?? nothing}>
    ${rows.map((r) =>
      r
        ? html`<dt>${r[0]}</dt>
            <dd data-field=${r[2] ?? nothing} class=${r[3] ?? nothing}>${typeof r[1] === 'string' ? keepNumbers(r[1]) : r[1]}</dd>`
        : nothing,
    )}
  </dl>`;

export interface SearchFieldOptions {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  /** Id of the status line that counts the results. */
  describedBy: string;
  onInput(value: string): void;
}

/** The service search box of the catalog and of the booking's first step. */
export const searchField = (o: SearchFieldOptions): TemplateResult =>
  html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      part="input"
      type="search"
      autocomplete="off"
      enterkeyhint="search"
      spellcheck="false"
      maxlength="200"
      placeholder=${o.placeholder}
      aria-describedby=${o.describedBy}
      .value=${o.value}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
  </div>`;

export interface ServiceListOptions {
  /** Class of the list (its layout). */
  cls: string;
  part: string;
  itemPart: string;
  label: string;
  /** Id of a heading that names the list (then `label` is not used). */
  labelledBy?: string;
  services: readonly ServiceSummary[];
  /** The line under the name (agency, fee, duration…). */
  meta(s: ServiceSummary): unknown;
  onChoose(s: ServiceSummary): void;
}

/** Services as buttons (`data-service` holds the id). */
export const serviceList = (o: ServiceListOptions): TemplateResult =>
  html`<ul class=${o.cls} part=${o.part} aria-label=${o.labelledBy ? nothing : o.label} aria-labelledby=${o.labelledBy ?? nothing}>
    ${o.services.map(
      (s) =>
        html`<li>
          <button type="button" class="item" part=${o.itemPart} data-service=${s.id} @click=${() => o.onChoose(s)}>
            <span class="item-name">${s.name}</span>
            <span class="item-meta">${o.meta(s)}</span>
          </button>
        </li>`,
    )}
  </ul>`;

/** The catalog shown is an offline copy: a note (not an error) with a "try again" button. */
export const staleNote = (text: string, retryLabel: string, retry: () => void): TemplateResult =>
  html`<div class="banner" role="note">
    <p>${text}</p>
    ${button({ label: retryLabel, onClick: retry })}
  </div>`;
