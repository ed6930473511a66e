import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  ADDRESS_TEXT,
  COMPLAINT_TEXT,
  CONTACT_PROOF_HEADER,
  MAX_ACCURACY_M,
  MAX_PHOTOS,
  isEmail,
  normalizePhone,
  isMppError,
  type ComplaintCategory,
  type ComplaintRequest,
  type ComplaintsApi,
  type NearbyComplaint,
  type Privacy,
} from '@mpp-kit/core';
import { TICKET_CODE_PARAM, pageLink, resolveApiBase } from '../shared/config.js';
import { MppElement } from '../shared/mpp-element.js';
import { problemText } from '../shared/problems.js';
import { actions, button, facts, statusLine } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { complaintsApiFor } from '../shared/complaints-api.js';
import { ContactProofFlow, contactProofForm, type HeldProof, type TypedContact } from '../shared/contact-proof.js';
import { siBadraStyles } from '../shared/si-badra.styles.js';
import { SiBadraErrorEvent } from '../shared/si-badra-events.js';
import { SiBadraReportSubmittedEvent, SiBadraReportSupportedEvent } from './events.js';
import { REPORT_MESSAGES, type ReportMessages } from './messages.js';
import { STEPS, draftStore, emptyDraft, type ReportDraft, type Step } from './draft.js';
import { compressPhoto, type CompressedPhoto } from '../shared/photo.js';
import { styles } from './si-badra-report.styles.js';

