import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  ADDRESS_TEXT,
  COMPLAINT_TEXT,
  MAX_ACCURACY_M,
  MAX_PHOTOS,
  isEmail,
  normalizePhone,
  isMppError,
  type ComplaintCategory,
  type ComplaintRequest,
  type ComplaintsApi,
  type Privacy,
} from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { MppElement } from '../shared/mpp-element.js';
import { problemText } from '../shared/problems.js';
import { actions, button, facts, statusLine } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { complaintsApiFor } from '../shared/complaints-api.js';
import { siBadraStyles } from '../shared/si-badra.styles.js';
import { SiBadraErrorEvent } from '../shared/si-badra-events.js';
import { SiBadraReportSubmittedEvent } from './events.js';
import { REPORT_MESSAGES, type ReportMessages } from './messages.js';
import { STEPS, draftStore, emptyDraft, type ReportDraft, type Step } from './draft.js';
import { compressPhoto, type CompressedPhoto } from './photo.js';
import { styles } from './si-badra-report.styles.js';

/** The steps a citizen walks through (the receipt comes after them). */
const FORM_STEPS: readonly Step[] = STEPS.filter((s) => s !== 'done');
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
 * the tracking code and the contact's confirmation code. The draft (every field, the step, the
 * uploaded photos and the idempotency key) is kept in IndexedDB: a reload or a failed send loses
 * nothing, and a retry files the complaint exactly once.
 *
 * @tag si-badra-report
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr category - Category id preselected (`jalan-rusak`).
 * @attr draft-key - Key of the draft on the device (several forms on one page). Default `si-badra-report`.
 *
 * @fires si-badra-report-submitted - `{ trackingCode, categoryId }` once the complaint is filed; never the name, contact or location.
 * @fires si-badra-error - `{ code, trackingCode, category }` when an error is shown.
 * @fires mpp-error - `{ code, source }` when an error is shown.
 *
 * @csspart step - The current step's form.
 * @csspart input - Text inputs and the description.
 * @csspart photos - The photos taken.
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

  @query('video') private video?: HTMLVideoElement;

  #api: ComplaintsApi | null = null;
  #base: string | null = null;
  #store: ReturnType<typeof draftStore> | null = null;
  #urls = new Map<Blob, string>();
  #token: ReturnType<ComplaintsApi['captureToken']> | null = null;

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
    const problem = this.#check(d.step);
    if (problem) return this.#fail(problem);
    const i = FORM_STEPS.indexOf(d.step);
    this.#go(FORM_STEPS[i + 1]!);
  };

  #back = () => {
    const i = FORM_STEPS.indexOf(this.draft!.step);
    if (i > 0) this.#go(FORM_STEPS[i - 1]!);
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
      const r = await this.#api!.create(this.#request(), { idempotencyKey: d.idempotencyKey });
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
    const n = FORM_STEPS.indexOf(d.step);
    return this.frame(
      t.title,
      html`${n >= 0 ? html`<p class="step-of" id="step-of">${t.stepOf(n + 1, FORM_STEPS.length)}</p>` : nothing}
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
    return html`<fieldset>
      <legend>${t.categoryLegend}</legend>
      ${this.categories!.map((c) =>
        this.#radio('category', c.id, d.categoryId === c.id, this.locale === 'en' ? c.nameEn : c.name, t.categoryAgency(c.agencyName), () =>
          this.#patch({ categoryId: c.id }),
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
