import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ProblemError,
  REPLY_TEXT,
  StaffSession,
  createComplaintsApi,
  createStaffComplaintsApi,
  isAgencyRole,
  isMppError,
  isTrackingCode,
  normalizeTrackingCode,
  type BriefingReport,
  type ComplaintCategory,
  type ComplaintView,
  type ComplaintsApi,
  type StaffAccountView,
  type StaffComplaintItem,
  type StaffComplaintView,
  type StaffComplaintsApi,
  type StaffSessionState,
} from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { MppElement } from '../shared/mpp-element.js';
import { problemText } from '../shared/problems.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { complaintsApiFor } from '../shared/complaints-api.js';
import { httpFor } from '../shared/http.js';
import { siBadraStyles } from '../shared/si-badra.styles.js';
import { SiBadraInboxActionEvent, type InboxAction } from './events.js';
import { INBOX_MESSAGES, type InboxMessages } from './messages.js';
import { pixelate, shrinkPhoto } from './redact.js';
import { styles } from './si-badra-inbox.styles.js';
import { agenciesOf, allowedActions, BRIEFING, can, INBOX, inboxFormat, type InboxContext, type Panel } from './context.js';
import { accountLine, signInForm } from './sign-in.js';
import { filterQuery, inboxList, NO_FILTERS, shortcutHelp, type Filters } from './list.js';
import { complaintDetail } from './detail.js';
import { actionsSection, EMPTY_FORM, type PanelForm } from './actions.js';
import { RedactEditor } from './redact-editor.js';
import { briefingView } from './briefing.js';
import { OriginalPhotos } from './photos.js';
import { shortcutFor } from './shortcuts.js';

/*
 * The element holds the state and the wiring: the session, loading and acting on the server, and
 * the keyboard. What each view shows is in its own module: `sign-in.ts`, `list.ts`, `detail.ts`,
 * `actions.ts` (the action forms), `redact-editor.ts`, `briefing.ts`; `context.ts` holds the
 * formats and the roles they share.
 */

type View = 'list' | 'detail' | 'briefing';

/** A fetch that uploads the agency's "after" photo: the server files a photo under `?role=answer` for an answer. */
const answerPhotoFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  url.searchParams.set('role', 'answer');
  return fetch(url, init);
};

/**
 * @summary The Si Badra staff inbox: staff sign in (tokens kept in memory only), see the complaints
 * of their scope (an agency's accounts see their agency's only), filter them by status, category,
 * agency and answer deadline (on time, past 24 h, past 48 h) or search them, open one with its text,
 * original photos, location, timeline and masked contact, and act by role: the verifiers' desk
 * verifies, rejects with a reason, merges a duplicate into a nearby complaint, dispatches to an
 * agency and pixelates faces or number plates in a photo before the public sees it; an agency's
 * officer or head answers with text and an "after" photo, or resolves. The mayor's office and the
 * city administrator get the printable briefing report of complaints past their deadline.
 *
 * Keyboard shortcuts (while the focus is in the inbox, never while typing in a field): `j` / `k`
 * next / previous complaint, `Enter` open it, `v` verify, `d` dispatch, `r` reject, `a` answer,
 * `/` the search box, `Escape` back (closes a form, then the complaint, then the report). Every
 * action is also a button in the Tab order.
 *
 * Every text from the server (complaints, notes, names) is rendered as text, never as markup.
 *
 * @tag si-badra-inbox
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr lang - `id` (default) or `en`.
 * @attr time-zone - IANA zone of the dates shown. Default `Asia/Jakarta`.
 *
 * @prop now - The clock of ages and answer deadlines (`() => number`, default `Date.now`).
 *
 * @fires si-badra-inbox-action - `{ trackingCode, action }` after an action succeeded (`verify`, `reject`, `merge`, `dispatch`, `answer`, `resolve`, `redact`).
 * @fires mpp-error - `{ code, source }` when an error is shown.
 *
 * @csspart account - The signed-in account line.
 * @csspart filters - The filter form.
 * @csspart list - The list of complaints.
 * @csspart row - One complaint of the list.
 * @csspart badge - The status and contact badges.
 * @csspart clock - The answer clock.
 * @csspart details - The complaint's facts.
 * @csspart photos - The photos.
 * @csspart timeline - The status history.
 * @csspart panel - An action's form.
 * @csspart stage - The photo being redacted with its boxes.
 * @csspart briefing - The briefing report's tables.
 * @csspart help - The keyboard shortcuts.
 * @csspart input - Text inputs and text areas.
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons.
 * @csspart primary-button - Main buttons.
 * @csspart danger-button - The reject button.
 *
 * @cssprop --si-badra-inbox-border-color - Border around the inbox. Default none.
 * @cssprop --si-badra-inbox-late-color - Colour of a deadline passed. Default the danger colour.
 * @cssprop --si-badra-inbox-redact-color - Outline of a redaction box. Default `#ffcc00`.
 */
