/**
 * The similar complaints nearby in `<si-badra-report>` ("saya juga mengalami ini"): a controller
 * that asks for the open public complaints of the category near the phone's location, holds the
 * one the citizen chose and supports it with a proof of the contact; and the `similar` step's
 * templates: the list, then under it the contact code for the chosen complaint and the count.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isMppError, type NearbyComplaint } from '@mpp-kit/core';
import { TICKET_CODE_PARAM, pageLink } from '../shared/config.js';
import type { Locale } from '../shared/i18n.js';
import { actions, button, statusLine } from '../shared/templates.js';
import { contactProofForm, type ContactProofFlow, type HeldProof } from '../shared/contact-proof.js';
import type { SiBadraReportSupportedEvent } from './events.js';
import type { ReportMessages } from './messages.js';
import type { ReportHost } from './context.js';
import { typedContact, type ReportDraft, type Step } from './draft.js';

/** How long the nearby list may take before the form goes on without it. */
const NEARBY_TIMEOUT_MS = 6_000;

/** What the nearby list needs of the element. */
export interface NearbySupportOptions extends ReportHost {
  /** The contact-code flow the element shares with its filing. */
  proof: ContactProofFlow;
  go(step: Step): void;
  /** A support was counted (or had been): tell the page. */
  supported(detail: SiBadraReportSupportedEvent['detail']): void;
}

/** The outcome of a support. */
export interface Supported {
  trackingCode: string;
  supporters: number;
  counted: boolean;
}

export class NearbySupport {
  #nearby: NearbyComplaint[] | null = null;
  #supportFor: string | null = null;
  #supported: Supported | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: NearbySupportOptions,
  ) {}

  /** Open public complaints of the category near the location (null: not asked). */
  get nearby(): readonly NearbyComplaint[] | null {
    return this.#nearby;
  }

  /** The nearby complaint the citizen chose to support. */
  get supportFor(): string | null {
    return this.#supportFor;
  }

  get supported(): Supported | null {
    return this.#supported;
  }

  /** Forgets the list and the choice (a new report). */
  reset(): void {
    this.#nearby = null;
    this.#supportFor = null;
    this.#supported = null;
    this.host.requestUpdate();
  }

  /** With the phone's location, the open public complaints of the category nearby; never in the way of filing. */
  async #find(d: ReportDraft): Promise<NearbyComplaint[]> {
    if (d.locationMode !== 'gps' || !d.location || !d.categoryId) return [];
    try {
      const { lat, lng } = d.location;
      const r = await this.o.api().nearby({ categoryId: d.categoryId, lat, lng }, { signal: AbortSignal.timeout(NEARBY_TIMEOUT_MS) });
      return r.items;
    } catch {
      return [];
    }
  }

  /** After the location step: the list when there is one near, else on to the contact. */
  async afterLocation(): Promise<void> {
    const d = this.o.draft()!;
    this.o.setBusy(true);
    try {
      this.#nearby = await this.#find(d);
    } finally {
      this.o.setBusy(false);
    }
    this.#supportFor = null;
    this.#supported = null;
    this.host.requestUpdate();
    this.o.go(this.#nearby.length ? 'similar' : 'contact');
  }

  /** Back on the `similar` step after a reload: the list again (or on to the contact when none is left). */
  async reload(): Promise<void> {
    const d = this.o.draft()!;
    this.#nearby = [];
    this.host.requestUpdate();
    this.#nearby = await this.#find(d);
    this.host.requestUpdate();
    if (!this.#nearby.length && this.o.draft()?.step === 'similar') this.o.go('contact');
  }

  /** "Saya juga mengalami ini" on a nearby complaint: with a proof of the typed contact at once, else the code first. */
  choose(code: string): void {
    const proof = this.o.proof;
    this.#supportFor = code;
    this.#supported = null;
    this.host.requestUpdate();
    proof.error = null;
    proof.contact = typedContact(this.o.draft()!);
    const held = proof.proofFor(proof.contact);
    if (held) void this.support(held);
    else this.o.focus('#support-title');
  }

  async support(proof: HeldProof): Promise<void> {
    const code = this.#supportFor;
    if (!code || this.o.busy()) return;
    this.o.setBusy(true);
    this.o.clearError();
    try {
      const r = await this.o.api().support(code, proof.proof);
      this.#supported = { trackingCode: code, supporters: r.supporters, counted: r.counted };
      this.#nearby = this.#nearby?.map((n) => (n.trackingCode === code ? { ...n, supporters: r.supporters } : n)) ?? null;
      this.host.requestUpdate();
      this.o.focus('#supported');
      this.o.supported({ trackingCode: code, categoryId: this.o.draft()!.categoryId!, counted: r.counted });
    } catch (err) {
      const c = isMppError(err) ? err.code : 'fallback';
      this.o.proof.refused(c);
      this.o.focus('#support-title');
    } finally {
      this.o.setBusy(false);
    }
  }
}

/** What the `similar` step's templates take besides the controller. */
export interface SimilarView {
  t: ReportMessages;
  locale: Locale;
  busy: boolean;
  /** The public photo's address. */
  photoUrl(id: string): string;
  /** Page that holds `<si-badra-track>` (a complaint links there), or null. */
  trackUrl: string | null;
  errorText(code: string): string;
  alert(code: string | null): unknown;
  /** Moves the focus after the next render (and updates). */
  focus(selector: string): void;
  /** "Selesai": the citizen files nothing. */
  finish(): void;
  /** Files a report after all. */
  fileAnyway(): void;
}

function day(locale: Locale, at: string): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(
    new Date(at),
  );
}

