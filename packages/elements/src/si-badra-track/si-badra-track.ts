import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  REPLY_TEXT,
  answerClock,
  canDo,
  hoursLeft,
  isMppError,
  isTrackingCode,
  normalizeTrackingCode,
  type ComplaintsApi,
  type ComplaintSummary,
  type ComplaintView,
  type TimelineEntry,
} from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { MppElement } from '../shared/mpp-element.js';
import { problemText } from '../shared/problems.js';
import { actions, button, facts, statusLine } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { complaintsApiFor } from '../shared/complaints-api.js';
import { ContactProofFlow, contactProofForm, type HeldProof, type TypedContact } from '../shared/contact-proof.js';
import { siBadraStyles } from '../shared/si-badra.styles.js';
import { SiBadraErrorEvent, SiBadraReportUpdatedEvent } from './events.js';
import { TRACK_MESSAGES, type TrackMessages } from './messages.js';
import { styles } from './si-badra-track.styles.js';

const HOUR = 3_600_000;
/** The tab's memory of the contact typed for "aduan saya" and of the tab shown (sessionStorage). */
const TYPED_KEY = 'mpp-kit:si-badra:track-contact';
const TAB_KEY = 'mpp-kit:si-badra:track-tab';

function readSession<T>(key: string, ok: (v: unknown) => v is T): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    const v: unknown = raw ? JSON.parse(raw) : null;
    return ok(v) ? v : null;
  } catch {
    return null;
  }
}

function writeSession(key: string, v: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(v));
  } catch {
    /* blocked: memory only */
  }
}

const isTyped = (v: unknown): v is TypedContact =>
  typeof v === 'object' &&
  v !== null &&
  ((v as TypedContact).kind === 'email' || (v as TypedContact).kind === 'phone') &&
  typeof (v as TypedContact).email === 'string' &&
  typeof (v as TypedContact).phone === 'string';
const isTab = (v: unknown): v is 'code' | 'mine' => v === 'code' || v === 'mine';

/**
 * @summary The citizen's tracker of a Si Badra complaint: its status, the timeline with the agency's
 * answers and their photos, the answer clock (24 h to the head of the agency, 48 h to the Mayor),
 * and the reply: accept the resolution (closed) or dispute it (reopened). "Aduan saya" (my complaints):
 * the citizen proves their e-mail address or mobile number with a one-time code, without an account,
 * and sees every complaint they filed; choosing one opens it here. The proof lasts an hour and stays
 * in the tab (sessionStorage), so a reload keeps the list; it is never put in a URL or an event.
 *
 * @tag si-badra-track
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr code - Tracking code (`SB-7K3MQ-9XD2F`). Without one a code field is shown.
 * @attr time-zone - IANA zone of the dates shown. Default `Asia/Jakarta`.
 * @attr mode - The tab shown first: `code` (track by code, default) or `mine` (my complaints, by verified contact).
 *
 * @prop now - The clock of the answer countdown (`() => number`, default `Date.now`).
 *
 * @fires si-badra-report-updated - `{ trackingCode, category, status }` after the citizen accepted (`closed`) or disputed (`reopened`).
 * @fires si-badra-error - `{ code, trackingCode, category }` when an error is shown; never the name, contact or location.
 * @fires mpp-error - `{ code, source }` when an error is shown.
 *
 * @csspart status - The status line.
 * @csspart clock - The answer clock.
 * @csspart details - The complaint's facts.
 * @csspart photos - A list of photos.
 * @csspart timeline - The status history.
 * @csspart reply - The reply form.
 * @csspart tabs - The two ways in: by code, my complaints.
 * @csspart mine - The list of my complaints.
 * @csspart input - The code input and the reply text.
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons.
 * @csspart primary-button - Main buttons.
 *
 * @cssprop --si-badra-track-border-color - Border around the tracker. Default none (the host page's card frames it).
 */
export class SiBadraTrack extends MppElement<TrackMessages> {
  static override styles = [tokens, components, siBadraStyles, styles];
  protected readonly messages = TRACK_MESSAGES;

  @property() api: string | null = null;
  @property() code: string | null = null;
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Jakarta';
  @property({ attribute: false }) now: () => number = Date.now;
  @property() mode: 'code' | 'mine' = 'code';