export class SiBadraInbox extends MppElement<InboxMessages> {
  static override styles = [tokens, components, siBadraStyles, styles];
  protected readonly messages = INBOX_MESSAGES;

  @property() api: string | null = null;
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Jakarta';
  @property({ attribute: false }) now: () => number = Date.now;

  @state() private session: StaffSessionState | null = null;
  @state() private email = '';
  @state() private password = '';
  @state() private signInError: string | null = null;

  @state() private view: View = 'list';
  @state() private categories: readonly ComplaintCategory[] = [];
  @state() private filters: Filters = NO_FILTERS;
  @state() private items: readonly StaffComplaintItem[] = [];
  @state() private next: string | null = null;
  @state() private listLoading = false;
  @state() private listError: string | null = null;
  @state() private selected = -1;

  @state() private detail: StaffComplaintView | null = null;
  @state() private detailLoading = false;
  @state() private detailError: string | null = null;

  @state() private panel: Panel | null = null;
  @state() private busy = false;
  @state() private actionError: string | null = null;
  @state() private done: InboxAction | null = null;
  @state() private form: PanelForm = EMPTY_FORM;

  @state() private briefing: BriefingReport | null = null;
  @state() private briefingLevel: '1' | '2' = '1';
  @state() private briefingLoading = false;
  @state() private briefingError: string | null = null;

  #base: string | null = null;
  #session: StaffSession | null = null;
  #staff: StaffComplaintsApi | null = null;
  #public: ComplaintsApi | null = null;
  #uploads: ComplaintsApi | null = null;
  #unsubscribe: (() => void) | null = null;
  #listAbort: AbortController | null = null;
  #detailAbort: AbortController | null = null;
  #photos = new OriginalPhotos(this);
  #redact = new RedactEditor(this, (selector) => this.focusAfterUpdate(selector));
  /** A shortcut pressed in the list: the action to start once the complaint is open. */
  #pending: 'verify' | Panel | null = null;

