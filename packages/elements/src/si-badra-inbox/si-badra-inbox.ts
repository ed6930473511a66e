/*
 * <si-badra-inbox>: the element holds the state and the wiring (the session, loading from the
 * server, the keyboard). What it shows and does is in the modules of this folder: `sign-in.ts`,
 * `list.ts`, `detail.ts`, `actions.ts` (the action forms: a controller and their template),
 * `redact-editor.ts`, `briefing.ts`, `photos.ts` (the original photos), `shortcuts.ts` (which key
 * does what); `context.ts` holds the formats and the roles they share.
 */
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ProblemError,
  StaffSession,
  createStaffComplaintsApi,
  isAgencyRole,
  isMppError,
  type BriefingReport,
  type ComplaintCategory,
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
import { siBadraStyles } from '../shared/si-badra.styles.js';
import { SiBadraInboxActionEvent } from './events.js';
import { INBOX_MESSAGES, type InboxMessages } from './messages.js';
import { styles } from './si-badra-inbox.styles.js';
import { agenciesOf, allowedActions, BRIEFING, can, INBOX, inboxFormat, type InboxContext, type Panel } from './context.js';
import { accountLine, signInForm } from './sign-in.js';
import { filterQuery, inboxList, NO_FILTERS, shortcutHelp, type Filters } from './list.js';
import { complaintDetail } from './detail.js';
import { ActionForms } from './actions.js';
import { briefingView } from './briefing.js';
import { OriginalPhotos } from './photos.js';
import { shortcutFor } from './shortcuts.js';

type View = 'list' | 'detail' | 'briefing';

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

  @state() private briefing: BriefingReport | null = null;
  @state() private briefingLevel: '1' | '2' = '1';
  @state() private briefingLoading = false;
  @state() private briefingError: string | null = null;

  #base: string | null = null;
  #session: StaffSession | null = null;
  #staff: StaffComplaintsApi | null = null;
  #public: ComplaintsApi | null = null;
  #unsubscribe: (() => void) | null = null;
  #listAbort: AbortController | null = null;
  #detailAbort: AbortController | null = null;
  #photos = new OriginalPhotos(this);
  #actions = new ActionForms(this, {
    complaint: () => this.detail,
    account: () => this.account,
    staff: () => this.#staff!,
    uploads: () => this.#public!,
    photos: this.#photos,
    focus: (selector) => this.focusAfterUpdate(selector),
    code: (e) => this.#code(e),
    failed: (code) => this.emitError(code),
    sent: async (action, trackingCode, v) => {
      if (v)
        this.items = this.items.map((i) =>
          i.trackingCode === v.trackingCode
            ? { ...i, status: v.status, clock: v.clock, supporters: v.supporters, contactVerified: v.contactVerified }
            : i,
        );
      this.dispatchEvent(new SiBadraInboxActionEvent({ trackingCode, action }));
      await this.#loadDetail(trackingCode);
    },
  });
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
    this.#actions.close();
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

  #fail<K extends 'signInError' | 'listError' | 'detailError' | 'briefingError'>(where: K, code: string): void {
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
    this.#actions.done = null;
    this.#actions.close();
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
      this.#actions.loaded(d);
      void this.#loadPhotos(d, abort.signal);
      const pending = this.#pending;
      this.#pending = null;
      if (pending === 'verify') void this.#actions.verify();
      else if (pending) this.#actions.open(pending);
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
    this.#actions.close();
    this.view = 'list';
    this.detail = null;
    this.detailError = null;
    this.#photos.revoke();
    this.focusAfterUpdate(code && this.items.some((i) => i.trackingCode === code) ? `[data-code="${code}"]` : '#title');
  }

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
    const d = this.view === 'detail' && !this.#actions.panel && !this.#actions.busy ? this.detail : null;
    const selected = this.items[this.selected];
    const command = shortcutFor(e, { view: this.view, selected: !!selected, allowed: d && allowedActions(this.account, d) });
    if (!command) return;
    switch (command.do) {
      case 'escape':
        if (this.#actions.panel) this.#actions.cancel();
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
        void this.#actions.verify();
        break;
      case 'panel':
        this.#actions.open(command.panel);
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
    const s = { detail: this.detail, error: this.detailError, photoUrls: this.#photos.urls, done: this.#actions.done };
    return complaintDetail(ctx, s, { back: () => this.#back(), retry }, (d) => this.#actions.render(ctx, d, this.#agencies));
  }
}