  @state() private view: ComplaintView | null = null;
  @state() private loading = false;
  /** An error code of the load (`code_format` when the typed code cannot be one). */
  @state() private loadError: string | null = null;
  @state() private codeInput = '';
  @state() private replyText = '';
  /** An error code of the reply (`reply_too_short` before sending). */
  @state() private replyError: string | null = null;
  @state() private replyBusy = false;
  @state() private replied: 'closed' | 'reopened' | null = null;
  /** The tab shown (null: the `mode` attribute's, or the one kept in the tab). */
  @state() private tab: 'code' | 'mine' | null = null;
  @state() private mine: ComplaintSummary[] | null = null;
  @state() private mineError: string | null = null;
  @state() private mineLoading = false;
  /** The complaint shown was chosen in "aduan saya" (a way back is offered). */
  @state() private fromMine = false;

  #api: ComplaintsApi | null = null;
  #base: string | null = null;
  #asked: string | null = null;
  #entered: string | null = null;
  #abort: AbortController | null = null;
  #tick: ReturnType<typeof setInterval> | null = null;
  #mineAbort: AbortController | null = null;
  readonly #proof = new ContactProofFlow(this, {
    scope: 'track',
    api: () => this.#api ?? complaintsApiFor(resolveApiBase(this.api)),
    base: () => resolveApiBase(this.api),
    now: () => this.now(),
    loadContact: () => readSession(TYPED_KEY, isTyped),
    saveContact: (c) => writeSession(TYPED_KEY, c),
    onError: (code) => this.#tell(code, null),
  });

  /** The complaint shown (null before it loads). */
  get complaint(): ComplaintView | null {
    return this.view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The countdown moves with the hour; once a minute is enough.
    this.#tick = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#tick) clearInterval(this.#tick);
    this.#tick = null;
    this.#abort?.abort();
    this.#mineAbort?.abort();
    this.#asked = null;
    this.mine = null;
  }

  get #tab(): 'code' | 'mine' {
    return this.tab ?? readSession(TAB_KEY, isTab) ?? (this.mode === 'mine' ? 'mine' : 'code');
  }

  #show(tab: 'code' | 'mine'): void {
    this.tab = tab;
    writeSession(TAB_KEY, tab);
    if (tab === 'mine') this.fromMine = false;
    this.focusAfterUpdate('#t-title');
  }

  get #code(): string | null {
    // A code typed or chosen here wins until the page sets another `code`.
    const c = this.#entered ?? this.code;
    return c ? normalizeTrackingCode(c) : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    const base = resolveApiBase(this.api);
    if (!this.#api || base !== this.#base) {
      this.#api = complaintsApiFor(base);
      this.#base = base;
      this.#asked = null;
    }
    if (changed.has('code') && this.code) this.#entered = null;
    const code = this.#code;
    if (code !== this.#asked) {
      this.#asked = code;
      if (code) void this.#load(code);
      else this.#reset();
    }
    if (changed.has('code') && this.code) this.tab = 'code';
    // The tab is kept in the tab's session: a reload shows "aduan saya" again.
    if (this.#tab === 'mine') writeSession(TAB_KEY, 'mine');
    if (this.#tab === 'mine' && this.#proof.proof && !this.mine && !this.mineLoading && !this.mineError)
      void this.#loadMine(this.#proof.proof);
  }

  async #loadMine(proof: HeldProof): Promise<void> {
    this.#mineAbort?.abort();
    const abort = (this.#mineAbort = new AbortController());
    this.mineLoading = true;
    this.mineError = null;
    try {
      const list = await this.#api!.mine(proof.proof, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.mine = list.items;
    } catch (e) {
      if (abort.signal.aborted) return;
      const code = isMppError(e) ? e.code : 'fallback';
      if (code === 'contact_proof_invalid') {
        this.mine = null;
        this.#proof.refused(code);
      } else {
        this.mineError = code;
        this.#tell(code, null);
      }
    } finally {
      if (!abort.signal.aborted) this.mineLoading = false;
    }
  }

  #onProof = (p: HeldProof) => {
    this.mine = null;
    this.focusAfterUpdate('#t-title');
    void this.#loadMine(p);
  };

  #open(code: string): void {
    this.#entered = code;
    this.tab = 'code';
    writeSession(TAB_KEY, 'code');
    this.fromMine = true;
    this.focusAfterUpdate('#t-title');
  }

  #signOut = () => {
    this.#proof.forget();
    this.#mineAbort?.abort();
    this.mine = null;
    this.mineError = null;
    this.mineLoading = false;
    this.focusAfterUpdate('#t-title');
  };

  #reset(): void {
    this.#abort?.abort();
    this.view = null;
    this.loading = false;
    this.loadError = null;
    this.replied = null;
    this.replyError = null;
  }

  async #load(code: string): Promise<void> {
    this.#reset();
    this.codeInput = code;
    if (!isTrackingCode(code)) {
      this.#fail('loadError', 'code_format', code);
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    try {
      const view = await this.#api!.track(code, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.view = view;
    } catch (e) {
      if (abort.signal.aborted) return;
      this.#fail('loadError', isMppError(e) ? e.code : 'fallback', code);
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  /** Shows an error and tells the page: `mpp-error` and `si-badra-error` (the code and category only). */
  #fail(where: 'loadError' | 'replyError', code: string, trackingCode: string | null): void {
    this[where] = code;
    this.#tell(code, trackingCode);
  }

  /** Tells the page: `mpp-error` and `si-badra-error` (the code, the tracking code and category only). */
  #tell(code: string, trackingCode: string | null): void {
    this.emitError(code);
    const known = this.view;
    this.dispatchEvent(
      new SiBadraErrorEvent({
        code,
        trackingCode: known?.trackingCode ?? (trackingCode && isTrackingCode(trackingCode) ? trackingCode : null),
        category: known?.category.id ?? null,
      }),
    );
  }

  protected override errorText(code: string | null | undefined): string {
    const own = this.t.complaintProblems;
    if (code === 'code_format') return this.t.codeFormat;
    if (code === 'reply_too_short') return this.t.replyTooShort;
    if (code && Object.hasOwn(this.t.checks, code)) return this.t.checks[code as keyof TrackMessages['checks']];
    if (code && Object.hasOwn(own, code)) return own[code as keyof typeof own]!;
    return problemText(this.t.problems, code);
  }

  #date(at: string): string {
    const f = new Intl.DateTimeFormat(this.locale === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    });
    return f.format(new Date(at));
  }

  protected renderView() {
    const t = this.t;
    if (this.#tab === 'mine') return this.frame(t.mine.title, html`${this.#renderTabs('mine')} ${this.#renderMine()}`, 't-title');
    const v = this.view;
    let body;
    if (v) body = html`${this.#renderTabs('code')} ${this.fromMine ? this.#backToMine() : nothing} ${this.#renderComplaint(v)}`;
    else if (this.loading) body = statusLine(t.loading);
    else if (this.loadError) {
      const entry = this.loadError === 'complaint_not_found' || this.loadError === 'code_format' || this.loadError === 'validation_failed';
      body = html`${this.alert(this.loadError, entry ? undefined : () => this.#retry())} ${entry ? this.#renderCodeEntry(true) : nothing}`;
    } else body = this.#renderCodeEntry(false);
    if (!v) body = html`${this.#renderTabs('code')} ${body}`;
    return this.frame(v ? t.title : t.codeEntry, body, 't-title');
  }

  /** The two ways in: a toggle pair (each button says whether it is the one shown). */
  #renderTabs(current: 'code' | 'mine') {
    const t = this.t;
    const tab = (which: 'code' | 'mine', label: string) =>
      html`<button
        type="button"
        class="btn tab"
        part="button"
        data-action="tab-${which}"
        aria-pressed=${current === which ? 'true' : 'false'}
        @click=${() => this.#show(which)}
      >
        ${label}
      </button>`;
    return html`<div class="tabs" part="tabs" role="group" aria-label=${t.mine.tabsLabel}>
      ${tab('code', t.mine.byCode)} ${tab('mine', t.mine.title)}
    </div>`;
  }

  #backToMine() {
    return actions(button({ label: this.t.mine.back, action: 'back-to-mine', onClick: () => this.#show('mine') }));
  }

  #renderMine() {
    const t = this.t;
    const m = t.mine;
    const proof = this.#proof.proof;
    if (!proof)
      return html`<p>${m.intro}</p>
        ${contactProofForm(this.#proof, m.proof, {
          id: 'mine',
          errorText: (c) => this.errorText(c),
          alert: (c) => this.alert(c),
          onProof: this.#onProof,
          focus: (sel) => {
            this.focusAfterUpdate(sel);
            this.requestUpdate();
          },
        })}`;
    const signOut = actions(button({ label: m.signOut, action: 'mine-sign-out', onClick: this.#signOut }));
    let list: unknown;
    if (this.mineLoading && !this.mine) list = statusLine(m.loading);
    else if (this.mineError) list = this.alert(this.mineError, () => void this.#loadMine(proof));
    else if (this.mine && !this.mine.length) list = html`<p class="notice" id="mine-empty">${m.empty}</p>`;
    else if (this.mine)
      list = html`<p class="status" role="status" id="mine-count">${m.count(this.mine.length)}</p>
        <ul class="cards" part="mine" aria-labelledby="t-title">
          ${this.mine.map((c) => this.#renderSummary(c))}
        </ul>`;
    return html`<p class="notice" id="mine-as">${m.proof.proven(proof.contactHint)}</p>
      ${list} ${signOut}`;
  }

  #summaryClock(c: ComplaintSummary): string | null {
    const t = this.t;
    if (c.clock.answeredAt) return t.clockAnswered(this.#date(c.clock.answeredAt));
    if (!c.clock.running) return null;
    const left = c.clock.dueAt ? hoursLeft(c.clock.dueAt, new Date(this.now())) : null;
    return c.clock.level === 0 ? (left === null ? null : t.mine.hoursLeft(left)) : t.clockEscalated(c.clock.level, left);
  }

  #renderSummary(c: ComplaintSummary) {
    const t = this.t;
    const clock = this.#summaryClock(c);
    return html`<li data-code=${c.trackingCode} data-status=${c.status}>
      <button type="button" class="card" part="button" data-action="open-mine" @click=${() => this.#open(c.trackingCode)}>
        <span class="card-head"><span class="code">${c.trackingCode}</span> · ${t.statuses[c.status]}</span>
        <span class="card-meta">${this.locale === 'en' ? c.category.nameEn : c.category.name} · ${this.#date(c.createdAt)}</span>
        <span class="card-text">${c.text}</span>
        ${clock ? html`<span class="card-clock" data-level=${c.clock.level}>${clock}</span>` : nothing}
      </button>
    </li>`;
  }

  #retry(): void {
    const code = this.#code;
    if (code) void this.#load(code);
  }

  #renderCodeEntry(invalid: boolean) {
    const t = this.t;
    return html`<form novalidate @submit=${this.#onCode}>
      ${textField({
        id: 'code-input',
        label: t.codeLabel,
        value: this.codeInput,
        onInput: (x) => (this.codeInput = x),
        autocomplete: 'off',
        autocapitalize: 'characters',
        maxlength: 20,
        required: true,
        hint: t.codeHint,
        invalid,
      })}
      ${actions(button({ label: t.show, kind: 'primary', action: 'show' }))}
    </form>`;
  }

  #onCode = (e: Event) => {
    e.preventDefault();
    const code = normalizeTrackingCode(this.codeInput);
    if (!code) return;
    this.#entered = code;
    this.focusAfterUpdate('#t-title');
    if (code === this.#asked) void this.#load(code);
    else this.requestUpdate();
  };

  #renderClock(v: ComplaintView) {
    const t = this.t;
    const now = new Date(this.now());
    // The server's clock recomputed at the element's now from its dues (the deployment's policy:
    // calendar or working-day hours), so it keeps counting between loads.
    const c = answerClock(v.clock, now);
    const start = c.clockStart;
    if (c.answeredAt) return html`<p class="clock" part="clock">${t.clockAnswered(this.#date(c.answeredAt))}</p>`;
    if (!c.running || !start) return nothing;
    const left = c.dueAt ? hoursLeft(c.dueAt, now) : null;
    if (c.level === 0 && c.dueAt && left !== null) {
      const within = Math.round((Date.parse(c.dueAt) - Date.parse(start)) / HOUR);
      return html`<p class="clock" part="clock" data-level="0">${t.clockRunning(within, left)}</p>`;
    }
    return html`<p class="clock late" part="clock" data-level=${c.level}>${t.clockEscalated(c.level, left)}</p>`;
  }

  #photos(urls: readonly string[], alt: (n: number, total: number) => string) {
    if (!urls.length) return nothing;
    return html`<ul class="photos" part="photos">
      ${urls.map((u, i) => html`<li><img src=${this.#api!.photoUrl(u)} alt=${alt(i + 1, urls.length)} loading="lazy" /></li>`)}
    </ul>`;
  }

  #renderEntry(e: TimelineEntry) {
    const t = this.t;
    const by = t.by[e.by];
    return html`<li data-status=${e.status}>
      <p class="entry-head">${t.statuses[e.status]}</p>
      <p class="entry-meta">${by} · <time datetime=${e.at}>${this.#date(e.at)}</time></p>
      ${e.note ? html`<p class="note">${e.note}</p>` : nothing} ${this.#photos(e.photos, (n) => t.answerPhotoAlt(by, n))}
    </li>`;
  }

  #renderComplaint(v: ComplaintView) {
    const t = this.t;
    const place = v.address ?? (v.location ? `${v.location.lat.toFixed(5)}, ${v.location.lng.toFixed(5)}` : null);
    return html`<p class="complaint-status ${v.status}" part="status" data-status=${v.status}>${t.status}: ${t.statuses[v.status]}</p>
      ${this.#renderClock(v)} ${v.status === 'rejected' && v.rejectReason ? html`<p>${t.rejectReasons[v.rejectReason]}</p>` : nothing}
      ${!v.contactVerified && v.status === 'received' ? html`<p class="notice">${t.unverified}</p>` : nothing}
      ${this.replied ? html`<p class="notice" role="status" id="replied" tabindex="-1">✓ ${t.replied[this.replied]}</p>` : nothing}
      ${facts(
        [
          [t.code, v.trackingCode, 'code'],
          [t.category, this.locale === 'en' ? v.category.nameEn : v.category.name, 'category'],
          [t.agency, v.category.agencyName, 'agency'],
          [t.filed, html`<time datetime=${v.createdAt}>${this.#date(v.createdAt)}</time>`, 'filed'],
          place ? [t.place, place, 'place'] : null,
        ],
        'details',
      )}
      <h3>${t.complaint}</h3>
      <p class="complaint-text">${v.text}</p>
      ${this.#photos(v.photos, t.photoAlt)}
      <h3 id="timeline-title">${t.timeline}</h3>
      <ol class="timeline" part="timeline" aria-labelledby="timeline-title">
        ${v.timeline.map((e) => this.#renderEntry(e))}
      </ol>
      ${canDo('dispute', v.status) || canDo('close', v.status) ? this.#renderReply(v) : nothing}`;
  }

  #renderReply(v: ComplaintView) {
    const t = this.t;
    const tooShort = this.replyError === 'reply_too_short';
    const fieldError = tooShort || this.replyError === 'validation_failed' || this.replyError?.startsWith('text_');
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
          .value=${this.replyText}
          @input=${(e: Event) => (this.replyText = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${
          fieldError
            ? html`<p class="field-error" part="field-error" id="reply-error">
                <span aria-hidden="true">⚠</span> ${this.errorText(this.replyError)}
              </p>`
            : nothing
        }
      </div>
      ${fieldError ? nothing : this.alert(this.replyError)}
      ${actions(
        canDo('close', v.status)
          ? button({
              label: this.replyBusy ? t.sending : t.accept,
              kind: 'primary',
              action: 'accept',
              busy: this.replyBusy,
              onClick: () => void this.#reply(false),
            })
          : nothing,
        canDo('dispute', v.status)
          ? button({
              label: this.replyBusy ? t.sending : t.dispute,
              action: 'dispute',
              busy: this.replyBusy,
              onClick: () => void this.#reply(true),
            })
          : nothing,
      )}
    </form>`;
  }

  async #reply(dispute: boolean): Promise<void> {
    const v = this.view;
    if (!v || this.replyBusy) return;
    const text = this.replyText.trim();
    if (text.length < REPLY_TEXT.min) {
      this.#fail('replyError', 'reply_too_short', v.trackingCode);
      this.focusAfterUpdate('#reply-input');
      return;
    }
    this.replyBusy = true;
    this.replyError = null;
    try {
      const next = await this.#api!.reply(v.trackingCode, { text, dispute });
      this.view = next;
      this.replyText = '';
      const status = dispute ? 'reopened' : 'closed';
      this.replied = status;
      this.focusAfterUpdate('#replied');
      this.dispatchEvent(new SiBadraReportUpdatedEvent({ trackingCode: next.trackingCode, category: next.category.id, status }));
    } catch (e) {
      // The typed text stays: the citizen tries again without writing it twice.
      this.#fail('replyError', isMppError(e) ? e.code : 'fallback', v.trackingCode);
    } finally {
      this.replyBusy = false;
    }
  }
}