  /** The signed-in account, or null. */
  get account(): StaffAccountView | null {
    return this.session?.status === 'signed_in' ? this.session.account : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
    if (this.#session && !this.#unsubscribe) this.#subscribe(this.#session);
    // Moved in the page: the photos revoked on the way out are fetched again.
    if (this.detail && this.account) {
      const abort = (this.#detailAbort = new AbortController());
      void this.#loadPhotos(this.detail, abort.signal);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKey);
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#listAbort?.abort();
    this.#detailAbort?.abort();
    this.#photos.revoke();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    const base = resolveApiBase(this.api);
    if (base === this.#base && this.#session) return;
    // A new API base is another server: the session of the old one is signed out and forgotten.
    const old = this.#session;
    this.#unsubscribe?.();
    if (old?.signedIn) void old.signOut().catch(() => undefined);
    this.#base = base;
    const session = (this.#session = new StaffSession({ baseUrl: base, timeout: 15_000 }));
    this.#staff = createStaffComplaintsApi(session);
    this.#public = complaintsApiFor(base);
    this.#uploads = createComplaintsApi(httpFor(base), { fetch: answerPhotoFetch });
    this.#subscribe(session);
    this.#resetAll();
  }

  #subscribe(session: StaffSession): void {
    this.session = session.getSnapshot();
    this.#unsubscribe = session.subscribe((s) => {
      const wasIn = this.session?.status === 'signed_in';
      this.session = s;
      if (wasIn && s.status !== 'signed_in') this.#resetAll();
    });
  }

  #resetAll(): void {
    this.#listAbort?.abort();
    this.#detailAbort?.abort();
    this.#photos.revoke();
    this.view = 'list';
    this.items = [];
    this.next = null;
    this.selected = -1;
    this.filters = NO_FILTERS;
    this.detail = null;
    this.briefing = null;
    this.listError = this.detailError = this.briefingError = null;
    this.#closePanel();
  }

  protected override errorText(code: string | null | undefined): string {
    const t = this.t;
    const own = t.complaintProblems;
    if (code === 'invalid_credentials') return t.wrongPassword;
    if (code === 'answer_too_short') return t.answerTooShort;
    if (code === 'merge_code') return t.mergeCodeInvalid;
    if (code && Object.hasOwn(own, code)) return own[code as keyof typeof own]!;
    return problemText(t.problems, code);
  }

  /** The stable code of an error: `invalid_credentials` for a wrong e-mail or password, else the SDK's code. */
  #code(e: unknown): string {
    if (e instanceof ProblemError && e.status === 401 && e.problem['reason'] === 'invalid_credentials') return 'invalid_credentials';
    return isMppError(e) ? e.code : 'fallback';
  }

