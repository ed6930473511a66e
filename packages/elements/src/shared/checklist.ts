import { html, type TemplateResult } from 'lit';

export interface ChecklistOptions {
  /** Prefix of the ids: the list is labelled by `<id>-title` (a heading the caller renders) and described by `<id>-hint`. */
  id: string;
  hint: string;
  /** What is ticked so far, in words (`2 dari 5 sudah disiapkan`): announced as it changes. */
  status: string;
  items: readonly string[];
  done: ReadonlySet<number>;
  onToggle(index: number, on: boolean): void;
}

export interface ConditionListOptions {
  /** Prefix of the id: the list is labelled by `<id>-title` (a heading the caller renders). */
  id: string;
  items: readonly string[];
}

/**
 * Conditions to meet (`Sudah berusia 17 tahun, sudah kawin, atau pernah kawin`): a plain list
 * beside "what to bring", since there is nothing to tick or to bring. Shared by the catalog and
 * the booking.
 */
export function conditionList(o: ConditionListOptions): TemplateResult {
  return html`<ul class="conditions" part="conditions" aria-labelledby="${o.id}-title">
    ${o.items.map((c) => html`<li>${c}</li>`)}
  </ul>`;
}

/**
 * "What to bring" as checkboxes a citizen ticks while getting the papers ready, shared by the
 * catalog and the ticket. The ticks stay on the page; the caller keeps them.
 */
export function checklist(o: ChecklistOptions): TemplateResult {
  return html`<p id="${o.id}-hint">${o.hint} <span role="status">${o.status}</span></p>
    <ul class="checklist" part="checklist" aria-labelledby="${o.id}-title" aria-describedby="${o.id}-hint">
      ${o.items.map(
        (r, i) =>
          html`<li>
            <label
              ><input
                type="checkbox"
                .checked=${o.done.has(i)}
                @change=${(e: Event) => o.onToggle(i, (e.target as HTMLInputElement).checked)}
              /><span>${r}</span></label
            >
          </li>`,
      )}
    </ul>`;
}
