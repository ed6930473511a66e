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
