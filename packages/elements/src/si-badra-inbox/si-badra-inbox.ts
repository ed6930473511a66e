import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  ProblemError,
  REPLY_TEXT,
  SI_BADRA_ESCALATION,
  StaffSession,
  answerClock,
  canDo,
  createComplaintsApi,
  createStaffComplaintsApi,
  hoursLeft,
  isAgencyRole,
  isMppError,
  isTrackingCode,
  normalizeTrackingCode,
  type AnswerClock,
  type BriefingItem,
  type BriefingReport,
  type ComplaintCategory,
  type ComplaintStatus,
  type ComplaintView,
  type ComplaintsApi,
  type RejectReason,
  type StaffAccountView,
  type StaffComplaintItem,
  type StaffComplaintQuery,
  type StaffComplaintView,
  type StaffComplaintsApi,
  type StaffRole,
  type StaffSessionState,
} from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { MppElement } from '../shared/mpp-element.js';
import { problemText } from '../shared/problems.js';
import { actions, button, facts, statusLine } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { complaintsApiFor } from '../shared/complaints-api.js';
import { httpFor } from '../shared/http.js';
import { siBadraStyles } from '../shared/si-badra.styles.js';
import { SiBadraInboxActionEvent, type InboxAction } from './events.js';
import { INBOX_MESSAGES, type InboxMessages } from './messages.js';
import { boxFromCorners, clampBox, MIN_BOX, nudge, pixelate, shrinkPhoto, type RedactBox } from './redact.js';
import { styles } from './si-badra-inbox.styles.js';

const HOUR = 3_600_000;

/** The desk's roles (verify, reject, merge, dispatch, redact) and the agencies' (answer, resolve): as the server checks them. */
const DESK: readonly StaffRole[] = ['verifier', 'city_admin', 'admin'];
const AGENCY: readonly StaffRole[] = ['agency_officer', 'agency_head', 'city_admin', 'admin'];
const BRIEFING: readonly StaffRole[] = ['mayor_office', 'city_admin', 'admin'];
const INBOX: readonly StaffRole[] = [...new Set([...DESK, ...AGENCY, ...BRIEFING])];

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
const REASONS: readonly RejectReason[] = ['hoax', 'duplicate', 'out_of_scope', 'incomplete'];
const LEVELS = ['0', '1', '2'] as const;

type View = 'list' | 'detail' | 'briefing';
type Panel = 'reject' | 'merge' | 'dispatch' | 'answer' | 'redact';
type Filters = { status: string; categoryId: string; agencyId: string; level: string; q: string };
const NO_FILTERS: Filters = { status: '', categoryId: '', agencyId: '', level: '', q: '' };

/** When the answer clock started: the last dispatch or reopening in the timeline. */
const clockStartOf = (v: ComplaintView): string | null =>
  [...v.timeline].reverse().find((e) => e.status === 'dispatched' || e.status === 'reopened')?.at ?? null;

