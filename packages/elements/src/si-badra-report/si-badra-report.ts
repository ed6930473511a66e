/*
 * <si-badra-report>: the element holds the state and the wiring (the draft on the device, moving
 * between the steps, the location, filing the complaint). The rest is in the modules of this
 * folder: `steps.ts` (the form's steps as templates), `capture.ts` (the camera, the camera app and
 * the uploads), `similar.ts` (the complaints nearby and "saya juga": a controller and its
 * templates), `done.ts` (the receipt and the confirmation code); `draft.ts` keeps the draft on the
 * device and says what each step still lacks.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CONTACT_PROOF_HEADER, MAX_ACCURACY_M, isMppError, type ComplaintCategory, type ComplaintsApi } from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { MppElement } from '../shared/mpp-element.js';
import { problemText } from '../shared/problems.js';
import { actions, button, statusLine } from '../shared/templates.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { complaintsApiFor } from '../shared/complaints-api.js';
import { ContactProofFlow, type HeldProof } from '../shared/contact-proof.js';
import { siBadraStyles } from '../shared/si-badra.styles.js';
import { SiBadraErrorEvent } from '../shared/si-badra-events.js';
import { SiBadraReportSubmittedEvent, SiBadraReportSupportedEvent } from './events.js';
import { REPORT_MESSAGES, type ReportMessages } from './messages.js';
import {
  STEPS,
  STEP_OF_PROBLEM,
  complaintRequest,
  draftStore,
  emptyDraft,
  stepProblem,
  typedContact,
  type ReportDraft,
  type Step,
} from './draft.js';
import { styles } from './si-badra-report.styles.js';
import { categoryStep, contactStep, locationStep, photoStep, privacyStep, reviewStep, textStep, type StepView } from './steps.js';
import { NearbySupport, similarList, supportSection, type SimilarView } from './similar.js';
import { ContactCode, doneView } from './done.js';
import { PhotoCapture } from './capture.js';
import type { ReportHost } from './context.js';

/** The steps a citizen walks through (the receipt comes after them). */
const FORM_STEPS: readonly Step[] = STEPS.filter((s) => s !== 'done');
/** The steps every report has, numbered "Langkah n dari 7" (`similar` shows only when there is one near). */
const NUMBERED: readonly Step[] = FORM_STEPS.filter((s) => s !== 'similar');

/**
 * @summary The citizen's Si Badra report: category → description → live photo (camera, or the
 * camera app) → location (the phone's, or an address typed) → contact → privacy → review → send →
 * the tracking code and the contact's confirmation code. With the phone's location, open public
 * complaints of the same category nearby are shown first: the citizen can support one ("saya juga
 * mengalami ini", once per verified contact: a code to the e-mail address or phone, the proof kept
 * for its hour in the tab only) instead of filing the same again; a report filed after that proof
 * is verified at once. The draft (every field, the step, the
 * uploaded photos and the idempotency key) is kept in IndexedDB: a reload or a failed send loses
 * nothing, and a retry files the complaint exactly once.
 *
 * @tag si-badra-report
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr category - Category id preselected (`jalan-rusak`).
 * @attr draft-key - Key of the draft on the device (several forms on one page). Default `si-badra-report`.
 * @attr track-url - Page that holds `<si-badra-track>`: a nearby complaint links to `track-url?kode=SB-…`.
 *
 * @fires si-badra-report-submitted - `{ trackingCode, categoryId }` once the complaint is filed; never the name, contact or location.
 * @fires si-badra-report-supported - `{ trackingCode, categoryId, counted }` after the citizen supported a nearby complaint.
 * @fires si-badra-error - `{ code, trackingCode, category }` when an error is shown.
 * @fires mpp-error - `{ code, source }` when an error is shown.
 *
 * @csspart step - The current step's form.
 * @csspart input - Text inputs and the description.
 * @csspart photos - The photos taken.
 * @csspart nearby - The list of similar complaints nearby.
 * @csspart video - The camera view.
 * @csspart code - The tracking code.
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons.
 * @csspart primary-button - Main buttons.
 *
 * @cssprop --si-badra-report-border-color - Border around the form. Default none (the host page's card frames it).
 */
export class SiBadraReport extends MppElement<ReportMessages> {
  static override styles = [tokens, components, siBadraStyles, styles];
  protected readonly messages = REPORT_MESSAGES;

  @property() api: string | null = null;
  @property() category: string | null = null;
  @property({ attribute: 'draft-key' }) draftKey = 'si-badra-report';
  @property({ attribute: 'track-url' }) trackUrl: string | null = null;

