/**
 * The briefing view of `<si-badra-inbox>`: the printable report of complaints past their answer
 * deadline (past 24 h or past 48 h), one table an agency, oldest clock first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BriefingItem, BriefingReport } from '@mpp-kit/core';
import { button, statusLine } from '../shared/templates.js';
import { selectField, type InboxContext } from './context.js';

export interface BriefingState {
  report: BriefingReport | null;
  level: '1' | '2';
  loading: boolean;
  error: string | null;
}

export interface BriefingHandlers {
  back(): void;
  level(level: '1' | '2'): void;
  retry(): void;
}

/** The report's items by agency (by agency name), each agency's oldest clock first. */
function byAgency(items: readonly BriefingItem[]): Array<{ name: string; items: BriefingItem[] }> {
  const groups = new Map<string, { name: string; items: BriefingItem[] }>();
  for (const item of items) {
    const g = groups.get(item.agencyId) ?? { name: item.agencyName, items: [] };
    g.items.push(item);
    groups.set(item.agencyId, g);
  }
  for (const g of groups.values()) g.items.sort((a, b) => Date.parse(a.clockStart) - Date.parse(b.clockStart));
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function briefingView(ctx: InboxContext, s: BriefingState, on: BriefingHandlers): TemplateResult {
  const { t, f } = ctx;
  const r = s.report;
  return html`<div class="actions no-print">
      ${button({ label: `← ${t.back}`, action: 'back', onClick: on.back })}
      ${button({ label: t.print, action: 'print', onClick: () => print() })}
    </div>
    <div class="no-print">
      ${selectField(
        'briefing-level',
        t.briefingLevel,
        s.level,
        (['1', '2'] as const).map((l) => [l, t.briefingLevels[l]] as const),
        (v) => on.level(v === '2' ? '2' : '1'),
      )}
    </div>
    ${s.error ? ctx.alert(s.error, on.retry) : nothing} ${s.loading && !r ? statusLine(t.loading) : nothing}
    ${
      r
        ? html`<p class="status" role="status">${t.briefingIntro(f.date(r.generatedAt))} ${t.briefingCount(r.items.length)}</p>
            ${
              r.items.length
                ? html`<div class="briefing" part="briefing">
                    ${byAgency(r.items).map(
                      (g) =>
                        html`<table>
                          <caption>
                            ${g.name} — ${t.briefingCount(g.items.length)}
                          </caption>
                          <thead>
                            <tr>
                              <th scope="col">${t.briefingCode}</th>
                              <th scope="col">${t.briefingHours}</th>
                              <th scope="col">${t.briefingCategory}</th>
                              <th scope="col">${t.briefingText}</th>
                              <th scope="col">${t.briefingSupporters}</th>
                            </tr>
                          </thead>
                          <tbody>
                            ${g.items.map(
                              (i) =>
                                html`<tr data-code=${i.trackingCode} data-level=${i.level}>
                                  <th scope="row">${i.trackingCode}</th>
                                  <td>${i.hoursOpen}</td>
                                  <td>${f.category(i.category)}</td>
                                  <td class="briefing-text">${i.text}</td>
                                  <td>${i.supporters}</td>
                                </tr>`,
                            )}
                          </tbody>
                        </table>`,
                    )}
                  </div>`
                : html`<p>${t.briefingEmpty}</p>`
            }`
        : nothing
    }`;
}