/** The steps a citizen walks through (the receipt comes after them). */
const FORM_STEPS: readonly Step[] = STEPS.filter((s) => s !== 'done');
/** The steps every report has, numbered "Langkah n dari 7" (`similar` shows only when there is one near). */
const NUMBERED: readonly Step[] = FORM_STEPS.filter((s) => s !== 'similar');
/** How long the nearby list may take before the form goes on without it. */
const NEARBY_TIMEOUT_MS = 6_000;
const PRIVACY: readonly Privacy[] = ['public', 'anonim', 'rahasia'];
/** Server problem codes and the step where the citizen fixes them. */
const STEP_OF_PROBLEM: Partial<Record<string, Step>> = {
  category_not_found: 'category',
  photo_required: 'photo',
  photo_not_found: 'photo',
  location_required: 'location',
  location_outside_area: 'location',
  location_inaccurate: 'location',
  contact_required: 'contact',
};

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
  @state() private camera: MediaStream | null = null;
  @state() private otp = '';
  @state() private otpNote: string | null = null;
  @state() private verified = false;
  /** Open public complaints of the category near the location (null: not asked). */
  @state() private nearby: NearbyComplaint[] | null = null;
  /** The nearby complaint the citizen chose to support. */
  @state() private supportFor: string | null = null;
  @state() private supported: { trackingCode: string; supporters: number; counted: boolean } | null = null;
  /** The report was dropped after a support ("thank you" on the new form). */
  @state() private thanked = false;

  @query('video') private video?: HTMLVideoElement;

  #api: ComplaintsApi | null = null;
  #base: string | null = null;
  #store: ReturnType<typeof draftStore> | null = null;
  #urls = new Map<Blob, string>();
  #token: ReturnType<ComplaintsApi['captureToken']> | null = null;
  readonly #proof = new ContactProofFlow(this, {
    scope: 'report',
    api: () => this.#api ?? complaintsApiFor(resolveApiBase(this.api)),
    base: () => resolveApiBase(this.api),
    now: () => Date.now(),
    loadContact: () => (this.draft ? this.#typed(this.draft) : null),
    saveContact: (c) => this.#patch({ contactKind: c.kind, email: c.email, phone: c.phone }),
    onError: (code) => this.#report(code),
  });

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
    this.#stopCamera();
    for (const u of this.#urls.values()) URL.revokeObjectURL(u);
    this.#urls.clear();
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
        this.#proof.contact = this.#typed(this.draft);
        if (this.draft.step === 'similar') void this.#reloadNearby();
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
    if (step !== 'photo') this.#stopCamera();
    this.error = null;
    this.thanked = false;
    if (step === 'similar' && this.draft) this.#proof.contact = this.#typed(this.draft);
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

  // ——— checks per step ———

  #check(step: Step): string | null {
    const d = this.draft!;
    switch (step) {
      case 'category':
        return d.categoryId && this.categories?.some((c) => c.id === d.categoryId) ? null : 'category_missing';
      case 'text':
        return d.text.trim().length >= COMPLAINT_TEXT.min ? null : 'text_too_short';
      case 'photo':
        return d.photos.length ? null : 'photo_missing';
      case 'location':
        if (d.locationMode === 'address') return d.address.trim().length >= ADDRESS_TEXT.min ? null : 'address_missing';
        if (!d.location) return 'location_missing';
        return d.location.accuracy > MAX_ACCURACY_M ? 'location_inaccurate' : null;
      case 'contact':
        if (d.contactKind === 'email') return isEmail(d.email.trim()) ? null : 'email_invalid';
        return normalizePhone(d.phone).ok ? null : 'phone_invalid';
      default:
        return null;
    }
  }

  #next = (e: Event) => {
    e.preventDefault();
    const d = this.draft!;
    if (this.busy) return;
    const problem = this.#check(d.step);
    if (problem) return this.#fail(problem);
    if (d.step === 'location') return void this.#afterLocation();
    const i = FORM_STEPS.indexOf(d.step);
    this.#go(FORM_STEPS[i + 1]!);
  };

  #back = () => {
    const step = this.draft!.step;
    if (step === 'contact') return this.#go(this.nearby?.length ? 'similar' : 'location');
    const i = FORM_STEPS.indexOf(step);
    if (i > 0) this.#go(FORM_STEPS[i - 1]!);
  };

  // ——— similar complaints nearby ("saya juga") ———

  /** With the phone's location, the open public complaints of the category nearby; never in the way of filing. */
  async #findNearby(d: ReportDraft): Promise<NearbyComplaint[]> {
    if (d.locationMode !== 'gps' || !d.location || !d.categoryId) return [];
    try {
      const { lat, lng } = d.location;
      const r = await this.#api!.nearby({ categoryId: d.categoryId, lat, lng }, { signal: AbortSignal.timeout(NEARBY_TIMEOUT_MS) });
      return r.items;
    } catch {
      return [];
    }
  }

  async #afterLocation(): Promise<void> {
    const d = this.draft!;
    this.busy = true;
    try {
      this.nearby = await this.#findNearby(d);
    } finally {
      this.busy = false;
    }
    this.supportFor = null;
    this.supported = null;
    this.#go(this.nearby.length ? 'similar' : 'contact');
  }

  /** Back on the `similar` step after a reload: the list again (or on to the contact when none is left). */
  async #reloadNearby(): Promise<void> {
    const d = this.draft!;
    this.nearby = [];
    this.nearby = await this.#findNearby(d);
    if (!this.nearby.length && this.draft?.step === 'similar') this.#go('contact');
  }

  #typed(d: ReportDraft): TypedContact {
    return { kind: d.contactKind, email: d.email, phone: d.phone };
  }

  /** "Saya juga mengalami ini" on a nearby complaint: with a proof of the typed contact at once, else the code first. */
  #chooseSupport(code: string): void {
    this.supportFor = code;
    this.supported = null;
    this.#proof.error = null;
    this.#proof.contact = this.#typed(this.draft!);
    const proof = this.#proof.proofFor(this.#proof.contact);
    if (proof) void this.#support(proof);
    else this.focusAfterUpdate('#support-title');
  }

  async #support(proof: HeldProof): Promise<void> {
    const code = this.supportFor;
    if (!code || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const r = await this.#api!.support(code, proof.proof);
      this.supported = { trackingCode: code, supporters: r.supporters, counted: r.counted };
      this.nearby = this.nearby?.map((n) => (n.trackingCode === code ? { ...n, supporters: r.supporters } : n)) ?? null;
      this.focusAfterUpdate('#supported');
      this.dispatchEvent(new SiBadraReportSupportedEvent({ trackingCode: code, categoryId: this.draft!.categoryId!, counted: r.counted }));
    } catch (err) {
      const c = isMppError(err) ? err.code : 'fallback';
      this.#proof.refused(c);
      this.focusAfterUpdate('#support-title');
    } finally {
      this.busy = false;
    }
  }

  /** After a support, the citizen files nothing: the draft is dropped (its photos stay unused on the server). */
  #finishSupport = () => {
    this.#restart();
    this.thanked = true;
    this.focusAfterUpdate('#thanked');
  };

  // ——— photo ———

  async #openCamera(): Promise<void> {
    this.error = null;
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera');
      this.camera = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      await this.updateComplete;
      if (this.video) {
        this.video.srcObject = this.camera;
        await this.video.play().catch(() => undefined);
      }
      this.renderRoot.querySelector<HTMLElement>('[data-action="capture"]')?.focus();
    } catch {
      this.#fail('camera_unavailable', '#photo-file');
    }
  }

  #stopCamera(): void {
    for (const track of this.camera?.getTracks() ?? []) track.stop();
    this.camera = null;
  }

  /** The camera's frame now: the token is asked first, so the server stamps the moment of the shot. */
  async #captureFrame(): Promise<void> {
    const v = this.video;
    if (!v || !v.videoWidth || this.busy) return;
    const token = this.#api!.captureToken();
    const frame = await createImageBitmap(v);
    this.#stopCamera();
    await this.#upload(token, frame);
  }

  /** The camera app opens: a token is asked now, used when the photo comes back. */
  #onFileClick = () => {
    this.#token = this.#api!.captureToken();
    this.#token.catch(() => undefined);
  };

  #onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const token = this.#token ?? this.#api!.captureToken();
    this.#token = null;
    await this.#upload(token, file);
  };

  async #upload(tokenP: Promise<{ token: string }>, source: Blob | ImageBitmap): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      let photo: CompressedPhoto;
      try {
        photo = await compressPhoto(source);
      } catch {
        return this.#fail('photo_failed');
      }
      const { token } = await tokenP;
      const receipt = await this.#api!.uploadPhoto(token, photo.blob);
      this.#patch({ photos: [...this.draft!.photos, { id: receipt.id, blob: photo.blob, compressedIn: photo.where }] });
      this.focusAfterUpdate(`#remove-photo-${this.draft!.photos.length}`);
    } catch (err) {
      this.#fail(isMppError(err) ? err.code : 'fallback');
    } finally {
      if (source instanceof ImageBitmap) source.close();
      this.busy = false;
    }
  }

  #removePhoto(i: number): void {
    const photos = this.draft!.photos.filter((_, j) => j !== i);
    this.#patch({ photos });
    this.focusAfterUpdate(photos.length ? `#remove-photo-${Math.min(i + 1, photos.length)}` : '#step-title');
  }

  #url(b: Blob): string {
    let u = this.#urls.get(b);
    if (!u) this.#urls.set(b, (u = URL.createObjectURL(b)));
    return u;
  }

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

  #request(): ComplaintRequest {
    const d = this.draft!;
    const gps = d.locationMode === 'gps';
    return {
      categoryId: d.categoryId!,
      text: d.text.trim(),
      location: gps ? d.location : null,
      address: gps ? null : d.address.trim(),
      photoIds: d.photos.map((p) => p.id),
      privacy: d.privacy,
      name: d.name.trim() || null,
      email: d.contactKind === 'email' ? d.email.trim() : null,
      phone: d.contactKind === 'phone' ? d.phone.trim() : null,
    };
  }

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

  async #send(): Promise<void> {
    const d = this.draft;
    if (!d || this.busy || d.receipt) return;
    const missing = FORM_STEPS.find((s) => this.#check(s));
    if (missing) {
      this.#go(missing);
      return this.#fail(this.#check(missing)!);
    }
    this.busy = true;
    this.error = null;
    try {
      // The key kept with the draft: a retry after a lost answer gets the same complaint back.
      // A proof of this very contact (from "saya juga" or "aduan saya" in this tab) files it verified.
      const proof = this.#proof.proofFor(this.#typed(d));
      const send = (p: HeldProof | null) =>
        this.#api!.create(this.#request(), {
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
      this.verified = r.contactVerified;
      this.focusAfterUpdate('#step-title');
      this.dispatchEvent(new SiBadraReportSubmittedEvent({ trackingCode: r.trackingCode, categoryId }));
    } catch (err) {
      const code = isMppError(err) ? err.code : 'fallback';
      // No connection: kept, and sent by itself when the connection returns (or on the next visit).
      this.#patch({ queued: isMppError(err) && err.retryable });
      const at = STEP_OF_PROBLEM[code];
      if (at) this.#go(at);
      this.#fail(code);
    } finally {
      this.busy = false;
    }
  }

  #verify = async (e: Event) => {
    e.preventDefault();
    const r = this.draft?.receipt;
    if (!r || this.busy) return;
    const otp = this.otp.replace(/\s/g, '');
    this.otpNote = null;
    if (!/^\d{6}$/.test(otp)) return this.#fail('otp_format', '#otp-input');
    this.busy = true;
    this.error = null;
    try {
      const view = await this.#api!.verifyContact(r.trackingCode, otp);
      this.verified = view.contactVerified;
      this.#patch({ receipt: { ...r, contactVerified: view.contactVerified } });
      this.focusAfterUpdate('#verified');
    } catch (err) {
      const code = isMppError(err) ? err.code : 'fallback';
      if (code === 'contact_already_verified') {
        this.verified = true;
        this.#patch({ receipt: { ...r, contactVerified: true } });
        this.focusAfterUpdate('#verified');
      } else this.#fail(code, '#otp-input');
    } finally {
      this.busy = false;
    }
  };

  #resend = async () => {
    const r = this.draft?.receipt;
    if (!r || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const { contactHint } = await this.#api!.resendCode(r.trackingCode);
      this.otpNote = this.t.resent(contactHint);
      this.focusAfterUpdate('#otp-note');
    } catch (err) {
      this.#fail(isMppError(err) ? err.code : 'fallback');
    } finally {
      this.busy = false;
    }
  };

  #restart = () => {
    this.verified = false;
    this.nearby = null;
    this.supportFor = null;
    this.supported = null;
    this.otp = '';
    this.otpNote = null;
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
    switch (d.step) {
      case 'category':
        return this.#form(d, this.#renderCategory(d));
      case 'text':
        return this.#form(d, this.#renderText(d));
      case 'photo':
        return this.#form(d, this.#renderPhoto(d));
      case 'location':
        return this.#form(d, this.#renderLocation(d));
      case 'similar':
        return html`${this.#form(
          d,
          this.#renderSimilar(),
          this.#next,
          this.#nav(d, button({ label: this.t.similar.different, kind: 'primary', action: 'next' })),
        )}
        ${this.#renderSupport()}`;
      case 'contact':
        return this.#form(d, this.#renderContact(d));
      case 'privacy':
        return this.#form(d, this.#renderPrivacy(d));
      case 'review':
        return this.#form(
          d,
          this.#renderReview(d),
          this.#submit,
          this.#nav(d, button({ label: this.busy ? this.t.sending : this.t.submit, kind: 'primary', action: 'submit', busy: this.busy })),
        );
      case 'done':
        return this.#renderDone(d);
    }
  }

  #radio(name: string, value: string, checked: boolean, label: unknown, help: unknown, onChange: () => void) {
    const id = `${name}-${value}`;
    return html`<label class="choice" for=${id}>
      <input type="radio" id=${id} name=${name} value=${value} .checked=${checked} @change=${onChange} />
      <span><span class="choice-label">${label}</span>${help ? html`<span class="choice-help">${help}</span>` : nothing}</span>
    </label>`;
  }

  #renderCategory(d: ReportDraft) {
    const t = this.t;
    return html`${this.thanked ? html`<p class="notice" id="thanked" role="status" tabindex="-1">✓ ${t.similar.thanks}</p>` : nothing}
      <fieldset>
        <legend>${t.categoryLegend}</legend>
        ${this.categories!.map((c) =>
          this.#radio(
            'category',
            c.id,
            d.categoryId === c.id,
            this.locale === 'en' ? c.nameEn : c.name,
            t.categoryAgency(c.agencyName),
            () => this.#patch({ categoryId: c.id }),
          ),
        )}
      </fieldset>`;
  }

  #renderText(d: ReportDraft) {
    const t = this.t;
    const invalid = this.error === 'text_too_short' || this.error === 'validation_failed';
    return html`<div class="field ${invalid ? 'invalid' : ''}">
      <label for="text-input">${t.textLabel}</label>
      <p class="hint" id="text-hint">${t.textHint(COMPLAINT_TEXT.min, COMPLAINT_TEXT.max)}</p>
      <textarea
        id="text-input"
        part="input"
        rows="6"
        maxlength=${COMPLAINT_TEXT.max}
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="text-hint text-counter"
        .value=${d.text}
        @input=${(e: Event) => this.#patch({ text: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <p class="counter" id="text-counter">${t.counter(d.text.length, COMPLAINT_TEXT.max)}</p>
    </div>`;
  }

  #renderPhoto(d: ReportDraft) {
    const t = this.t;
    const full = d.photos.length >= MAX_PHOTOS;
    return html`<p>${t.photoIntro}</p>
      ${
        d.photos.length
          ? html`<ul class="photos" part="photos" aria-label=${t.photoCount(d.photos.length, MAX_PHOTOS)}>
              ${d.photos.map(
                (p, i) =>
                  html`<li data-photo=${p.id}>
                    <img src=${this.#url(p.blob)} alt=${t.photoAlt(i + 1)} />
                    <button
                      type="button"
                      class="btn"
                      part="button"
                      id="remove-photo-${i + 1}"
                      data-action="remove-photo"
                      @click=${() => this.#removePhoto(i)}
                    >
                      ${t.removePhoto(i + 1)}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${this.busy ? statusLine(t.processing) : nothing}
      ${
        full
          ? nothing
          : this.camera
            ? html`<video part="video" autoplay muted playsinline aria-label=${t.videoLabel}></video> ${actions(
                  button({
                    label: t.capture,
                    kind: 'primary',
                    action: 'capture',
                    busy: this.busy,
                    onClick: () => void this.#captureFrame(),
                  }),
                  button({ label: t.closeCamera, action: 'close-camera', onClick: () => this.#stopCamera() }),
                )}`
            : html`${actions(button({ label: t.openCamera, action: 'open-camera', busy: this.busy, onClick: () => void this.#openCamera() }))}
                <div class="field">
                  <label for="photo-file">${t.fileLabel}</label>
                  <p class="hint" id="photo-file-hint">${t.fileHint}</p>
                  <input
                    id="photo-file"
                    type="file"
                    accept="image/*"
                    capture="environment"
                    aria-describedby="photo-file-hint"
                    ?disabled=${this.busy}
                    @click=${this.#onFileClick}
                    @change=${this.#onFile}
                  />
                </div>`
      }`;
  }

  #renderLocation(d: ReportDraft) {
    const t = this.t;
    const gps = d.locationMode === 'gps';
    const addressInvalid = this.error === 'address_missing';
    return html`<p>${t.locationIntro}</p>
      <fieldset>
        <legend class="visually-hidden">${t.steps.location}</legend>
        ${this.#radio('where', 'gps', gps, t.useGps, null, () => this.#patch({ locationMode: 'gps' }))}
        ${this.#radio('where', 'address', !gps, t.useAddress, null, () => this.#patch({ locationMode: 'address' }))}
      </fieldset>
      ${
        gps
          ? html`${actions(button({ label: this.busy ? t.locating : t.locate, action: 'locate', busy: this.busy, onClick: this.#locate }))}
            ${
              d.location
                ? html`<p class="notice" id="located" role="status" tabindex="-1" data-accuracy=${d.location.accuracy}>
                    ✓ ${t.located(d.location.accuracy)}
                  </p>`
                : nothing
            }`
          : textField({
              id: 'address-input',
              label: t.addressLabel,
              value: d.address,
              onInput: (x) => this.#patch({ address: x }),
              autocomplete: 'street-address',
              maxlength: ADDRESS_TEXT.max,
              required: true,
              hint: t.addressHint,
              invalid: addressInvalid,
            })
      }`;
  }

  #renderContact(d: ReportDraft) {
    const t = this.t;
    const email = d.contactKind === 'email';
    return html`<p>${t.contactIntro}</p>
      <fieldset>
        <legend class="visually-hidden">${t.contact}</legend>
        ${this.#radio('contact-kind', 'email', email, t.byEmail, null, () => this.#patch({ contactKind: 'email' }))}
        ${this.#radio('contact-kind', 'phone', !email, t.byPhone, null, () => this.#patch({ contactKind: 'phone' }))}
      </fieldset>
      ${
        email
          ? textField({
              id: 'email-input',
              label: t.emailLabel,
              type: 'email',
              value: d.email,
              onInput: (x) => this.#patch({ email: x }),
              autocomplete: 'email',
              inputmode: 'email',
              maxlength: 200,
              required: true,
              invalid: this.error === 'email_invalid' || this.error === 'contact_required',
            })
          : textField({
              id: 'phone-input',
              label: t.phoneLabel,
              type: 'tel',
              value: d.phone,
              onInput: (x) => this.#patch({ phone: x }),
              autocomplete: 'tel',
              inputmode: 'tel',
              maxlength: 40,
              required: true,
              hint: t.phoneHint,
              invalid: this.error === 'phone_invalid' || this.error === 'contact_required',
            })
      }
      ${textField({
        id: 'name-input',
        label: t.nameLabel,
        value: d.name,
        onInput: (x) => this.#patch({ name: x }),
        autocomplete: 'name',
        maxlength: 100,
        hint: t.nameHint,
      })}`;
  }

  #date(at: string): string {
    return new Intl.DateTimeFormat(this.locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(
      new Date(at),
    );
  }

  #renderSimilar() {
    const t = this.t;
    const s = t.similar;
    const items = this.nearby;
    if (!items) return statusLine(t.loading);
    return html`<p>${s.intro}</p>
      <ul class="cards" part="nearby" aria-label=${s.listLabel(items.length)}>
        ${items.map((c) => {
          const link = pageLink(this.trackUrl, TICKET_CODE_PARAM, c.trackingCode);
          const head = `near-${c.trackingCode}`;
          const chosen = this.supportFor === c.trackingCode;
          return html`<li class="card" data-code=${c.trackingCode}>
            <p class="card-head" id=${head}>${c.trackingCode} · ${t.statuses[c.status] ?? c.status}</p>
            <p class="card-meta">${s.distance(c.distanceM)} · ${this.#date(c.createdAt)}</p>
            <p class="card-text">${c.text}</p>
            ${c.photo ? html`<img class="card-photo" src=${this.#api!.photoUrl(c.photo)} alt=${s.photoAlt(c.trackingCode)} loading="lazy" />` : nothing}
            <p class="card-meta" data-supporters=${c.supporters}>${s.supporters(c.supporters)}</p>
            ${actions(
              link
                ? html`<a class="btn" part="button" href=${link} data-action="open-nearby" aria-describedby=${head}>${s.open}</a>`
                : nothing,
              html`<button
                type="button"
                class="btn"
                part="button"
                data-action="support"
                aria-describedby=${head}
                aria-pressed=${chosen ? 'true' : 'false'}
                @click=${() => this.#chooseSupport(c.trackingCode)}
              >
                ${s.metoo}
              </button>`,
            )}
          </li>`;
        })}
      </ul>`;
  }

  /** Under the list: the contact code for the chosen complaint, then the count. */
  #renderSupport() {
    const t = this.t;
    const s = t.similar;
    const code = this.supportFor;
    if (!code) return nothing;
    if (this.supported?.trackingCode === code) {
      const r = this.supported;
      return html`<section class="support" aria-labelledby="supported">
        <p class="notice" id="supported" role="status" tabindex="-1">
          ${r.counted ? `✓ ${s.counted(r.supporters)}` : s.already(r.supporters)}
        </p>
        ${actions(
          button({ label: s.finish, kind: 'primary', action: 'finish-support', onClick: this.#finishSupport }),
          button({ label: s.fileAnyway, action: 'file-anyway', onClick: () => this.#go('contact') }),
        )}
      </section>`;
    }
    return html`<section class="support" aria-labelledby="support-title">
      <h4 id="support-title" tabindex="-1">${s.supportTitle(code)}</h4>
      <p>${s.supportIntro}</p>
      ${
        this.busy && this.#proof.proof
          ? statusLine(t.sending)
          : contactProofForm(this.#proof, s.proof, {
              id: 'support',
              errorText: (c) => this.errorText(c),
              alert: (c) => this.alert(c),
              onProof: (p) => void this.#support(p),
              focus: (sel) => {
                this.focusAfterUpdate(sel);
                this.requestUpdate();
              },
            })
      }
    </section>`;
  }

  #renderPrivacy(d: ReportDraft) {
    const t = this.t;
    return html`<fieldset>
      <legend>${t.privacyLegend}</legend>
      ${PRIVACY.map((p) => this.#radio('privacy', p, d.privacy === p, t.privacy[p].label, t.privacy[p].help, () => this.#patch({ privacy: p })))}
    </fieldset>`;
  }

  #renderReview(d: ReportDraft) {
    const t = this.t;
    const c = this.categories!.find((x) => x.id === d.categoryId);
    const place =
      d.locationMode === 'gps' && d.location
        ? `${d.location.lat.toFixed(5)}, ${d.location.lng.toFixed(5)} (± ${Math.round(d.location.accuracy)} m)`
        : d.address.trim();
    const edit = (step: Step, what: string) =>
      html`<button
        type="button"
        class="btn"
        part="button"
        data-action="edit-${step}"
        aria-label="${t.edit}: ${what}"
        @click=${() => this.#go(step)}
      >
        ${t.edit}
      </button>`;
    return html`<p>${t.reviewIntro}</p>
      ${d.queued ? html`<p class="notice" id="queued">${t.queued}</p>` : nothing}
      ${facts(
        [
          [t.category, html`${c ? (this.locale === 'en' ? c.nameEn : c.name) : d.categoryId} ${edit('category', t.category)}`, 'category'],
          [t.text, html`<span class="review-text">${d.text.trim()}</span> ${edit('text', t.text)}`, 'text'],
          [t.photos, html`${t.photoCount(d.photos.length, MAX_PHOTOS)} ${edit('photo', t.photos)}`, 'photos'],
          [t.place, html`${place} ${edit('location', t.place)}`, 'place'],
          [
            t.contact,
            html`${d.contactKind === 'email' ? d.email.trim() : d.phone.trim()}${d.name.trim() ? ` · ${d.name.trim()}` : ''}
            ${edit('contact', t.contact)}`,
            'contact',
          ],
          [t.privacyLegend, html`${t.privacy[d.privacy].label} ${edit('privacy', t.privacyLegend)}`, 'privacy'],
        ],
        'details',
      )}`;
  }

  #renderDone(d: ReportDraft) {
    const t = this.t;
    const r = d.receipt!;
    const verified = this.verified || r.contactVerified;
    const otpInvalid = this.error === 'otp_format' || (this.error?.startsWith('verification_') ?? false);
    return html`<p>${t.doneIntro}</p>
      ${facts([[t.trackingCode, html`<span class="code" part="code">${r.trackingCode}</span>`, 'tracking-code']])}
      ${
        verified
          ? html`<p class="notice" id="verified" role="status" tabindex="-1">✓ ${t.verified}</p>`
          : html`<p>${t.codeSent(r.contactHint)}</p>
              <form part="step" data-step="verify" novalidate @submit=${this.#verify}>
                ${textField({
                  id: 'otp-input',
                  label: t.otpLabel,
                  value: this.otp,
                  onInput: (x) => (this.otp = x),
                  autocomplete: 'one-time-code',
                  inputmode: 'numeric',
                  maxlength: 8,
                  required: true,
                  hint: t.otpHint,
                  error: otpInvalid ? this.errorText(this.error) : null,
                })}
                ${otpInvalid ? nothing : this.#stepError()}
                ${this.otpNote ? html`<p class="notice" id="otp-note" role="status" tabindex="-1">${this.otpNote}</p>` : nothing}
                ${actions(
                  button({ label: t.confirm, kind: 'primary', action: 'verify', busy: this.busy }),
                  button({ label: t.resend, action: 'resend', busy: this.busy, onClick: () => void this.#resend() }),
                )}
              </form>`
      }
      ${actions(button({ label: t.newReport, action: 'new-report', onClick: this.#restart }))}`;
  }
}
