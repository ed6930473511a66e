/**
 * The receipt of `<si-badra-report>`, once the complaint is filed: the tracking code and the
 * contact's confirmation code. A controller holds the code typed and confirms it (or sends it
 * again); the template shows the code, the form for the confirmation code, and "new report".
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isMppError } from '@mpp-kit/core';
import { textField } from '../shared/field.js';
import { actions, button, facts } from '../shared/templates.js';
import type { ReportMessages } from './messages.js';
import type { ReportHost } from './context.js';
import type { ReportDraft } from './draft.js';

/** What the confirmation code needs of the element. */
export interface ContactCodeOptions extends ReportHost {
  t(): ReportMessages;
}

/** The contact's confirmation code after filing: what is typed, the "sent again" note, and whether it is confirmed. */
export class ContactCode {
  #otp = '';
  #note: string | null = null;
  #verified = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: ContactCodeOptions,
  ) {}

  /** The code typed. */
  get otp(): string {
    return this.#otp;
  }

  set otp(v: string) {
    this.#otp = v;
    this.host.requestUpdate();
  }

  /** Where the code was sent again, or null. */
  get note(): string | null {
    return this.#note;
  }

  /** The contact is confirmed (by the code, or at filing with a proof). */
  get verified(): boolean {
    return this.#verified;
  }

  set verified(v: boolean) {
    this.#verified = v;
    this.host.requestUpdate();
  }

  /** Forgets the code (a new report). */
  reset(): void {
    this.#verified = false;
    this.#otp = '';
    this.#note = null;
    this.host.requestUpdate();
  }

  readonly verify = async (e: Event): Promise<void> => {
    e.preventDefault();
    const r = this.o.draft()?.receipt;
    if (!r || this.o.busy()) return;
    const otp = this.#otp.replace(/\s/g, '');
    this.#note = null;
    this.host.requestUpdate();
    if (!/^\d{6}$/.test(otp)) return this.o.fail('otp_format', '#otp-input');
    this.o.setBusy(true);
    this.o.clearError();
    try {
      const view = await this.o.api().verifyContact(r.trackingCode, otp);
      this.verified = view.contactVerified;
      this.o.patch({ receipt: { ...r, contactVerified: view.contactVerified } });
      this.o.focus('#verified');
    } catch (err) {
      const code = isMppError(err) ? err.code : 'fallback';
      if (code === 'contact_already_verified') {
        this.verified = true;
        this.o.patch({ receipt: { ...r, contactVerified: true } });
        this.o.focus('#verified');
      } else this.o.fail(code, '#otp-input');
    } finally {
      this.o.setBusy(false);
    }
  };

  readonly resend = async (): Promise<void> => {
    const r = this.o.draft()?.receipt;
    if (!r || this.o.busy()) return;
    this.o.setBusy(true);
    this.o.clearError();
    try {
      const { contactHint } = await this.o.api().resendCode(r.trackingCode);
      this.#note = this.o.t().resent(contactHint);
      this.host.requestUpdate();
      this.o.focus('#otp-note');
    } catch (err) {
      this.o.fail(isMppError(err) ? err.code : 'fallback');
    } finally {
      this.o.setBusy(false);
    }
  };
}

/** What the receipt's template takes besides the draft and the code. */
export interface DoneView {
  t: ReportMessages;
  error: string | null;
  busy: boolean;
  errorText(code: string | null): string;
  /** The error banner of the step (nothing without an error). */
  stepError: unknown;
  /** "Laporan baru". */
  restart(): void;
}

/** The tracking code, the confirmation code's form (until confirmed), and "new report". */
export function doneView(v: DoneView, d: ReportDraft, c: ContactCode): TemplateResult {
  const t = v.t;
  const r = d.receipt!;
  const verified = c.verified || r.contactVerified;
  const otpInvalid = v.error === 'otp_format' || (v.error?.startsWith('verification_') ?? false);
  return html`<p>${t.doneIntro}</p>
    ${facts([[t.trackingCode, html`<span class="code" part="code">${r.trackingCode}</span>`, 'tracking-code']])}
    ${
      verified
        ? html`<p class="notice" id="verified" role="status" tabindex="-1">✓ ${t.verified}</p>`
        : html`<p>${t.codeSent(r.contactHint)}</p>
            <form part="step" data-step="verify" novalidate @submit=${c.verify}>
              ${textField({
                id: 'otp-input',
                label: t.otpLabel,
                value: c.otp,
                onInput: (x) => (c.otp = x),
                autocomplete: 'one-time-code',
                inputmode: 'numeric',
                maxlength: 8,
                required: true,
                hint: t.otpHint,
                error: otpInvalid ? v.errorText(v.error) : null,
              })}
              ${otpInvalid ? nothing : v.stepError}
              ${c.note ? html`<p class="notice" id="otp-note" role="status" tabindex="-1">${c.note}</p>` : nothing}
              ${actions(
                button({ label: t.confirm, kind: 'primary', action: 'verify', busy: v.busy }),
                button({ label: t.resend, action: 'resend', busy: v.busy, onClick: () => void c.resend() }),
              )}
            </form>`
    }
    ${actions(button({ label: t.newReport, action: 'new-report', onClick: v.restart }))}`;
}
