/**
 * The list view of `<si-badra-inbox>`: the filter form (status, category, agency, answer deadline,
 * search), the complaints of the account's scope as rows, "load more", and the keyboard help.
 * Also the filters as the staff list query.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ComplaintCategory, ComplaintStatus, StaffComplaintItem, StaffComplaintQuery } from '@mpp-kit/core';
import { actions, button, statusLine } from '../shared/templates.js';
import { HOUR, selectField, type InboxContext } from './context.js';

const STATUSES: readonly ComplaintStatus[] = [
  'received',
  'verified',
  'dispatched',
  'answered',
  'resolved',
  'closed',
  'rejected',
  'reopened',
];
const LEVELS = ['0', '1', '2'] as const;

export type Filters = { status: string; categoryId: string; agencyId: string; level: string; q: string };
export const NO_FILTERS: Filters = { status: '', categoryId: '', agencyId: '', level: '', q: '' };

/** The filters as a list query (an agency's account is held to its agency by the server: no agency filter). */
export function filterQuery(f: Filters, cursor: string | null, agencyRole: boolean): StaffComplaintQuery {
  const q: StaffComplaintQuery = {};
  if (f.status) q.status = f.status as ComplaintStatus;
  if (f.categoryId) q.categoryId = f.categoryId;
  if (f.agencyId && !agencyRole) q.agencyId = f.agencyId;
  if (f.level) q.level = f.level as StaffComplaintQuery['level'];
  if (f.q.trim()) q.q = f.q.trim();
  if (cursor) q.cursor = cursor;
  return q;
}

export interface ListState {
  items: readonly StaffComplaintItem[];
  selected: number;
  next: string | null;
  loading: boolean;
  error: string | null;
  filters: Filters;
  categories: readonly ComplaintCategory[];
  agencies: ReadonlyArray<{ id: string; name: string }>;
  /** An agency's account: no agency filter. */
  agencyRole: boolean;
  /** The account may open the briefing report. */
  briefing: boolean;
}

export interface ListHandlers {
  filter(key: keyof Filters, value: string): void;
  apply(): void;
  loadMore(): void;
  retry(): void;
  open(code: string): void;
  focusRow(i: number): void;
  briefing(): void;
}

export function inboxList(ctx: InboxContext, s: ListState, on: ListHandlers): TemplateResult {
  const t = ctx.t;
  const items = s.items;
  return html`${s.briefing ? actions(button({ label: t.briefing, action: 'briefing', onClick: on.briefing })) : nothing}
    ${filterForm(ctx, s, on)} ${s.error ? ctx.alert(s.error, on.retry) : nothing}
    <div class="results" aria-busy=${s.loading ? 'true' : 'false'}>
      ${statusLine(s.loading && !items.length ? t.loading : items.length ? t.count(items.length, !!s.next) : t.empty, 'count')}
      ${
        items.length
          ? html`<ul class="rows" part="list" aria-label=${t.listLabel}>
              ${items.map((item, i) => row(ctx, item, i, i === s.selected, on))}
            </ul>`
          : nothing
      }
      ${
        s.next
          ? actions(
              button({
                label: s.loading ? t.loading : t.loadMore,
                action: 'load-more',
                busy: s.loading,
                onClick: () => !s.loading && on.loadMore(),
              }),
            )
          : nothing
      }
    </div>`;
}

function filterForm({ t, f: fmt }: InboxContext, s: ListState, on: ListHandlers): TemplateResult {
  const f = s.filters;
  const any = [['', t.any]] as const;
  return html`<form
    class="filters"
    part="filters"
    role="search"
    aria-label=${t.filters}
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      on.apply();
    }}
  >
    ${selectField('f-status', t.status, f.status, [...any, ...STATUSES.map((st) => [st, t.statuses[st]] as const)], (v) =>
      on.filter('status', v),
    )}
    ${selectField('f-category', t.category, f.categoryId, [...any, ...s.categories.map((c) => [c.id, fmt.category(c)] as const)], (v) =>
      on.filter('categoryId', v),
    )}
    ${
      s.agencyRole
        ? nothing
        : selectField('f-agency', t.agency, f.agencyId, [...any, ...s.agencies.map((a) => [a.id, a.name] as const)], (v) =>
            on.filter('agencyId', v),
          )
    }
    ${selectField('f-level', t.level, f.level, [...any, ...LEVELS.map((l) => [l, t.levels[l]] as const)], (v) => on.filter('level', v))}
    <div class="field search">
      <label for="q">${t.search}</label>
      <p class="hint" id="q-hint">${t.searchHint}</p>
      <input
        id="q"
        part="input"
        type="search"
        autocomplete="off"
        enterkeyhint="search"
        spellcheck="false"
        maxlength="100"
        aria-describedby="q-hint"
        .value=${f.q}
        @input=${(e: Event) => on.filter('q', (e.target as HTMLInputElement).value)}
      />
    </div>
    ${actions(button({ label: t.apply, action: 'apply' }))}
  </form>`;
}

function row({ t, f }: InboxContext, item: StaffComplaintItem, i: number, selected: boolean, on: ListHandlers): TemplateResult {
  const hours = Math.max(0, Math.floor((f.now() - Date.parse(item.createdAt)) / HOUR));
  const clock = f.clock(item.clock);
  return html`<li>
    <button
      type="button"
      class="row ${selected ? 'selected' : ''}"
      part="row"
      data-index=${i}
      data-code=${item.trackingCode}
      data-status=${item.status}
      aria-current=${selected ? 'true' : nothing}
      @focus=${() => on.focusRow(i)}
      @click=${() => on.open(item.trackingCode)}
    >
      <span class="row-head">
        <span class="code">${item.trackingCode}</span>
        <span class="badge" part="badge" data-status=${item.status}>${t.statuses[item.status]}</span>
        ${contactBadge(t, item.contactVerified)}
      </span>
      <span class="row-text">${item.text}</span>
      <span class="row-meta">${f.category(item.category)} · ${item.agencyName} · ${t.filedAgo(t.age(hours))}</span>
      <span class="row-meta">
        <span class="clock ${clock.late ? 'late' : ''}" part="clock" data-level=${item.clock.level}>${clock.text}</span>
        · ${t.supporters(item.supporters)}${item.photoCount ? html` · ${t.photoCount(item.photoCount)}` : nothing}
      </span>
    </button>
  </li>`;
}

/** Whether the reporter's contact is verified, as a badge. */
export const contactBadge = (t: InboxContext['t'], verified: boolean): TemplateResult =>
  verified
    ? html`<span class="badge ok" part="badge" data-field="verified">✓ ${t.verifiedContact}</span>`
    : html`<span class="badge" part="badge">${t.unverifiedContact}</span>`;

/** The keyboard shortcuts. */
export function shortcutHelp({ t }: InboxContext): TemplateResult {
  return html`<details class="help" part="help">
    <summary>${t.helpTitle}</summary>
    <dl>
      ${t.help.map(
        ([k, what]) =>
          html`<dt><kbd>${k}</kbd></dt>
            <dd>${what}</dd>`,
      )}
    </dl>
    <p>${t.helpNote}</p>
  </details>`;
}
