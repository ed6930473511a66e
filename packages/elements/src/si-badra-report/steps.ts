/**
 * The steps of `<si-badra-report>`'s form, as templates: category, description, photo, location,
 * contact, privacy and review. Each takes the messages and the draft and calls back for what the
 * citizen does; the element holds the state and wires them into its step form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ADDRESS_TEXT, COMPLAINT_TEXT, MAX_PHOTOS, type ComplaintCategory, type Privacy } from '@mpp-kit/core';
import type { Locale } from '../shared/i18n.js';
import { actions, button, facts, statusLine } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import type { ReportMessages } from './messages.js';
import type { ReportDraft, Step } from './draft.js';

const PRIVACY: readonly Privacy[] = ['public', 'anonim', 'rahasia'];

/** What every step takes besides the draft. */
export interface StepView {
  t: ReportMessages;
  locale: Locale;
  /** The error of the current step (its field is marked). */
  error: string | null;
  busy: boolean;
  categories: readonly ComplaintCategory[];
  /** Changes the draft (and keeps it on the device). */
  patch(p: Partial<ReportDraft>): void;
}

/** What the photo step calls back for. */
export interface PhotoHandlers {
  /** An object URL of a photo taken (kept by the element, revoked when it leaves the page). */
  url(b: Blob): string;
  remove(i: number): void;
  openCamera(): void;
  capture(): void;
  closeCamera(): void;
  /** The file input is clicked: the camera app opens. */
  fileClick(): void;
  file(e: Event): void;
}

/** A labelled radio button, with a line of help under its label. */
function radio(name: string, value: string, checked: boolean, label: unknown, help: unknown, onChange: () => void): TemplateResult {
  const id = `${name}-${value}`;
  return html`<label class="choice" for=${id}>
    <input type="radio" id=${id} name=${name} value=${value} .checked=${checked} @change=${onChange} />
    <span><span class="choice-label">${label}</span>${help ? html`<span class="choice-help">${help}</span>` : nothing}</span>
  </label>`;
}

/** The category, with the "thank you" of a support just before. */
export function categoryStep(v: StepView, d: ReportDraft, thanked: boolean): TemplateResult {
  const t = v.t;
  return html`${thanked ? html`<p class="notice" id="thanked" role="status" tabindex="-1">✓ ${t.similar.thanks}</p>` : nothing}
    <fieldset>
      <legend>${t.categoryLegend}</legend>
      ${v.categories.map((c) =>
        radio('category', c.id, d.categoryId === c.id, v.locale === 'en' ? c.nameEn : c.name, t.categoryAgency(c.agencyName), () =>
          v.patch({ categoryId: c.id }),
        ),
      )}
    </fieldset>`;
}

