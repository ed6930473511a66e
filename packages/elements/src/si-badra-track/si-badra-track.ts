/*
 * <si-badra-track>: the element holds the state and the wiring (the code asked, loading the
 * complaint and "aduan saya", the reply). What it shows is in the modules of this folder:
 * `complaint.ts` (a complaint with its timeline and the reply form), `mine.ts` (the tabs and
 * "aduan saya"); `context.ts` holds what the views share, `session.ts` what the tab remembers.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  REPLY_TEXT,
  isMppError,
  isTrackingCode,
  normalizeTrackingCode,
  type ComplaintsApi,
  type ComplaintSummary,
  type ComplaintView,
} from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { MppElement } from '../shared/mpp-element.js';
import { problemText } from '../shared/problems.js';
import { actions, button, statusLine } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { complaintsApiFor } from '../shared/complaints-api.js';
import { ContactProofFlow, type HeldProof } from '../shared/contact-proof.js';
import { siBadraStyles } from '../shared/si-badra.styles.js';
import { SiBadraErrorEvent, SiBadraReportUpdatedEvent } from './events.js';
import { TRACK_MESSAGES, type TrackMessages } from './messages.js';
import { styles } from './si-badra-track.styles.js';
import { trackDate, type TrackView } from './context.js';
import { TAB_KEY, TYPED_KEY, isTab, isTyped, readSession, writeSession, type Tab } from './session.js';
import { backToMine, mineView, trackTabs } from './mine.js';
import { complaintView } from './complaint.js';

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

  protected renderView() {
    const t = this.t;
    const tv = this.#view();
    const show = (tab: Tab) => this.#show(tab);
    if (this.#tab === 'mine') return this.frame(t.mine.title, html`${trackTabs(tv, 'mine', show)} ${this.#renderMine(tv)}`, 't-title');
    const v = this.view;
    let body;
    if (v)
      body = html`${trackTabs(tv, 'code', show)} ${this.fromMine ? backToMine(tv, show) : nothing}
      ${complaintView(
        tv,
        v,
        { text: this.replyText, error: this.replyError, busy: this.replyBusy, replied: this.replied },
        { input: (x) => (this.replyText = x), reply: (dispute) => void this.#reply(dispute) },
      )}`;
    else if (this.loading) body = statusLine(t.loading);
    else if (this.loadError) {
      const entry = this.loadError === 'complaint_not_found' || this.loadError === 'code_format' || this.loadError === 'validation_failed';
      body = html`${this.alert(this.loadError, entry ? undefined : () => this.#retry())} ${entry ? this.#renderCodeEntry(true) : nothing}`;
    } else body = this.#renderCodeEntry(false);
    if (!v) body = html`${trackTabs(tv, 'code', show)} ${body}`;
    return this.frame(v ? t.title : t.codeEntry, body, 't-title');
  }

  #view(): TrackView {
    return {
      t: this.t,
      locale: this.locale,
      date: trackDate(this.locale, this.timeZone),
      now: () => this.now(),
      photoUrl: (id) => this.#api!.photoUrl(id),
      errorText: (c) => this.errorText(c),
      alert: (c, retry) => this.alert(c, retry),
    };
  }

  #renderMine(tv: TrackView) {
    return mineView(
      tv,
      this.#proof,
      { items: this.mine, loading: this.mineLoading, error: this.mineError },
      {
        proven: this.#onProof,
        retry: (p) => void this.#loadMine(p),
        signOut: this.#signOut,
        open: (code) => this.#open(code),
        focus: (sel) => {
          this.focusAfterUpdate(sel);
          this.requestUpdate();
        },
      },
    );
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
