/**
 * "Aduan saya" (my complaints) in `<si-badra-track>`: the two tabs (by code, my complaints), the
 * contact-code form until the contact is proven, then the complaints filed with that contact, each
 * with its status and answer clock; choosing one opens it in the tracker.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { hoursLeft, type ComplaintSummary } from '@mpp-kit/core';
import { actions, button, statusLine } from '../shared/templates.js';
import { contactProofForm, type ContactProofFlow, type HeldProof } from '../shared/contact-proof.js';
import type { TrackView } from './context.js';
import type { Tab } from './session.js';

/** The two ways in: a toggle pair (each button says whether it is the one shown). */
export function trackTabs({ t }: TrackView, current: Tab, show: (tab: Tab) => void): TemplateResult {
  const tab = (which: Tab, label: string) =>
    html`<button
      type="button"
      class="btn tab"
      part="button"
      data-action="tab-${which}"
      aria-pressed=${current === which ? 'true' : 'false'}
      @click=${() => show(which)}
    >
      ${label}
    </button>`;
  return html`<div class="tabs" part="tabs" role="group" aria-label=${t.mine.tabsLabel}>
    ${tab('code', t.mine.byCode)} ${tab('mine', t.mine.title)}
  </div>`;
}

/** Back to the list, above a complaint chosen in it. */
export function backToMine({ t }: TrackView, show: (tab: Tab) => void): TemplateResult {
  return actions(button({ label: t.mine.back, action: 'back-to-mine', onClick: () => show('mine') }));
}

export interface MineState {
  items: readonly ComplaintSummary[] | null;
  loading: boolean;
  error: string | null;
}

export interface MineHandlers {
  /** The contact is proven: load the list. */
  proven(p: HeldProof): void;
  retry(p: HeldProof): void;
  signOut(): void;
  open(code: string): void;
  /** Moves the focus after the next render (and updates). */
  focus(selector: string): void;
}

/** The contact-code form, or the list of the proven contact's complaints. */
export function mineView(v: TrackView, flow: ContactProofFlow, s: MineState, on: MineHandlers): TemplateResult {
  const m = v.t.mine;
  const proof = flow.proof;
  if (!proof)
    return html`<p>${m.intro}</p>
      ${contactProofForm(flow, m.proof, {
        id: 'mine',
        errorText: (c) => v.errorText(c),
        alert: (c) => v.alert(c),
        onProof: on.proven,
        focus: on.focus,
      })}`;
  const signOut = actions(button({ label: m.signOut, action: 'mine-sign-out', onClick: on.signOut }));
  let list: unknown;
  if (s.loading && !s.items) list = statusLine(m.loading);
  else if (s.error) list = v.alert(s.error, () => on.retry(proof));
  else if (s.items && !s.items.length) list = html`<p class="notice" id="mine-empty">${m.empty}</p>`;
  else if (s.items)
    list = html`<p class="status" role="status" id="mine-count">${m.count(s.items.length)}</p>
      <ul class="cards" part="mine" aria-labelledby="t-title">
        ${s.items.map((c) => summary(v, c, on.open))}
      </ul>`;
  return html`<p class="notice" id="mine-as">${m.proof.proven(proof.contactHint)}</p>
    ${list} ${signOut}`;
}

function summaryClock({ t, date, now }: TrackView, c: ComplaintSummary): string | null {
  if (c.clock.answeredAt) return t.clockAnswered(date(c.clock.answeredAt));
  if (!c.clock.running) return null;
  const left = c.clock.dueAt ? hoursLeft(c.clock.dueAt, new Date(now())) : null;
  return c.clock.level === 0 ? (left === null ? null : t.mine.hoursLeft(left)) : t.clockEscalated(c.clock.level, left);
}

function summary(v: TrackView, c: ComplaintSummary, open: (code: string) => void): TemplateResult {
  const t = v.t;
  const clock = summaryClock(v, c);
  return html`<li data-code=${c.trackingCode} data-status=${c.status}>
    <button type="button" class="card" part="button" data-action="open-mine" @click=${() => open(c.trackingCode)}>
      <span class="card-head"><span class="code">${c.trackingCode}</span> · ${t.statuses[c.status]}</span>
      <span class="card-meta">${v.locale === 'en' ? c.category.nameEn : c.category.name} · ${v.date(c.createdAt)}</span>
      <span class="card-text">${c.text}</span>
      ${clock ? html`<span class="card-clock" data-level=${c.clock.level}>${clock}</span>` : nothing}
    </button>
  </li>`;
}