  @state() private draft: ReportDraft | null = null;
  @state() private categories: ComplaintCategory[] | null = null;
  @state() private categoriesError: string | null = null;
  /** The error of the current step (a form check or a server problem code). */
  @state() private error: string | null = null;
  @state() private busy = false;
  /** The report was dropped after a support ("thank you" on the new form). */
  @state() private thanked = false;

  #api: ComplaintsApi | null = null;
  #base: string | null = null;
  #store: ReturnType<typeof draftStore> | null = null;
  readonly #proof = new ContactProofFlow(this, {
    scope: 'report',
    api: () => this.#api ?? complaintsApiFor(resolveApiBase(this.api)),
    base: () => resolveApiBase(this.api),
    now: () => Date.now(),
    loadContact: () => (this.draft ? typedContact(this.draft) : null),
    saveContact: (c) => this.#patch({ contactKind: c.kind, email: c.email, phone: c.phone }),
    onError: (code) => this.#report(code),
  });
  /** What the controllers take of the element. */
  readonly #host: ReportHost = {
    api: () => this.#api!,
    draft: () => this.draft,
    patch: (p) => this.#patch(p),
    busy: () => this.busy,
    setBusy: (b) => (this.busy = b),
    clearError: () => (this.error = null),
    fail: (code, focus) => this.#fail(code, focus),
    focus: (sel) => this.focusAfterUpdate(sel),
  };
  readonly #nearby = new NearbySupport(this, {
    ...this.#host,
    proof: this.#proof,
    go: (step) => this.#go(step),
    supported: (detail) => this.dispatchEvent(new SiBadraReportSupportedEvent(detail)),
  });
  readonly #photos = new PhotoCapture(this, { ...this.#host, root: () => this.renderRoot });
  readonly #code = new ContactCode(this, { ...this.#host, t: () => this.t });

  /** The draft as it is now (null while it loads from the device). */
  get currentDraft(): ReportDraft | null {
    return this.draft;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#onOnline);
    this.#photos.release();
    this.#store = null;
    this.draft = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    const base = resolveApiBase(this.api);
    if (!this.#api || base !== this.#base) {
      this.#api = complaintsApiFor(base);
      this.#base = base;
      void this.#loadCategories();
    }
    if (!this.#store || changed.has('draftKey')) {
      const store = (this.#store = draftStore(this.draftKey));
      void store.load().then((d) => {
        if (this.#store !== store) return;
        this.draft = d ?? emptyDraft(this.category);
        this.#proof.contact = typedContact(this.draft);
        if (this.draft.step === 'similar') void this.#nearby.reload();
        this.#resume();
      });
    }
  }

  async #loadCategories(): Promise<void> {
    this.categoriesError = null;
    const base = this.#base!;
    const store = draftStore(this.draftKey);
    try {
      this.categories = (await this.#api!.categories()).items;
      void store.saveCategories(base, this.categories);
      this.#resume();
    } catch (e) {
      // Offline: the categories last seen on this device, so a kept draft can still be read and sent later.
      const kept = await store.categories(base);
      if (kept) this.categories = kept;
      else {
        this.categoriesError = isMppError(e) ? e.code : 'fallback';
        this.#report(this.categoriesError);
      }
    }
  }

  /** Changes the draft and keeps it on the device. */
  #patch(p: Partial<ReportDraft>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...p };
    void this.#store?.save(this.draft);
  }

  #go(step: Step): void {
    if (step !== 'photo') this.#photos.closeCamera();
    this.error = null;
    this.thanked = false;
    if (step === 'similar' && this.draft) this.#proof.contact = typedContact(this.draft);
    this.#patch({ step });
    this.focusAfterUpdate('#step-title');
  }

  /** Tells the page: `mpp-error` and `si-badra-error` (the code, the tracking code and category only). */
  #report(code: string): void {
    this.emitError(code);
    const r = this.draft?.receipt;
    this.dispatchEvent(
      new SiBadraErrorEvent({
        code,
        trackingCode: r?.trackingCode ?? null,
        category: r?.categoryId ?? this.draft?.categoryId ?? null,
      }),
    );
  }

  #fail(code: string, focus = '#step-error'): void {
    this.error = code;
    this.#report(code);
    this.focusAfterUpdate(focus);
  }

  protected override errorText(code: string | null | undefined): string {
    const t = this.t;
    if (code && Object.hasOwn(t.checks, code)) return t.checks[code as keyof typeof t.checks];
    if (code && Object.hasOwn(t.complaintProblems, code)) return t.complaintProblems[code as keyof typeof t.complaintProblems]!;
    return problemText(t.problems, code);
  }

  // ——— steps ———

  #next = (e: Event) => {
    e.preventDefault();
    const d = this.draft!;
    if (this.busy) return;
    const problem = stepProblem(d, d.step, this.categories);
    if (problem) return this.#fail(problem);
    if (d.step === 'location') return void this.#nearby.afterLocation();
    const i = FORM_STEPS.indexOf(d.step);
    this.#go(FORM_STEPS[i + 1]!);
  };

  #back = () => {
    const step = this.draft!.step;
    if (step === 'contact') return this.#go(this.#nearby.nearby?.length ? 'similar' : 'location');
    const i = FORM_STEPS.indexOf(step);
    if (i > 0) this.#go(FORM_STEPS[i - 1]!);
  };

  /** After a support, the citizen files nothing: the draft is dropped (its photos stay unused on the server). */
  #finishSupport = () => {
    this.#restart();
    this.thanked = true;
    this.focusAfterUpdate('#thanked');
  };

  // ——— location ———

  #locate = () => {
    if (!navigator.geolocation) return this.#fail('location_failed');
    this.busy = true;
    this.error = null;
    navigator.geolocation.getCurrentPosition(
      (p) => {
        this.busy = false;
        this.#patch({ location: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy } });
        if (p.coords.accuracy > MAX_ACCURACY_M) this.#fail('location_inaccurate');
        else this.focusAfterUpdate('#located');
      },
      (err) => {
        this.busy = false;
        this.#fail(err.code === err.PERMISSION_DENIED ? 'location_denied' : 'location_failed');
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  };

  // ——— submit and contact code ———

  /**
   * A report that could not be sent (offline, or the server failed) goes by itself once the draft
   * and the categories are there and the browser is online; with its key, so at most one complaint.
   */
  #resume(): void {
    const d = this.draft;
    if (d?.queued && d.step === 'review' && this.categories && navigator.onLine) void this.#send();
  }

  /** Back online: a queued report is sent. */
  #onOnline = () => this.#resume();

  #submit = (e: Event) => {
    e.preventDefault();
    void this.#send();
  };

  /** Uploads the photos kept on the device (no connection when they were taken), saving each id as it comes. */
  async #uploadKept(): Promise<void> {
    for (const kept of this.draft!.photos) {
      if (kept.id || !kept.token) continue;
      const { id } = await this.#api!.uploadPhoto(kept.token, kept.blob);
      this.#patch({ photos: this.draft!.photos.map((p) => (p === kept ? { id, blob: p.blob, compressedIn: p.compressedIn } : p)) });
    }
  }

  async #send(): Promise<void> {
    const d = this.draft;
    if (!d || this.busy || d.receipt) return;
    const missing = FORM_STEPS.find((s) => stepProblem(d, s, this.categories));
    if (missing) {
      this.#go(missing);
      return this.#fail(stepProblem(d, missing, this.categories)!);
    }
    this.busy = true;
    this.error = null;
    try {
      // Photos kept while offline first, each with its own token (a repeat after a lost answer
      // gets the same photo back), then the report.
      await this.#uploadKept();
      // The key kept with the draft: a retry after a lost answer gets the same complaint back.
      // A proof of this very contact (from "saya juga" or "aduan saya" in this tab) files it verified.
      const proof = this.#proof.proofFor(typedContact(d));
      const send = (p: HeldProof | null) =>
        this.#api!.create(complaintRequest(this.draft!), {
          idempotencyKey: d.idempotencyKey,
          headers: p ? { [CONTACT_PROOF_HEADER]: p.proof } : undefined,
        });
      const r = await send(proof).catch((err: unknown) => {
        // The proof ran out on the way: filed unverified, the code comes by mail as usual.
        if (!proof || !isMppError(err) || err.code !== 'contact_proof_invalid') throw err;
        this.#proof.forget();
        return send(null);
      });
      const categoryId = d.categoryId!;
      this.#patch({
        step: 'done',
        queued: false,
        receipt: { trackingCode: r.trackingCode, contactHint: r.contactHint, contactVerified: r.contactVerified, categoryId },
      });
      this.#code.verified = r.contactVerified;
      this.focusAfterUpdate('#step-title');
      this.dispatchEvent(new SiBadraReportSubmittedEvent({ trackingCode: r.trackingCode, categoryId }));
    } catch (err) {
      const code = isMppError(err) ? err.code : 'fallback';
      // No connection: kept, and sent by itself when the connection returns (or on the next visit).
      this.#patch({ queued: isMppError(err) && err.retryable });
      // A kept photo the server refused (its window passed): taken again by the citizen.
      if (code.startsWith('capture_token_')) this.#patch({ photos: this.draft!.photos.filter((p) => p.id) });
      const at = STEP_OF_PROBLEM[code];
      if (at) this.#go(at);
      this.#fail(code);
    } finally {
      this.busy = false;
    }
  }

  #restart = () => {
    this.#code.reset();
    this.#nearby.reset();
    this.draft = emptyDraft(this.category);
    void this.#store?.save(this.draft);
    this.error = null;
    this.focusAfterUpdate('#step-title');
  };

  // ——— view ———

  protected renderView() {
    const t = this.t;
    const d = this.draft;
    if (!d || (!this.categories && !this.categoriesError)) return this.frame(t.title, statusLine(t.loading));
    if (!this.categories)
      return this.frame(
        t.title,
        this.alert(this.categoriesError, () => void this.#loadCategories()),
      );
    // `similar` is numbered as the location it comes from.
    const n = NUMBERED.indexOf(d.step === 'similar' ? 'location' : d.step);
    return this.frame(
      t.title,
      html`${n >= 0 ? html`<p class="step-of" id="step-of">${t.stepOf(n + 1, NUMBERED.length)}</p>` : nothing}
        <h3 id="step-title" tabindex="-1" aria-describedby=${n >= 0 ? 'step-of' : nothing}>${t.steps[d.step]}</h3>
        ${this.#renderStep(d)}`,
    );
  }

  #stepError() {
    return this.error ? html`<div id="step-error" tabindex="-1">${this.alert(this.error)}</div>` : nothing;
  }

  #nav(d: ReportDraft, primary = button({ label: this.t.next, kind: 'primary', action: 'next' })) {
    const first = FORM_STEPS.indexOf(d.step) === 0;
    return actions(first ? nothing : button({ label: this.t.back, action: 'back', onClick: this.#back }), primary);
  }

  #form(d: ReportDraft, body: unknown, submit: (e: Event) => void = this.#next, nav: unknown = this.#nav(d)) {
    return html`<form part="step" data-step=${d.step} novalidate aria-labelledby="step-title" @submit=${submit}>
      ${body} ${this.#stepError()} ${nav}
    </form>`;
  }

  #renderStep(d: ReportDraft) {
    const t = this.t;
    const v: StepView = {
      t,
      locale: this.locale,
      error: this.error,
      busy: this.busy,
      categories: this.categories!,
      patch: (p) => this.#patch(p),
    };
    switch (d.step) {
      case 'category':
        return this.#form(d, categoryStep(v, d, this.thanked));
      case 'text':
        return this.#form(d, textStep(v, d));
      case 'photo':
        return this.#form(d, photoStep(v, d, this.#photos.camera, this.#photos));
      case 'location':
        return this.#form(d, locationStep(v, d, this.#locate));
      case 'similar': {
        const sv = this.#similarView();
        return html`${this.#form(
          d,
          similarList(sv, this.#nearby),
          this.#next,
          this.#nav(d, button({ label: t.similar.different, kind: 'primary', action: 'next' })),
        )}
        ${supportSection(sv, this.#nearby, this.#proof)}`;
      }
      case 'contact':
        return this.#form(d, contactStep(v, d));
      case 'privacy':
        return this.#form(d, privacyStep(v, d));
      case 'review':
        return this.#form(
          d,
          reviewStep(v, d, (step) => this.#go(step)),
          this.#submit,
          this.#nav(d, button({ label: this.busy ? t.sending : t.submit, kind: 'primary', action: 'submit', busy: this.busy })),
        );
      case 'done':
        return doneView(
          {
            t,
            error: this.error,
            busy: this.busy,
            errorText: (c) => this.errorText(c),
            stepError: this.#stepError(),
            restart: this.#restart,
          },
          d,
          this.#code,
        );
    }
  }

  #similarView(): SimilarView {
    return {
      t: this.t,
      locale: this.locale,
      busy: this.busy,
      photoUrl: (id) => this.#api!.photoUrl(id),
      trackUrl: this.trackUrl,
      errorText: (c) => this.errorText(c),
      alert: (c) => this.alert(c),
      focus: (sel) => {
        this.focusAfterUpdate(sel);
        this.requestUpdate();
      },
      finish: this.#finishSupport,
      fileAnyway: () => this.#go('contact'),
    };
  }
}