/** The description, with its length counted. */
export function textStep(v: StepView, d: ReportDraft): TemplateResult {
  const t = v.t;
  const invalid = v.error === 'text_too_short' || v.error === 'validation_failed';
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
      @input=${(e: Event) => v.patch({ text: (e.target as HTMLTextAreaElement).value })}
    ></textarea>
    <p class="counter" id="text-counter">${t.counter(d.text.length, COMPLAINT_TEXT.max)}</p>
  </div>`;
}

/** The photos taken, and the camera (or the camera app) for the next one. */
export function photoStep(v: StepView, d: ReportDraft, camera: boolean, on: PhotoHandlers): TemplateResult {
  const t = v.t;
  const full = d.photos.length >= MAX_PHOTOS;
  return html`<p>${t.photoIntro}</p>
    ${
      d.photos.length
        ? html`<ul class="photos" part="photos" aria-label=${t.photoCount(d.photos.length, MAX_PHOTOS)}>
            ${d.photos.map(
              (p, i) =>
                html`<li data-photo=${p.id ?? 'pending'}>
                  <img src=${on.url(p.blob)} alt=${t.photoAlt(i + 1)} />
                  ${p.id ? nothing : html`<span class="hint" data-field="photo-pending">${t.photoPending}</span>`}
                  <button
                    type="button"
                    class="btn"
                    part="button"
                    id="remove-photo-${i + 1}"
                    data-action="remove-photo"
                    @click=${() => on.remove(i)}
                  >
                    ${t.removePhoto(i + 1)}
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${v.busy ? statusLine(t.processing) : nothing}
    ${
      full
        ? nothing
        : camera
          ? html`<video part="video" autoplay muted playsinline aria-label=${t.videoLabel}></video> ${actions(
                button({
                  label: t.capture,
                  kind: 'primary',
                  action: 'capture',
                  busy: v.busy,
                  onClick: on.capture,
                }),
                button({ label: t.closeCamera, action: 'close-camera', onClick: on.closeCamera }),
              )}`
          : html`${actions(button({ label: t.openCamera, action: 'open-camera', busy: v.busy, onClick: on.openCamera }))}
              <div class="field">
                <label for="photo-file">${t.fileLabel}</label>
                <p class="hint" id="photo-file-hint">${t.fileHint}</p>
                <input
                  id="photo-file"
                  type="file"
                  accept="image/*"
                  capture="environment"
                  aria-describedby="photo-file-hint"
                  ?disabled=${v.busy}
                  @click=${on.fileClick}
                  @change=${on.file}
                />
              </div>`
    }`;
}

/** The phone's location, or an address typed. */
export function locationStep(v: StepView, d: ReportDraft, locate: () => void): TemplateResult {
  const t = v.t;
  const gps = d.locationMode === 'gps';
  const addressInvalid = v.error === 'address_missing';
  return html`<p>${t.locationIntro}</p>
    <fieldset>
      <legend class="visually-hidden">${t.steps.location}</legend>
      ${radio('where', 'gps', gps, t.useGps, null, () => v.patch({ locationMode: 'gps' }))}
      ${radio('where', 'address', !gps, t.useAddress, null, () => v.patch({ locationMode: 'address' }))}
    </fieldset>
    ${
      gps
        ? html`${actions(button({ label: v.busy ? t.locating : t.locate, action: 'locate', busy: v.busy, onClick: locate }))}
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
            onInput: (x) => v.patch({ address: x }),
            autocomplete: 'street-address',
            maxlength: ADDRESS_TEXT.max,
            required: true,
            hint: t.addressHint,
            invalid: addressInvalid,
          })
    }`;
}

/** The e-mail address or phone for the confirmation code, and the name. */
export function contactStep(v: StepView, d: ReportDraft): TemplateResult {
  const t = v.t;
  const email = d.contactKind === 'email';
  return html`<p>${t.contactIntro}</p>
    <fieldset>
      <legend class="visually-hidden">${t.contact}</legend>
      ${radio('contact-kind', 'email', email, t.byEmail, null, () => v.patch({ contactKind: 'email' }))}
      ${radio('contact-kind', 'phone', !email, t.byPhone, null, () => v.patch({ contactKind: 'phone' }))}
    </fieldset>
    ${
      email
        ? textField({
            id: 'email-input',
            label: t.emailLabel,
            type: 'email',
            value: d.email,
            onInput: (x) => v.patch({ email: x }),
            autocomplete: 'email',
            inputmode: 'email',
            maxlength: 200,
            required: true,
            invalid: v.error === 'email_invalid' || v.error === 'contact_required',
          })
        : textField({
            id: 'phone-input',
            label: t.phoneLabel,
            type: 'tel',
            value: d.phone,
            onInput: (x) => v.patch({ phone: x }),
            autocomplete: 'tel',
            inputmode: 'tel',
            maxlength: 40,
            required: true,
            hint: t.phoneHint,
            invalid: v.error === 'phone_invalid' || v.error === 'contact_required',
          })
    }
    ${textField({
      id: 'name-input',
      label: t.nameLabel,
      value: d.name,
      onInput: (x) => v.patch({ name: x }),
      autocomplete: 'name',
      maxlength: 100,
      hint: t.nameHint,
    })}`;
}

/** Who may see the complaint. */
export function privacyStep(v: StepView, d: ReportDraft): TemplateResult {
  const t = v.t;
  return html`<fieldset>
    <legend>${t.privacyLegend}</legend>
    ${PRIVACY.map((p) => radio('privacy', p, d.privacy === p, t.privacy[p].label, t.privacy[p].help, () => v.patch({ privacy: p })))}
  </fieldset>`;
}

/** Everything once more, each with a button back to its step. */
export function reviewStep(v: StepView, d: ReportDraft, go: (step: Step) => void): TemplateResult {
  const t = v.t;
  const c = v.categories.find((x) => x.id === d.categoryId);
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
      @click=${() => go(step)}
    >
      ${t.edit}
    </button>`;
  return html`<p>${t.reviewIntro}</p>
    ${d.queued ? html`<p class="notice" id="queued">${t.queued}</p>` : nothing}
    ${facts(
      [
        [t.category, html`${c ? (v.locale === 'en' ? c.nameEn : c.name) : d.categoryId} ${edit('category', t.category)}`, 'category'],
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
