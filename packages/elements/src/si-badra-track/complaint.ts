/**
 * A complaint in `<si-badra-track>`: its status, the answer clock, the facts, the text and photos,
 * the timeline with the agency's answers, and the reply form (accept the resolution or dispute it)
 * while the status allows one. Every text from the server is rendered as text, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { REPLY_TEXT, answerClock, canDo, hoursLeft, type ComplaintView, type TimelineEntry } from '@mpp-kit/core';
import { actions, button, facts } from '../shared/templates.js';
import { HOUR, type TrackView } from './context.js';

export interface ReplyState {
  text: string;
  /** An error code of the reply (`reply_too_short` before sending). */
  error: string | null;
  busy: boolean;
  /** The reply just sent. */
  replied: 'closed' | 'reopened' | null;
}

export interface ReplyHandlers {
  input(text: string): void;
  reply(dispute: boolean): void;
}

export function complaintView(v: TrackView, c: ComplaintView, r: ReplyState, on: ReplyHandlers): TemplateResult {
  const t = v.t;
  const place = c.address ?? (c.location ? `${c.location.lat.toFixed(5)}, ${c.location.lng.toFixed(5)}` : null);
  return html`<p class="complaint-status ${c.status}" part="status" data-status=${c.status}>${t.status}: ${t.statuses[c.status]}</p>
    ${clock(v, c)} ${c.status === 'rejected' && c.rejectReason ? html`<p>${t.rejectReasons[c.rejectReason]}</p>` : nothing}
    ${!c.contactVerified && c.status === 'received' ? html`<p class="notice">${t.unverified}</p>` : nothing}
    ${r.replied ? html`<p class="notice" role="status" id="replied" tabindex="-1">✓ ${t.replied[r.replied]}</p>` : nothing}
    ${facts(
      [
        [t.code, c.trackingCode, 'code'],
        [t.category, v.locale === 'en' ? c.category.nameEn : c.category.name, 'category'],
        [t.agency, c.category.agencyName, 'agency'],
        [t.filed, html`<time datetime=${c.createdAt}>${v.date(c.createdAt)}</time>`, 'filed'],
        place ? [t.place, place, 'place'] : null,
      ],
      'details',
    )}
    <h3>${t.complaint}</h3>
    <p class="complaint-text">${c.text}</p>
    ${photos(v, c.photos, t.photoAlt)}
    <h3 id="timeline-title">${t.timeline}</h3>
    <ol class="timeline" part="timeline" aria-labelledby="timeline-title">
      ${c.timeline.map((e) => entry(v, e))}
    </ol>
    ${canDo('dispute', c.status) || canDo('close', c.status) ? replyForm(v, c, r, on) : nothing}`;
}

function clock(v: TrackView, view: ComplaintView) {
  const t = v.t;
  const now = new Date(v.now());
  // The server's clock recomputed at the element's now from its dues (the deployment's policy:
  // calendar or working-day hours), so it keeps counting between loads.
  const c = answerClock(view.clock, now);
  const start = c.clockStart;
  if (c.answeredAt) return html`<p class="clock" part="clock">${t.clockAnswered(v.date(c.answeredAt))}</p>`;
  if (!c.running || !start) return nothing;
  const left = c.dueAt ? hoursLeft(c.dueAt, now) : null;
  if (c.level === 0 && c.dueAt && left !== null) {
    const within = Math.round((Date.parse(c.dueAt) - Date.parse(start)) / HOUR);
    return html`<p class="clock" part="clock" data-level="0">${t.clockRunning(within, left)}</p>`;
  }
  return html`<p class="clock late" part="clock" data-level=${c.level}>${t.clockEscalated(c.level, left)}</p>`;
}

function photos(v: TrackView, urls: readonly string[], alt: (n: number, total: number) => string) {
  if (!urls.length) return nothing;
  return html`<ul class="photos" part="photos">
    ${urls.map((u, i) => html`<li><img src=${v.photoUrl(u)} alt=${alt(i + 1, urls.length)} loading="lazy" /></li>`)}
  </ul>`;
}

function entry(v: TrackView, e: TimelineEntry): TemplateResult {
  const t = v.t;
  const by = t.by[e.by];
  return html`<li data-status=${e.status}>
    <p class="entry-head">${t.statuses[e.status]}</p>
    <p class="entry-meta">${by} · <time datetime=${e.at}>${v.date(e.at)}</time></p>
    ${e.note ? html`<p class="note">${e.note}</p>` : nothing} ${photos(v, e.photos, (n) => t.answerPhotoAlt(by, n))}
  </li>`;
}

function replyForm(v: TrackView, c: ComplaintView, r: ReplyState, on: ReplyHandlers): TemplateResult {
  const t = v.t;
  const tooShort = r.error === 'reply_too_short';
  const fieldError = tooShort || r.error === 'validation_failed' || r.error?.startsWith('text_');
  const described = ['reply-hint', fieldError ? 'reply-error' : ''].filter(Boolean).join(' ');
  return html`<form class="reply" part="reply" novalidate aria-labelledby="reply-title" @submit=${(e: Event) => e.preventDefault()}>
    <h3 id="reply-title">${t.replyHeading}</h3>
    <p>${t.replyIntro}</p>
    <div class="field ${fieldError ? 'invalid' : ''}">
      <label for="reply-input">${t.replyLabel}</label>
      <p class="hint" id="reply-hint">${t.replyHint}</p>
      <textarea
        id="reply-input"
        part="input"
        rows="4"
        maxlength=${REPLY_TEXT.max}
        aria-invalid=${fieldError ? 'true' : 'false'}
        aria-describedby=${described}
        .value=${r.text}
        @input=${(e: Event) => on.input((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${
        fieldError
          ? html`<p class="field-error" part="field-error" id="reply-error"><span aria-hidden="true">⚠</span> ${v.errorText(r.error)}</p>`
          : nothing
      }
    </div>
    ${fieldError ? nothing : v.alert(r.error)}
    ${actions(
      canDo('close', c.status)
        ? button({
            label: r.busy ? t.sending : t.accept,
            kind: 'primary',
            action: 'accept',
            busy: r.busy,
            onClick: () => on.reply(false),
          })
        : nothing,
      canDo('dispute', c.status)
        ? button({
            label: r.busy ? t.sending : t.dispute,
            action: 'dispute',
            busy: r.busy,
            onClick: () => on.reply(true),
          })
        : nothing,
    )}
  </form>`;
}