/** The open public complaints of the category nearby, each with "saya juga". */
export function similarList(v: SimilarView, n: NearbySupport): TemplateResult {
  const t = v.t;
  const s = t.similar;
  const items = n.nearby;
  if (!items) return statusLine(t.loading);
  return html`<p>${s.intro}</p>
    <ul class="cards" part="nearby" aria-label=${s.listLabel(items.length)}>
      ${items.map((c) => {
        const link = pageLink(v.trackUrl, TICKET_CODE_PARAM, c.trackingCode);
        const head = `near-${c.trackingCode}`;
        const chosen = n.supportFor === c.trackingCode;
        return html`<li class="card" data-code=${c.trackingCode}>
          <p class="card-head" id=${head}>${c.trackingCode} · ${t.statuses[c.status] ?? c.status}</p>
          <p class="card-meta">${s.distance(c.distanceM)} · ${day(v.locale, c.createdAt)}</p>
          <p class="card-text">${c.text}</p>
          ${c.photo ? html`<img class="card-photo" src=${v.photoUrl(c.photo)} alt=${s.photoAlt(c.trackingCode)} loading="lazy" />` : nothing}
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
              @click=${() => n.choose(c.trackingCode)}
            >
              ${s.metoo}
            </button>`,
          )}
        </li>`;
      })}
    </ul>`;
}

/** Under the list: the contact code for the chosen complaint, then the count. */
export function supportSection(v: SimilarView, n: NearbySupport, proof: ContactProofFlow): TemplateResult | typeof nothing {
  const t = v.t;
  const s = t.similar;
  const code = n.supportFor;
  if (!code) return nothing;
  if (n.supported?.trackingCode === code) {
    const r = n.supported;
    return html`<section class="support" aria-labelledby="supported">
      <p class="notice" id="supported" role="status" tabindex="-1">
        ${r.counted ? `✓ ${s.counted(r.supporters)}` : s.already(r.supporters)}
      </p>
      ${actions(
        button({ label: s.finish, kind: 'primary', action: 'finish-support', onClick: v.finish }),
        button({ label: s.fileAnyway, action: 'file-anyway', onClick: v.fileAnyway }),
      )}
    </section>`;
  }
  return html`<section class="support" aria-labelledby="support-title">
    <h4 id="support-title" tabindex="-1">${s.supportTitle(code)}</h4>
    <p>${s.supportIntro}</p>
    ${
      v.busy && proof.proof
        ? statusLine(t.sending)
        : contactProofForm(proof, s.proof, {
            id: 'support',
            errorText: v.errorText,
            alert: v.alert,
            onProof: (p) => void n.support(p),
            focus: v.focus,
          })
    }
  </section>`;
}