/** Whether a key press happens while typing in a field (shortcuts never apply there). */
const typing = (t: EventTarget | undefined): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t instanceof HTMLInputElement);

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
  @state() private photoUrls: ReadonlyMap<string, string> = new Map();

  @state() private panel: Panel | null = null;
  @state() private busy = false;
  @state() private actionError: string | null = null;
  @state() private done: InboxAction | null = null;
  @state() private reason: RejectReason = 'hoax';
  @state() private note = '';
  @state() private mergeInto = '';
  @state() private mergeCode = '';
  @state() private dispatchTo = '';
  @state() private answerText = '';
  @state() private answerFile: File | null = null;
  @state() private redactId: string | null = null;
  @state() private boxes: readonly RedactBox[] = [];
  @state() private activeBox = -1;
  @state() private draft: RedactBox | null = null;

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
  #blobs = new Map<string, Blob>();
  #drag: { x: number; y: number; id: number } | null = null;
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
    this.#revokePhotos();
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
    this.#revokePhotos();
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

  get #role(): StaffRole | null {
    return this.account?.role ?? null;
  }
  #can(roles: readonly StaffRole[]): boolean {
    const r = this.#role;
    return !!r && roles.includes(r);
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

  // ---- formatting ----

  #date(at: string): string {
    return new Intl.DateTimeFormat(this.locale === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(new Date(at));
  }

  #categoryName(c: ComplaintCategory): string {
    return this.locale === 'en' ? c.nameEn : c.name;
  }

  get #agencies(): ReadonlyArray<{ id: string; name: string }> {
    const seen = new Map<string, string>();
    for (const c of this.categories) if (!seen.has(c.agencyId)) seen.set(c.agencyId, c.agencyName);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The answer clock in words: `sisa 5 jam` before the first deadline, `lewat 3 jam` past one
   * (hours past the last level passed: exact when the clock's start is known, else from the next
   * level's due time), answered, or not running.
   */
  #clockText(clock: AnswerClock, clockStart: string | null): { text: string; late: boolean } {
    const t = this.t;
    const now = new Date(this.now());
    const levels = SI_BADRA_ESCALATION.levels;
    // A list row has no timeline: a running clock's start is its next due time less that level's hours.
    const next = clock.dueAt ? levels[clock.level] : undefined;
    const start =
      clockStart ??
      (clock.running && clock.dueAt && next ? new Date(Date.parse(clock.dueAt) - next.afterHours * HOUR).toISOString() : null);
    const c = start ? answerClock({ clockStart: start, answeredAt: clock.answeredAt }, now) : clock;
    if (c.answeredAt) return { text: t.clockAnswered, late: false };
    if (!c.running) return { text: t.clockNotRunning, late: false };
    if (c.level === 0) return { text: c.dueAt ? t.clockLeft(hoursLeft(c.dueAt, now)) : t.clockNotRunning, late: false };
    const passed = levels[c.level - 1]?.afterHours ?? 0;
    const late = start ? Math.max(0, Math.floor((now.getTime() - Date.parse(start)) / HOUR) - passed) : null;
    return { text: t.clockLate(c.level, late), late: true };
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
      if (this.#can(INBOX)) {
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

  #query(cursor: string | null): StaffComplaintQuery {
    const f = this.filters;
    const q: StaffComplaintQuery = {};
    if (f.status) q.status = f.status as ComplaintStatus;
    if (f.categoryId) q.categoryId = f.categoryId;
    if (f.agencyId && !isAgencyRole(this.#role!)) q.agencyId = f.agencyId;
    if (f.level) q.level = f.level as StaffComplaintQuery['level'];
    if (f.q.trim()) q.q = f.q.trim();
    if (cursor) q.cursor = cursor;
    return q;
  }

  async #loadList(append: boolean): Promise<void> {
    this.#listAbort?.abort();
    const abort = (this.#listAbort = new AbortController());
    this.listLoading = true;
    this.listError = null;
    try {
      const page = await this.#staff!.list(this.#query(append ? this.next : null), { signal: abort.signal });
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
      this.#revokePhotos();
    }
    this.detailLoading = true;
    this.detailError = null;
    try {
      const d = await this.#staff!.get(code, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.detail = d;
      this.dispatchTo = d.agencyId;
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
  async #loadPhotos(d: StaffComplaintView, signal: AbortSignal): Promise<void> {
    this.#revokePhotos();
    const urls = new Map<string, string>();
    await Promise.all(
      d.staffPhotos.map(async (p) => {
        try {
          const blob = await this.#staff!.originalPhoto(p.id, { signal });
          if (signal.aborted) return;
          this.#blobs.set(p.id, blob);
          urls.set(p.id, URL.createObjectURL(blob));
        } catch {
          // A photo that does not load is shown as missing; the rest of the complaint stays usable.
        }
      }),
    );
    if (signal.aborted) {
      for (const u of urls.values()) URL.revokeObjectURL(u);
      return;
    }
    this.photoUrls = urls;
  }

  #revokePhotos(): void {
    for (const u of this.photoUrls.values()) URL.revokeObjectURL(u);
    this.photoUrls = new Map();
    this.#blobs.clear();
  }

  #back(): void {
    const code = this.detail?.trackingCode;
    this.#detailAbort?.abort();
    this.#closePanel();
    this.view = 'list';
    this.detail = null;
    this.detailError = null;
    this.#revokePhotos();
    this.focusAfterUpdate(code && this.items.some((i) => i.trackingCode === code) ? `[data-code="${code}"]` : '#title');
  }

  // ---- actions ----

  /** Which actions this account may take on the complaint now (role, then core's `canDo`). */
  #allowed(d: StaffComplaintView): Record<'verify' | Panel, boolean> {
    const desk = this.#can(DESK);
    const agency = this.#can(AGENCY) && (!isAgencyRole(this.#role!) || this.account?.agencyId === d.agencyId);
    return {
      verify: desk && canDo('verify', d.status),
      reject: desk && canDo('reject', d.status),
      merge: desk && canDo('merge', d.status),
      dispatch: desk && canDo('dispatch', d.status),
      redact: desk && d.staffPhotos.length > 0,
      answer: agency && (canDo('answer', d.status) || canDo('resolve', d.status)),
    };
  }

  #openPanel(panel: Panel): void {
    const d = this.detail;
    if (!d || !this.#allowed(d)[panel]) return;
    this.panel = panel;
    this.actionError = null;
    this.done = null;
    this.note = '';
    if (panel === 'redact') {
      const first = d.staffPhotos.find((p) => p.role === 'report') ?? d.staffPhotos[0];
      this.redactId = first?.id ?? null;
      this.boxes = [];
      this.activeBox = -1;
    }
    if (panel === 'merge') {
      this.mergeInto = d.nearby.find((n) => n.trackingCode !== d.trackingCode)?.trackingCode ?? '';
      this.mergeCode = '';
    }
    this.focusAfterUpdate('#panel-title');
  }

  #closePanel(): void {
    this.panel = null;
    this.actionError = null;
    this.boxes = [];
    this.activeBox = -1;
    this.draft = null;
    this.answerFile = null;
    this.answerText = '';
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
    return this.note.trim() || null;
  }

  #reject = (e: Event) => {
    e.preventDefault();
    void this.#run('reject', (c) => this.#staff!.reject(c, { reason: this.reason, note: this.#note() }));
  };

  #merge = (e: Event) => {
    e.preventDefault();
    const typed = normalizeTrackingCode(this.mergeCode);
    const into = typed || this.mergeInto;
    if (!isTrackingCode(into)) {
      this.#fail('actionError', 'merge_code');
      this.focusAfterUpdate('#merge-code');
      return;
    }
    void this.#run('merge', (c) => this.#staff!.merge(c, { into, note: this.#note() }));
  };

  #dispatch = (e: Event) => {
    e.preventDefault();
    const agencyId = this.dispatchTo || undefined;
    void this.#run('dispatch', (c) => this.#staff!.dispatch(c, { agencyId, note: this.#note() }));
  };

  #answer(resolve: boolean): void {
    const text = this.answerText.trim();
    if (text.length < REPLY_TEXT.min) {
      this.#fail('actionError', 'answer_too_short');
      this.focusAfterUpdate('#answer-text');
      return;
    }
    const file = this.answerFile;
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

  #redact = async (e: Event) => {
    e.preventDefault();
    const id = this.redactId;
    const blob = id ? this.#blobs.get(id) : null;
    if (!id || !blob || !this.boxes.length) return;
    const boxes = this.boxes;
    await this.#run('redact', async (c) => this.#staff!.redactPhoto(c, id, await pixelate(blob, boxes)));
  };

  // ---- redaction boxes ----

  #point(e: PointerEvent): { x: number; y: number } {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  }

  #onStageDown = (e: PointerEvent) => {
    if (e.button !== 0 || (e.target as HTMLElement).classList.contains('box')) return;
    e.preventDefault();
    const p = this.#point(e);
    this.#drag = { ...p, id: e.pointerId };
    try {
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser does not track (a synthetic one): the drag works without capture.
    }
    this.draft = { x: p.x, y: p.y, w: 0, h: 0 };
  };

  #onStageMove = (e: PointerEvent) => {
    const d = this.#drag;
    if (!d || d.id !== e.pointerId) return;
    const p = this.#point(e);
    this.draft = { x: Math.min(d.x, p.x), y: Math.min(d.y, p.y), w: Math.abs(p.x - d.x), h: Math.abs(p.y - d.y) };
  };

  #onStageUp = (e: PointerEvent) => {
    const d = this.#drag;
    if (!d || d.id !== e.pointerId) return;
    this.#drag = null;
    this.draft = null;
    const p = this.#point(e);
    if (Math.abs(p.x - d.x) < MIN_BOX && Math.abs(p.y - d.y) < MIN_BOX) return;
    this.boxes = [...this.boxes, boxFromCorners(d.x, d.y, p.x, p.y)];
    this.activeBox = this.boxes.length - 1;
  };

  #addBox(): void {
    this.boxes = [...this.boxes, clampBox({ x: 0.4, y: 0.4, w: 0.2, h: 0.2 })];
    this.activeBox = this.boxes.length - 1;
    this.focusAfterUpdate(`[data-box="${this.activeBox}"]`);
  }

  #removeBox(i: number): void {
    this.boxes = this.boxes.filter((_, j) => j !== i);
    this.activeBox = Math.min(i, this.boxes.length - 1);
    this.focusAfterUpdate(this.activeBox >= 0 ? `[data-box="${this.activeBox}"]` : '[data-action="add-box"]');
  }

  #onBoxKey(e: KeyboardEvent, i: number): void {
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.#removeBox(i);
      return;
    }
    const moved = nudge(this.boxes[i]!, e.key, e.shiftKey);
    if (!moved) return;
    e.preventDefault();
    this.activeBox = i;
    this.boxes = this.boxes.map((b, j) => (j === i ? moved : b));
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

  // ---- keyboard ----

  #onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !this.account) return;
    const target = e.composedPath()[0];
    if (typing(target)) return;
    const onBox = target instanceof HTMLElement && target.classList.contains('box');
    const key = e.key;
    if (key === 'Escape') {
      if (this.panel) {
        const panel = this.panel;
        this.#closePanel();
        this.focusAfterUpdate(`[data-action="${panel}"]`);
      } else if (this.view === 'detail') this.#back();
      else if (this.view === 'briefing') this.#backFromBriefing();
      else return;
      e.preventDefault();
      return;
    }
    if (onBox) return;
    if (this.view === 'list') {
      if (key === 'j' || key === 'k') this.#select(this.selected < 0 ? 0 : this.selected + (key === 'j' ? 1 : -1));
      else if (key === '/') this.renderRoot.querySelector<HTMLElement>('#q')?.focus();
      else if (key === 'Enter' && !(target instanceof HTMLButtonElement) && this.items[this.selected])
        this.#open(this.items[this.selected]!.trackingCode);
      else if ('vdra'.includes(key) && key.length === 1 && this.items[this.selected]) {
        this.#pending = ({ v: 'verify', d: 'dispatch', r: 'reject', a: 'answer' } as const)[key as 'v' | 'd' | 'r' | 'a'];
        this.#open(this.items[this.selected]!.trackingCode);
      } else return;
      e.preventDefault();
      return;
    }
    if (this.view === 'detail' && this.detail && !this.panel && !this.busy) {
      const allowed = this.#allowed(this.detail);
      if (key === 'v' && allowed.verify) void this.#verify();
      else if (key === 'd' && allowed.dispatch) this.#openPanel('dispatch');
      else if (key === 'r' && allowed.reject) this.#openPanel('reject');
      else if (key === 'a' && allowed.answer) this.#openPanel('answer');
      else return;
      e.preventDefault();
    }
  };

  #backFromBriefing(): void {
    this.view = 'list';
    this.focusAfterUpdate('[data-action="briefing"]');
  }

  // ---- render ----

  protected renderView() {
    const t = this.t;
    const s = this.session;
    const account = this.account;
    if (!account) return this.frame(t.signInTitle, this.#renderSignIn(s?.ended ? t.sessionEnded : null));
    const head = this.#renderAccount(account);
    if (!this.#can(INBOX))
      return this.frame(
        t.title,
        html`${head}
          <p class="notice">${t.noInboxRole}</p>`,
      );
    if (this.view === 'detail') {
      const code = this.detail?.trackingCode ?? this.items[this.selected]?.trackingCode ?? '';
      return this.frame(t.detailTitle(code), html`${head}${this.#renderDetail()}`);
    }
    if (this.view === 'briefing') return this.frame(t.briefingTitle, html`${head}${this.#renderBriefing()}`);
    return this.frame(t.title, html`${head}${this.#renderList()}${this.#renderHelp()}`);
  }

  #renderSignIn(note: string | null) {
    const t = this.t;
    const busy = this.session?.status === 'signing_in';
    return html`${note ? html`<p class="notice" role="status">${note}</p>` : nothing}
      <p>${t.signInIntro}</p>
      <form class="sign-in" novalidate @submit=${this.#onSignIn}>
        ${textField({
          id: 'email',
          label: t.email,
          type: 'email',
          value: this.email,
          onInput: (v) => (this.email = v),
          autocomplete: 'username',
          inputmode: 'email',
          maxlength: 254,
          required: true,
          invalid: !!this.signInError,
        })}
        <div class="field">
          <label for="password">${t.password}</label>
          <input
            id="password"
            part="input"
            type="password"
            autocomplete="current-password"
            maxlength="1024"
            required
            aria-required="true"
            aria-invalid=${this.signInError ? 'true' : 'false'}
            .value=${this.password}
            @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
          />
        </div>
        ${this.alert(this.signInError)}
        ${actions(button({ label: busy ? t.signingIn : t.signIn, kind: 'primary', action: 'sign-in', busy }))}
      </form>`;
  }

  #agencyName(id: string | null): string | null {
    if (!id) return null;
    return this.#agencies.find((a) => a.id === id)?.name ?? id;
  }

  #renderAccount(a: StaffAccountView) {
    const t = this.t;
    return html`<div class="account" part="account">
      <p data-field="account">${t.account(a.name, t.roles[a.role], this.#agencyName(a.agencyId))}</p>
      ${button({ label: t.signOut, action: 'sign-out', onClick: () => void this.#signOut() })}
    </div>`;
  }

  #select_(id: string, label: string, value: string, options: ReadonlyArray<readonly [string, string]>, onChange: (v: string) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} part="input" .value=${value} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
      </select>
    </div>`;
  }

  #renderFilters() {
    const t = this.t;
    const f = this.filters;
    const any = [['', t.any]] as const;
    const agencyRole = isAgencyRole(this.#role!);
    return html`<form
      class="filters"
      part="filters"
      role="search"
      aria-label=${t.filters}
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#loadList(false);
      }}
    >
      ${this.#select_('f-status', t.status, f.status, [...any, ...STATUSES.map((s) => [s, t.statuses[s]] as const)], (v) =>
        this.#setFilter('status', v),
      )}
      ${this.#select_(
        'f-category',
        t.category,
        f.categoryId,
        [...any, ...this.categories.map((c) => [c.id, this.#categoryName(c)] as const)],
        (v) => this.#setFilter('categoryId', v),
      )}
      ${
        agencyRole
          ? nothing
          : this.#select_('f-agency', t.agency, f.agencyId, [...any, ...this.#agencies.map((a) => [a.id, a.name] as const)], (v) =>
              this.#setFilter('agencyId', v),
            )
      }
      ${this.#select_('f-level', t.level, f.level, [...any, ...LEVELS.map((l) => [l, t.levels[l]] as const)], (v) =>
        this.#setFilter('level', v),
      )}
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
          @input=${(e: Event) => this.#setFilter('q', (e.target as HTMLInputElement).value)}
        />
      </div>
      ${actions(button({ label: t.apply, action: 'apply' }))}
    </form>`;
  }

  #renderList() {
    const t = this.t;
    const items = this.items;
    return html`${
        this.#can(BRIEFING) ? actions(button({ label: t.briefing, action: 'briefing', onClick: () => this.#openBriefing() })) : nothing
      }
      ${this.#renderFilters()} ${this.listError ? this.alert(this.listError, () => void this.#loadList(false)) : nothing}
      <div class="results" aria-busy=${this.listLoading ? 'true' : 'false'}>
        ${statusLine(this.listLoading && !items.length ? t.loading : items.length ? t.count(items.length, !!this.next) : t.empty, 'count')}
        ${
          items.length
            ? html`<ul class="rows" part="list" aria-label=${t.listLabel}>
                ${items.map((item, i) => this.#renderRow(item, i))}
              </ul>`
            : nothing
        }
        ${
          this.next
            ? actions(
                button({
                  label: this.listLoading ? t.loading : t.loadMore,
                  action: 'load-more',
                  busy: this.listLoading,
                  onClick: () => !this.listLoading && void this.#loadList(true),
                }),
              )
            : nothing
        }
      </div>`;
  }

  #renderRow(item: StaffComplaintItem, i: number) {
    const t = this.t;
    const hours = Math.max(0, Math.floor((this.now() - Date.parse(item.createdAt)) / HOUR));
    const clock = this.#clockText(item.clock, null);
    return html`<li>
      <button
        type="button"
        class="row ${i === this.selected ? 'selected' : ''}"
        part="row"
        data-index=${i}
        data-code=${item.trackingCode}
        data-status=${item.status}
        aria-current=${i === this.selected ? 'true' : nothing}
        @focus=${() => (this.selected = i)}
        @click=${() => this.#open(item.trackingCode)}
      >
        <span class="row-head">
          <span class="code">${item.trackingCode}</span>
          <span class="badge" part="badge" data-status=${item.status}>${t.statuses[item.status]}</span>
          ${
            item.contactVerified
              ? html`<span class="badge ok" part="badge" data-field="verified">✓ ${t.verifiedContact}</span>`
              : html`<span class="badge" part="badge">${t.unverifiedContact}</span>`
          }
        </span>
        <span class="row-text">${item.text}</span>
        <span class="row-meta">${this.#categoryName(item.category)} · ${item.agencyName} · ${t.filedAgo(t.age(hours))}</span>
        <span class="row-meta">
          <span class="clock ${clock.late ? 'late' : ''}" part="clock" data-level=${item.clock.level}>${clock.text}</span>
          · ${t.supporters(item.supporters)}${item.photoCount ? html` · ${t.photoCount(item.photoCount)}` : nothing}
        </span>
      </button>
    </li>`;
  }

  #renderHelp() {
    const t = this.t;
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

  #renderDetail() {
    const t = this.t;
    const d = this.detail;
    const back = actions(button({ label: `← ${t.back}`, action: 'back', onClick: () => this.#back() }));
    if (!d) {
      if (this.detailError)
        return html`${back}${this.alert(this.detailError, () => {
          const code = this.items[this.selected]?.trackingCode;
          if (code) void this.#loadDetail(code);
        })}`;
      return html`${back}${statusLine(t.loading)}`;
    }
    const start = clockStartOf(d);
    const clock = this.#clockText(d.clock, start);
    const loc = d.location;
    const map = loc ? `https://www.openstreetmap.org/?mlat=${loc.lat}&mlon=${loc.lng}#map=18/${loc.lat}/${loc.lng}` : null;
    return html`${back}
      <p class="complaint-status" data-status=${d.status}>
        <span class="badge" part="badge" data-status=${d.status}>${t.statuses[d.status]}</span>
        <span class="clock ${clock.late ? 'late' : ''}" part="clock" data-level=${d.clock.level}>${clock.text}</span>
      </p>
      ${d.status === 'rejected' && d.rejectReason ? html`<p>${t.rejectedAs(t.rejectReasons[d.rejectReason])}</p>` : nothing}
      ${d.mergedInto ? html`<p>${t.mergedInto(d.mergedInto)}</p>` : nothing}
      ${this.done ? html`<p class="notice" role="status" id="done" tabindex="-1">✓ ${t.done[this.done]}</p>` : nothing}
      ${facts(
        [
          [t.category, this.#categoryName(d.category), 'category'],
          [t.agency, d.agencyName, 'agency'],
          [t.filed, html`<time datetime=${d.createdAt}>${this.#date(d.createdAt)}</time>`, 'filed'],
          [
            t.contact,
            html`${d.contactHint} (${t.contactKinds[d.contactKind]}) ·
            ${
              d.contactVerified
                ? html`<span class="badge ok" part="badge" data-field="verified">✓ ${t.verifiedContact}</span>`
                : html`<span class="badge" part="badge">${t.unverifiedContact}</span>`
            }`,
            'contact',
          ],
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
      ${this.#renderPhotos(d)} ${this.#renderActions(d)}
      <h3 id="timeline-title">${t.timeline}</h3>
      <ol class="timeline" part="timeline" aria-labelledby="timeline-title">
        ${d.timeline.map(
          (e) =>
            html`<li data-status=${e.status}>
              <p class="entry-head">${t.statuses[e.status]}</p>
              <p class="entry-meta">${t.by[e.by]} · <time datetime=${e.at}>${this.#date(e.at)}</time></p>
              ${e.note ? html`<p class="note">${e.note}</p>` : nothing}
            </li>`,
        )}
      </ol>`;
  }

  #renderPhotos(d: StaffComplaintView) {
    const t = this.t;
    if (!d.staffPhotos.length) return nothing;
    const total = d.staffPhotos.length;
    return html`<h3>${t.photos}</h3>
      <ul class="photos staff-photos" part="photos">
        ${d.staffPhotos.map((p, i) => {
          const url = this.photoUrls.get(p.id);
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

  #renderActions(d: StaffComplaintView) {
    const t = this.t;
    const a = this.#allowed(d);
    const any = Object.values(a).some(Boolean);
    const open = (p: Panel) => () => (this.panel === p ? this.#closePanel() : this.#openPanel(p));
    return html`<h3 id="actions-title">${t.actions}</h3>
      ${
        any
          ? html`<div class="actions" role="group" aria-labelledby="actions-title">
              ${
                a.verify
                  ? button({
                      label: this.busy && !this.panel ? t.sending : t.verify,
                      kind: 'primary',
                      action: 'verify',
                      busy: this.busy,
                      onClick: () => void this.#verify(),
                    })
                  : nothing
              }
              ${a.dispatch ? this.#panelButton('dispatch', t.dispatch, open('dispatch')) : nothing}
              ${a.answer ? this.#panelButton('answer', t.answer, open('answer')) : nothing}
              ${a.reject ? this.#panelButton('reject', t.reject, open('reject'), 'danger-outline') : nothing}
              ${a.merge ? this.#panelButton('merge', t.merge, open('merge')) : nothing}
              ${a.redact ? this.#panelButton('redact', t.redact, open('redact')) : nothing}
            </div>`
          : html`<p class="status">${t.noActions}</p>`
      }
      ${this.panel ? this.#renderPanel(d, this.panel) : this.#actionAlert()}`;
  }

  #panelButton(panel: Panel, label: string, onClick: () => void, kind?: 'danger-outline') {
    return html`<button
      type="button"
      class="btn ${kind ? `btn-${kind}` : ''}"
      part=${kind ? 'danger-button' : 'button'}
      data-action=${panel}
      aria-expanded=${this.panel === panel ? 'true' : 'false'}
      aria-controls="panel"
      @click=${onClick}
    >
      ${label}
    </button>`;
  }

  #actionAlert() {
    return this.actionError ? html`<div id="action-error" tabindex="-1">${this.alert(this.actionError)}</div>` : nothing;
  }

  #noteField() {
    const t = this.t;
    return html`<div class="field">
      <label for="note">${t.note}</label>
      <p class="hint" id="note-hint">${t.noteHint}</p>
      <textarea
        id="note"
        part="input"
        rows="3"
        maxlength="1000"
        aria-describedby="note-hint"
        .value=${this.note}
        @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>`;
  }

  #submitRow(label: string, action: string, kind: 'primary' | 'danger' = 'primary', extra: unknown = nothing) {
    const t = this.t;
    return actions(
      button({ label: this.busy ? t.sending : label, kind, action, busy: this.busy }),
      extra,
      button({ label: t.cancel, action: 'cancel', onClick: () => this.#cancelPanel() }),
    );
  }

  #cancelPanel(): void {
    const p = this.panel;
    this.#closePanel();
    if (p) this.focusAfterUpdate(`[data-action="${p}"]`);
  }

  #renderPanel(d: StaffComplaintView, panel: Panel) {
    const t = this.t;
    const titles: Record<Panel, string> = {
      reject: t.reject,
      merge: t.mergeTitle,
      dispatch: t.dispatchTitle,
      answer: t.answerTitle,
      redact: t.redactTitle,
    };
    let body: TemplateResult;
    let submit: ((e: Event) => void) | null;
    switch (panel) {
      case 'reject':
        submit = this.#reject;
        body = html`<fieldset class="choices">
            <legend>${t.reason}</legend>
            ${REASONS.map(
              (r) =>
                html`<label
                  ><input type="radio" name="reason" value=${r} .checked=${this.reason === r} @change=${() => (this.reason = r)} />
                  ${t.rejectReasons[r]}</label
                >`,
            )}
          </fieldset>
          ${this.#noteField()} ${this.#submitRow(t.rejectSubmit, 'reject-submit', 'danger')}`;
        break;
      case 'merge': {
        submit = this.#merge;
        const candidates = d.nearby.filter((n) => n.trackingCode !== d.trackingCode);
        body = html`<p>${t.mergeIntro}</p>
          ${
            candidates.length
              ? html`<fieldset class="choices">
                  <legend>${t.mergeTitle}</legend>
                  ${candidates.map(
                    (n) =>
                      html`<label
                        ><input
                          type="radio"
                          name="into"
                          value=${n.trackingCode}
                          .checked=${this.mergeInto === n.trackingCode && !this.mergeCode}
                          @change=${() => {
                            this.mergeInto = n.trackingCode;
                            this.mergeCode = '';
                          }}
                        />
                        <span>${t.mergeCandidate(n.trackingCode, n.distanceM, n.supporters)}</span>
                        <span class="candidate-text">${n.text}</span></label
                      >`,
                  )}
                </fieldset>`
              : html`<p class="status">${t.mergeNone}</p>`
          }
          ${textField({
            id: 'merge-code',
            label: t.mergeCode,
            value: this.mergeCode,
            onInput: (v) => (this.mergeCode = v),
            autocomplete: 'off',
            autocapitalize: 'characters',
            maxlength: 20,
            hint: t.mergeCodeHint,
            invalid: this.actionError === 'merge_code',
          })}
          ${this.#noteField()} ${this.#submitRow(t.mergeSubmit, 'merge-submit')}`;
        break;
      }
      case 'dispatch': {
        submit = this.#dispatch;
        const others = this.#agencies.filter((a) => a.id !== d.agencyId);
        body = html`${this.#select_(
          'dispatch-agency',
          t.dispatchAgency,
          this.dispatchTo,
          [[d.agencyId, t.dispatchDefault(d.agencyName)], ...others.map((a) => [a.id, a.name] as const)],
          (v) => (this.dispatchTo = v),
        )}
        ${this.#noteField()}
        ${
          d.contactVerified
            ? this.#submitRow(t.dispatchSubmit, 'dispatch-submit')
            : html`<p class="notice" data-field="needs-contact">${t.dispatchNeedsContact}</p>
                ${actions(button({ label: t.cancel, action: 'cancel', onClick: () => this.#cancelPanel() }))}`
        }`;
        break;
      }
      case 'answer': {
        submit = (e) => {
          e.preventDefault();
          this.#answer(false);
        };
        const tooShort = this.actionError === 'answer_too_short';
        body = html`<div class="field ${tooShort ? 'invalid' : ''}">
            <label for="answer-text">${t.answerText}</label>
            <p class="hint" id="answer-hint">${t.answerHint}</p>
            <textarea
              id="answer-text"
              part="input"
              rows="5"
              maxlength=${REPLY_TEXT.max}
              aria-invalid=${tooShort ? 'true' : 'false'}
              aria-describedby="answer-hint"
              .value=${this.answerText}
              @input=${(e: Event) => (this.answerText = (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </div>
          <div class="field">
            <label for="answer-photo">${t.answerPhoto}</label>
            <p class="hint" id="answer-photo-hint">${t.answerPhotoHint}</p>
            <input
              id="answer-photo"
              part="input"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby="answer-photo-hint"
              @change=${(e: Event) => (this.answerFile = (e.target as HTMLInputElement).files?.[0] ?? null)}
            />
          </div>
          ${this.#submitRow(
            t.answerSubmit,
            'answer-submit',
            'primary',
            canDo('resolve', d.status)
              ? button({
                  label: t.resolveSubmit,
                  action: 'resolve-submit',
                  busy: this.busy,
                  onClick: () => this.#answer(true),
                })
              : nothing,
          )}`;
        break;
      }
      case 'redact':
        submit = (e) => void this.#redact(e);
        body = this.#renderRedact(d);
        break;
    }
    return html`<form id="panel" class="panel" part="panel" novalidate aria-labelledby="panel-title" @submit=${submit}>
      <h4 id="panel-title" tabindex="-1">${titles[panel]}</h4>
      ${this.#actionAlert()} ${body}
    </form>`;
  }

  #renderRedact(d: StaffComplaintView) {
    const t = this.t;
    const id = this.redactId;
    const url = id ? this.photoUrls.get(id) : null;
    const pct = (v: number) => Math.round(v * 100);
    const style = (b: RedactBox) =>
      styleMap({ left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%` });
    return html`<p class="hint">${t.redactIntro}</p>
      ${
        d.staffPhotos.length > 1
          ? html`<fieldset class="choices">
              <legend>${t.photos}</legend>
              ${d.staffPhotos.map(
                (p, i) =>
                  html`<label
                    ><input
                      type="radio"
                      name="redact-photo"
                      .checked=${p.id === id}
                      @change=${() => {
                        this.redactId = p.id;
                        this.boxes = [];
                        this.activeBox = -1;
                      }}
                    />
                    ${t.redactPhoto(i + 1)} (${t.photoRole[p.role]})</label
                  >`,
              )}
            </fieldset>`
          : nothing
      }
      ${
        url
          ? html`<div
              class="stage"
              part="stage"
              @pointerdown=${this.#onStageDown}
              @pointermove=${this.#onStageMove}
              @pointerup=${this.#onStageUp}
              @pointercancel=${() => ((this.#drag = null), (this.draft = null))}
            >
              <img src=${url} alt=${t.redactStage} draggable="false" />
              ${this.boxes.map(
                (b, i) =>
                  html`<button
                    type="button"
                    class="box ${i === this.activeBox ? 'active' : ''}"
                    data-box=${i}
                    style=${style(b)}
                    aria-label=${t.redactBox(i + 1, pct(b.x), pct(b.y), pct(b.w), pct(b.h))}
                    aria-pressed=${i === this.activeBox ? 'true' : 'false'}
                    @click=${() => (this.activeBox = i)}
                    @keydown=${(e: KeyboardEvent) => this.#onBoxKey(e, i)}
                  ></button>`,
              )}
              ${this.draft ? html`<span class="box draft" style=${style(this.draft)}></span>` : nothing}
            </div>`
          : statusLine(t.photoLoading)
      }
      <p class="status" role="status" id="box-count">
        ${this.boxes.length ? this.boxes.map((b, i) => t.redactBox(i + 1, pct(b.x), pct(b.y), pct(b.w), pct(b.h))).join('; ') : t.redactNone}
      </p>
      ${actions(
        button({ label: t.redactAdd, action: 'add-box', onClick: () => this.#addBox(), disabled: !url }),
        this.activeBox >= 0
          ? button({ label: t.redactRemove, action: 'remove-box', onClick: () => this.#removeBox(this.activeBox) })
          : nothing,
      )}
      ${actions(
        button({
          label: this.busy ? t.sending : t.redactSubmit,
          kind: 'primary',
          action: 'redact-submit',
          busy: this.busy,
          disabled: !this.boxes.length,
        }),
        button({ label: t.cancel, action: 'cancel', onClick: () => this.#cancelPanel() }),
      )}`;
  }

  #renderBriefing() {
    const t = this.t;
    const r = this.briefing;
    const groups = new Map<string, { name: string; items: BriefingItem[] }>();
    for (const item of r?.items ?? []) {
      const g = groups.get(item.agencyId) ?? { name: item.agencyName, items: [] };
      g.items.push(item);
      groups.set(item.agencyId, g);
    }
    for (const g of groups.values()) g.items.sort((a, b) => Date.parse(a.clockStart) - Date.parse(b.clockStart));
    return html`<div class="actions no-print">
        ${button({ label: `← ${t.back}`, action: 'back', onClick: () => this.#backFromBriefing() })}
        ${button({ label: t.print, action: 'print', onClick: () => print() })}
      </div>
      <div class="no-print">
        ${this.#select_(
          'briefing-level',
          t.briefingLevel,
          this.briefingLevel,
          (['1', '2'] as const).map((l) => [l, t.briefingLevels[l]] as const),
          (v) => {
            this.briefingLevel = v === '2' ? '2' : '1';
            void this.#loadBriefing();
          },
        )}
      </div>
      ${this.briefingError ? this.alert(this.briefingError, () => void this.#loadBriefing()) : nothing}
      ${this.briefingLoading && !r ? statusLine(t.loading) : nothing}
      ${
        r
          ? html`<p class="status" role="status">${t.briefingIntro(this.#date(r.generatedAt))} ${t.briefingCount(r.items.length)}</p>
              ${
                r.items.length
                  ? html`<div class="briefing" part="briefing">
                      ${[...groups.values()]
                        .sort((a, b) => a.name.localeCompare(b.name))
                        .map(
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
                                      <td>${this.#categoryName(i.category)}</td>
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
}
