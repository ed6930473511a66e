/**
 * The detail view of `<si-badra-inbox>`: one complaint with its status and answer clock, its facts
 * (category, agency, masked contact, place with a map link), text, the original photos (staff
 * only), the actions section the element passes in, and the timeline.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StaffComplaintView } from '@mpp-kit/core';
import { actions, button, facts, statusLine } from '../shared/templates.js';
import type { InboxAction } from './events.js';
import type { InboxContext } from './context.js';
import { contactBadge } from './list.js';

export interface DetailState {
  detail: StaffComplaintView | null;
  error: string | null;
  /** Object URLs of the original photos, by photo id (missing while loading or when one failed). */
  photoUrls: ReadonlyMap<string, string>;
  /** The action that just succeeded, or null. */
  done: InboxAction | null;
}

export interface DetailHandlers {
  back(): void;
  retry(): void;
}

export function complaintDetail(
  ctx: InboxContext,
  s: DetailState,
  on: DetailHandlers,
  actionsSection: (d: StaffComplaintView) => unknown,
): TemplateResult {
  const { t, f } = ctx;
  const d = s.detail;
  const back = actions(button({ label: `← ${t.back}`, action: 'back', onClick: on.back }));
  if (!d) {
    if (s.error) return html`${back}${ctx.alert(s.error, on.retry)}`;
    return html`${back}${statusLine(t.loading)}`;
  }
  const clock = f.clock(d.clock);
  const loc = d.location;
  const map = loc ? `https://www.openstreetmap.org/?mlat=${loc.lat}&mlon=${loc.lng}#map=18/${loc.lat}/${loc.lng}` : null;
  return html`${back}
    <p class="complaint-status" data-status=${d.status}>
      <span class="badge" part="badge" data-status=${d.status}>${t.statuses[d.status]}</span>
      <span class="clock ${clock.late ? 'late' : ''}" part="clock" data-level=${d.clock.level}>${clock.text}</span>
    </p>
    ${d.status === 'rejected' && d.rejectReason ? html`<p>${t.rejectedAs(t.rejectReasons[d.rejectReason])}</p>` : nothing}
    ${d.mergedInto ? html`<p>${t.mergedInto(d.mergedInto)}</p>` : nothing}
    ${s.done ? html`<p class="notice" role="status" id="done" tabindex="-1">✓ ${t.done[s.done]}</p>` : nothing}
    ${facts(
      [
        [t.category, f.category(d.category), 'category'],
        [t.agency, d.agencyName, 'agency'],
        [t.filed, html`<time datetime=${d.createdAt}>${f.date(d.createdAt)}</time>`, 'filed'],
        [t.contact, html`${d.contactHint} (${t.contactKinds[d.contactKind]}) · ${contactBadge(t, d.contactVerified)}`, 'contact'],
        [t.privacy, t.privacies[d.privacy], 'privacy'],
        d.name ? [t.reporterName, d.name, 'name'] : null,
        [t.supportersLabel, String(d.supporters), 'supporters'],
        d.address || loc
          ? [
              t.place,
              html`${d.address ? html`<span>${d.address}</span>` : nothing}
              ${
                loc
                  ? html`<span class="nb">${loc.lat.toFixed(5)}, ${loc.lng.toFixed(5)} (${t.accuracy(loc.accuracy)})</span>
                      <a href=${map!} target="_blank" rel="noopener noreferrer">${t.openMap}</a>`
                  : nothing
              }`,
              'place',
            ]
          : null,
      ],
      'details',
    )}
    <h3>${t.text}</h3>
    <p class="complaint-text">${d.text}</p>
    ${photos(ctx, d, s.photoUrls)} ${actionsSection(d)}
    <h3 id="timeline-title">${t.timeline}</h3>
    <ol class="timeline" part="timeline" aria-labelledby="timeline-title">
      ${d.timeline.map(
        (e) =>
          html`<li data-status=${e.status}>
            <p class="entry-head">${t.statuses[e.status]}</p>
            <p class="entry-meta">${t.by[e.by]} · <time datetime=${e.at}>${f.date(e.at)}</time></p>
            ${e.note ? html`<p class="note">${e.note}</p>` : nothing}
          </li>`,
      )}
    </ol>`;
}

function photos({ t }: InboxContext, d: StaffComplaintView, urls: ReadonlyMap<string, string>) {
  if (!d.staffPhotos.length) return nothing;
  const total = d.staffPhotos.length;
  return html`<h3>${t.photos}</h3>
    <ul class="photos staff-photos" part="photos">
      ${d.staffPhotos.map((p, i) => {
        const url = urls.get(p.id);
        return html`<li data-photo=${p.id}>
          ${
            url
              ? html`<img src=${url} alt="${t.photoAlt(i + 1, total)} ${t.photoRole[p.role]}" />`
              : html`<span class="photo-missing">${t.photoLoading}</span>`
          }
          <span class="photo-meta">${t.photoRole[p.role]}${p.redactedId ? html` · ${t.photoRedacted}` : nothing}</span>
        </li>`;
      })}
    </ul>`;
}