  #fail<K extends 'signInError' | 'listError' | 'detailError' | 'actionError' | 'briefingError'>(where: K, code: string): void {
    (this as unknown as Record<K, string | null>)[where] = code;
    this.emitError(code);
  }

  get #agencies(): ReadonlyArray<{ id: string; name: string }> {
    return agenciesOf(this.categories);
  }

  // ---- sign-in ----

  #onSignIn = async (e: Event) => {
    e.preventDefault();
    const session = this.#session;
    if (!session || this.session?.status === 'signing_in') return;
    const email = this.email.trim();
    if (!email || !this.password) {
      this.#fail('signInError', 'validation_failed');
      this.focusAfterUpdate(email ? '#password' : '#email');
      return;
    }
    this.signInError = null;
    try {
      await session.signIn(email, this.password);
      this.password = '';
      this.focusAfterUpdate('#title');
      if (can(this.account, INBOX)) {
        void this.#loadCategories();
        void this.#loadList(false);
      }
    } catch (err) {
      this.#fail('signInError', this.#code(err));
      this.focusAfterUpdate('#password');
    }
  };

  async #signOut(): Promise<void> {
    const session = this.#session;
    this.#resetAll();
    this.email = '';
    this.password = '';
    this.focusAfterUpdate('#email');
    try {
      await session?.signOut();
    } catch {
      // The tokens are forgotten in any case; the server's session ends by itself.
    }
  }

  async #loadCategories(): Promise<void> {
    try {
      this.categories = (await this.#public!.categories()).items;
    } catch {
      // The filters and the dispatch form then offer "all" and the category's agency only.
    }
  }

  // ---- list ----

  async #loadList(append: boolean): Promise<void> {
    this.#listAbort?.abort();
    const abort = (this.#listAbort = new AbortController());
    this.listLoading = true;
    this.listError = null;
    try {
      const query = filterQuery(this.filters, append ? this.next : null, isAgencyRole(this.account!.role));
      const page = await this.#staff!.list(query, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const first = this.items.length;
      this.items = append ? [...this.items, ...page.items] : page.items;
      this.next = page.next;
      if (!append) this.selected = -1;
      else if (page.items.length) this.focusAfterUpdate(`[data-index="${first}"]`);
    } catch (e) {
      if (!abort.signal.aborted) this.#fail('listError', this.#code(e));
    } finally {
      if (!abort.signal.aborted) this.listLoading = false;
    }
  }

  #setFilter(key: keyof Filters, value: string): void {
    this.filters = { ...this.filters, [key]: value };
    if (key !== 'q') void this.#loadList(false);
  }

  #select(i: number): void {
    if (!this.items.length) return;
    this.selected = Math.max(0, Math.min(this.items.length - 1, i));
    this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.selected}"]`)?.focus();
  }

  // ---- detail ----

  #open(code: string): void {
    this.selected = Math.max(
      0,
      this.items.findIndex((i) => i.trackingCode === code),
    );
    this.view = 'detail';
    this.done = null;
    this.#closePanel();
    this.focusAfterUpdate('#title');
    void this.#loadDetail(code);
  }

  async #loadDetail(code: string): Promise<void> {
    this.#detailAbort?.abort();
    const abort = (this.#detailAbort = new AbortController());
    if (this.detail?.trackingCode !== code) {
      this.detail = null;
      this.#photos.revoke();
    }
    this.detailLoading = true;
    this.detailError = null;
    try {
      const d = await this.#staff!.get(code, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.detail = d;
      this.form = { ...this.form, dispatchTo: d.agencyId };
      void this.#loadPhotos(d, abort.signal);
      const pending = this.#pending;
      this.#pending = null;
      if (pending === 'verify') void this.#verify();
      else if (pending) this.#openPanel(pending);
    } catch (e) {
      if (!abort.signal.aborted) this.#fail('detailError', this.#code(e));
    } finally {
      if (!abort.signal.aborted) this.detailLoading = false;
    }
  }

  /** The originals (staff only) as object URLs; the old ones are revoked. */
  #loadPhotos(d: StaffComplaintView, signal: AbortSignal): Promise<void> {
    return this.#photos.load(d, (id, signal) => this.#staff!.originalPhoto(id, { signal }), signal);
  }

  #back(): void {
    const code = this.detail?.trackingCode;
    this.#detailAbort?.abort();
    this.#closePanel();
    this.view = 'list';
    this.detail = null;
    this.detailError = null;
    this.#photos.revoke();
    this.focusAfterUpdate(code && this.items.some((i) => i.trackingCode === code) ? `[data-code="${code}"]` : '#title');
  }

  // ---- actions ----

  #openPanel(panel: Panel): void {
    const d = this.detail;
    if (!d || !allowedActions(this.account, d)[panel]) return;
    this.panel = panel;
    this.actionError = null;
    this.done = null;
    this.form = { ...this.form, note: '' };
    if (panel === 'redact') this.#redact.choose((d.staffPhotos.find((p) => p.role === 'report') ?? d.staffPhotos[0])?.id ?? null);
    if (panel === 'merge')
      this.form = { ...this.form, mergeInto: d.nearby.find((n) => n.trackingCode !== d.trackingCode)?.trackingCode ?? '', mergeCode: '' };
    this.focusAfterUpdate('#panel-title');
  }

  #closePanel(): void {
    this.panel = null;
    this.actionError = null;
    this.#redact.clear();
    this.form = { ...this.form, answerFile: null, answerText: '' };
  }

  #cancelPanel(): void {
    const p = this.panel;
    this.#closePanel();
    if (p) this.focusAfterUpdate(`[data-action="${p}"]`);
  }

  async #run(action: InboxAction, send: (code: string) => Promise<unknown>): Promise<void> {
    const d = this.detail;
    if (!d || this.busy) return;
    this.busy = true;
    this.actionError = null;
    try {
      const result = await send(d.trackingCode);
      const v = result && typeof result === 'object' && 'status' in result ? (result as ComplaintView) : null;
      if (v)
        this.items = this.items.map((i) =>
          i.trackingCode === v.trackingCode
            ? { ...i, status: v.status, clock: v.clock, supporters: v.supporters, contactVerified: v.contactVerified }
            : i,
        );
    } catch (e) {
      // The form stays open with what was typed: the staff member corrects it or tries again.
      this.#fail('actionError', this.#code(e));
      this.focusAfterUpdate('#action-error');
      return;
    } finally {
      this.busy = false;
    }
    this.#closePanel();
    this.done = action;
    this.focusAfterUpdate('#done');
    this.dispatchEvent(new SiBadraInboxActionEvent({ trackingCode: d.trackingCode, action }));
    await this.#loadDetail(d.trackingCode);
  }

  #verify(): Promise<void> {
    return this.#run('verify', (c) => this.#staff!.verify(c));
  }

  #note(): string | null {
    return this.form.note.trim() || null;
  }

  #reject = (e: Event) => {
    e.preventDefault();
    void this.#run('reject', (c) => this.#staff!.reject(c, { reason: this.form.reason, note: this.#note() }));
  };

  #merge = (e: Event) => {
    e.preventDefault();
    const typed = normalizeTrackingCode(this.form.mergeCode);
    const into = typed || this.form.mergeInto;
    if (!isTrackingCode(into)) {
      this.#fail('actionError', 'merge_code');
      this.focusAfterUpdate('#merge-code');
      return;
    }
    void this.#run('merge', (c) => this.#staff!.merge(c, { into, note: this.#note() }));
  };

  #dispatch = (e: Event) => {
    e.preventDefault();
    const agencyId = this.form.dispatchTo || undefined;
    void this.#run('dispatch', (c) => this.#staff!.dispatch(c, { agencyId, note: this.#note() }));
  };

  #answer(resolve: boolean): void {
    const text = this.form.answerText.trim();
    if (text.length < REPLY_TEXT.min) {
      this.#fail('actionError', 'answer_too_short');
      this.focusAfterUpdate('#answer-text');
      return;
    }
    const file = this.form.answerFile;
    void this.#run(resolve ? 'resolve' : 'answer', async (c) => {
      const photoIds: string[] = [];
      if (file) {
        // The "after" photo goes the way every Si Badra photo goes: shrunk and re-encoded here
        // (metadata dropped; a file the browser cannot decode goes as it is, for the server to
        // judge), then uploaded with a capture token, filed as an answer's photo.
        const blob = await shrinkPhoto(file).catch(() => file);
        const { token } = await this.#uploads!.captureToken();
        photoIds.push((await this.#uploads!.uploadPhoto(token, blob)).id);
      }
      return this.#staff!.answer(c, { text, photoIds, resolve });
    });
  }

  #sendRedacted = async (e: Event) => {
    e.preventDefault();
    const id = this.#redact.photoId;
    const blob = id ? this.#photos.blob(id) : null;
    const boxes = this.#redact.boxes;
    if (!id || !blob || !boxes.length) return;
    await this.#run('redact', async (c) => this.#staff!.redactPhoto(c, id, await pixelate(blob, boxes)));
  };

  // ---- briefing ----

  #openBriefing(): void {
    this.view = 'briefing';
    this.focusAfterUpdate('#title');
    void this.#loadBriefing();
  }

  async #loadBriefing(): Promise<void> {
    this.briefingLoading = true;
    this.briefingError = null;
    try {
      this.briefing = await this.#staff!.briefing(this.briefingLevel === '2' ? 2 : 1);
    } catch (e) {
      this.#fail('briefingError', this.#code(e));
    } finally {
      this.briefingLoading = false;
    }
  }

  #backFromBriefing(): void {
    this.view = 'list';
    this.focusAfterUpdate('[data-action="briefing"]');
  }

  // ---- keyboard ----

  #onKey = (e: KeyboardEvent) => {
    if (!this.account) return;
    const d = this.view === 'detail' && !this.panel && !this.busy ? this.detail : null;
    const selected = this.items[this.selected];
    const command = shortcutFor(e, { view: this.view, selected: !!selected, allowed: d && allowedActions(this.account, d) });
    if (!command) return;
    switch (command.do) {
      case 'escape':
        if (this.panel) this.#cancelPanel();
        else if (this.view === 'detail') this.#back();
        else if (this.view === 'briefing') this.#backFromBriefing();
        else return;
        break;
      case 'step':
        this.#select(this.selected < 0 ? 0 : this.selected + command.by);
        break;
      case 'search':
        this.renderRoot.querySelector<HTMLElement>('#q')?.focus();
        break;
      case 'open':
        if (command.then) this.#pending = command.then;
        this.#open(selected!.trackingCode);
        break;
      case 'verify':
        void this.#verify();
        break;
      case 'panel':
        this.#openPanel(command.panel);
    }
    e.preventDefault();
  };

  // ---- render ----

  get #ctx(): InboxContext {
    return {
      t: this.t,
      f: inboxFormat(this.t, this.locale, this.timeZone, this.now),
      alert: (code, retry) => this.alert(code, retry),
    };
  }

  protected renderView() {
    const t = this.t;
    const ctx = this.#ctx;
    const account = this.account;
    if (!account) {
      const note = this.session?.ended ? t.sessionEnded : null;
      const s = { email: this.email, password: this.password, error: this.signInError, busy: this.session?.status === 'signing_in', note };
      const on = { email: (v: string) => (this.email = v), password: (v: string) => (this.password = v), submit: this.#onSignIn };
      return this.frame(t.signInTitle, signInForm(ctx, s, on));
    }
    const agencyName = account.agencyId ? (this.#agencies.find((a) => a.id === account.agencyId)?.name ?? account.agencyId) : null;
    const head = accountLine(ctx, account, agencyName, () => void this.#signOut());
    if (!can(account, INBOX))
      return this.frame(
        t.title,
        html`${head}
          <p class="notice">${t.noInboxRole}</p>`,
      );
    if (this.view === 'detail') {
      const code = this.detail?.trackingCode ?? this.items[this.selected]?.trackingCode ?? '';
      return this.frame(t.detailTitle(code), html`${head}${this.#renderDetail(ctx)}`);
    }
    if (this.view === 'briefing') {
      const s = { report: this.briefing, level: this.briefingLevel, loading: this.briefingLoading, error: this.briefingError };
      const on = {
        back: () => this.#backFromBriefing(),
        retry: () => void this.#loadBriefing(),
        level: (level: '1' | '2') => {
          this.briefingLevel = level;
          void this.#loadBriefing();
        },
      };
      return this.frame(t.briefingTitle, html`${head}${briefingView(ctx, s, on)}`);
    }
    const list = inboxList(
      ctx,
      {
        items: this.items,
        selected: this.selected,
        next: this.next,
        loading: this.listLoading,
        error: this.listError,
        filters: this.filters,
        categories: this.categories,
        agencies: this.#agencies,
        agencyRole: isAgencyRole(account.role),
        briefing: can(account, BRIEFING),
      },
      {
        filter: (key, value) => this.#setFilter(key, value),
        apply: () => void this.#loadList(false),
        loadMore: () => void this.#loadList(true),
        retry: () => void this.#loadList(false),
        open: (code) => this.#open(code),
        focusRow: (i) => (this.selected = i),
        briefing: () => this.#openBriefing(),
      },
    );
    return this.frame(t.title, html`${head}${list}${shortcutHelp(ctx)}`);
  }

  #renderDetail(ctx: InboxContext) {
    const retry = () => {
      const code = this.items[this.selected]?.trackingCode;
      if (code) void this.#loadDetail(code);
    };
    const s = { detail: this.detail, error: this.detailError, photoUrls: this.#photos.urls, done: this.done };
    return complaintDetail(ctx, s, { back: () => this.#back(), retry }, (d) =>
      actionsSection(
        ctx,
        d,
        {
          allowed: allowedActions(this.account, d),
          panel: this.panel,
          busy: this.busy,
          error: this.actionError,
          form: this.form,
          agencies: this.#agencies,
        },
        {
          verify: () => void this.#verify(),
          toggle: (p) => (this.panel === p ? this.#closePanel() : this.#openPanel(p)),
          cancel: () => this.#cancelPanel(),
          edit: (patch) => (this.form = { ...this.form, ...patch }),
          reject: this.#reject,
          merge: this.#merge,
          dispatch: this.#dispatch,
          answer: (resolve) => this.#answer(resolve),
          redact: (e) => void this.#sendRedacted(e),
        },
        () => this.#redact.render(ctx, d, this.#photos.urls, this.busy, () => this.#cancelPanel()),
      ),
    );
  }
}
