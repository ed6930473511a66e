/**
 * A verified contact without an account, for the Si Badra widgets ("saya juga" in the report,
 * "aduan saya" in the tracker): the contact typed, the code sent, then a proof for one hour. The
 * flow (`ContactProofFlow`), its form (`contactProofForm`) and where the proof and the pending code
 * are kept (`proofStorage`).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isEmail, isMppError, normalizePhone, type ComplaintsApi, type ContactProof } from '@mpp-kit/core';
import { textField } from './field.js';
import { actions, button } from './templates.js';

/** What the citizen typed to prove a contact (kept through reloads by the widget that asks). */
export interface TypedContact {
  kind: 'email' | 'phone';
  email: string;
  phone: string;
}

/** A proof the server signed, held for its hour, and which contact it proves (compared, never sent or shown). */
export interface HeldProof extends ContactProof {
  /** `email:<lower case>` or `phone:<E.164>`. */
  contact: string;
}

/** A code on its way: the opaque ticket and the masked contact. */
interface PendingCode {
  ticket: string;
  contactHint: string;
  contact: string;
}

/** The contact in one comparable form (`email:…` / `phone:+62…`), or null when it cannot be one. */
export function contactKey(c: TypedContact): string | null {
  if (c.kind === 'email') {
    const e = c.email.trim();
    return isEmail(e) ? `email:${e.toLowerCase()}` : null;
  }
  const p = normalizePhone(c.phone);
  return p.ok ? `phone:${p.e164}` : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The proof (shared) and a form's pending code of one API base in sessionStorage: the tab keeps them through a
 * reload, both Si Badra widgets of the tab share them, and they end with the tab (the proof also
 * with its hour). Blocked storage keeps them in memory only.
 */
export function proofStorage(base: string, scope: string) {
  const key = (what: string) => `mpp-kit:si-badra:${what}:${base}`;
  const read = (what: string): unknown => {
    try {
      const raw = sessionStorage.getItem(key(what));
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  };
  const write = (what: string, v: unknown) => {
    try {
      if (v === null) sessionStorage.removeItem(key(what));
      else sessionStorage.setItem(key(what), JSON.stringify(v));
    } catch {
      /* blocked or full: memory only */
    }
  };
  return {
    /** The proof, while its hour lasts. */
    proof(now: number): HeldProof | null {
      const v = read('proof');
      if (!isObject(v) || typeof v.proof !== 'string' || typeof v.contact !== 'string' || typeof v.expiresAt !== 'string') return null;
      if (!(Date.parse(v.expiresAt) > now)) {
        write('proof', null);
        return null;
      }
      return v as unknown as HeldProof;
    },
    setProof: (p: HeldProof | null) => write('proof', p),
    /** The code on its way in this widget (`scope`): each form has its own. */
    pending(): PendingCode | null {
      const v = read(`pending:${scope}`);
      return isObject(v) && typeof v.ticket === 'string' && typeof v.contact === 'string' ? (v as unknown as PendingCode) : null;
    },
    setPending: (p: PendingCode | null) => write(`pending:${scope}`, p),
  };
}

/** The words of the contact-code form (each widget says them in its own catalogue). */
export interface ContactProofMessages {
  legend: string;
  byEmail: string;
  byPhone: string;
  emailLabel: string;
  phoneLabel: string;
  phoneHint: string;
  sendCode: string;
  sending: string;
  codeSent(hint: string): string;
  otpLabel: string;
  otpHint: string;
  confirm: string;
  resend: string;
  resent(hint: string): string;
  changeContact: string;
  proven(hint: string): string;
}

/** The codes the form checks itself (the widgets give them words). */
export type ContactProofCheck = 'email_invalid' | 'phone_invalid' | 'otp_format';

export interface ContactProofOptions {
  /** Which form this is (`report`, `track`): each keeps its own code on the way; the proof is shared. */
  scope: string;
  api(): ComplaintsApi;
  base(): string;
  now(): number;
  /** The contact typed before (the report's draft, the tracker's tab). */
  loadContact(): TypedContact | null;
  saveContact(c: TypedContact): void;
  /** An error is shown: tell the page (a code only). */
  onError(code: string): void;
}

/**
 * The contact-code flow both Si Badra widgets use ("saya juga" in the report, "aduan saya" in the
 * tracker): the citizen types an e-mail address or a mobile number, gets a six-digit code, types
 * it, and holds a proof for an hour. The proof and the ticket live in sessionStorage (never in a URL,
 * an event or a log); the typed contact is kept by the widget (`saveContact`).
 */
export class ContactProofFlow implements ReactiveController {
  contact: TypedContact = { kind: 'email', email: '', phone: '' };
  otp = '';
  pending: PendingCode | null = null;
  /** The code was sent again (the note says where). */
  resent = false;
  error: string | null = null;
  busy = false;
  #proof: HeldProof | null = null;
  #storage: ReturnType<typeof proofStorage> | null = null;
  #base: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: ContactProofOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#sync();
    const typed = this.o.loadContact();
    if (typed) this.contact = typed;
  }

  /** Storage follows the API base (a proof of one server means nothing to another). */
  #sync(): ReturnType<typeof proofStorage> {
    const base = this.o.base();
    if (!this.#storage || base !== this.#base) {
      this.#base = base;
      this.#storage = proofStorage(base, this.o.scope);
      this.#proof = this.#storage.proof(this.o.now());
      this.pending = this.#storage.pending();
    }
    return this.#storage;
  }

  /** The proof while it lasts (null once its hour is over). */
  get proof(): HeldProof | null {
    this.#sync();
    // Read while rendering: an expired proof is dropped without asking for another update.
    if (this.#proof && !(Date.parse(this.#proof.expiresAt) > this.o.now())) {
      this.#proof = null;
      this.#storage?.setProof(null);
    }
    return this.#proof;
  }

  /** The proof, only when it proves the contact `c` (the report sends it with a complaint of that contact). */
  proofFor(c: TypedContact): HeldProof | null {
    const p = this.proof;
    return p && p.contact === contactKey(c) ? p : null;
  }

  /** The contact changed (typed here or in the report's contact step). */
  setContact(p: Partial<TypedContact>): void {
    this.contact = { ...this.contact, ...p };
    this.o.saveContact(this.contact);
    this.host.requestUpdate();
  }

  #fail(code: string): void {
    this.error = code;
    this.o.onError(code);
    this.host.requestUpdate();
  }

  /** Sends a code to the typed contact. */
  async send(): Promise<boolean> {
    if (this.busy) return false;
    const key = contactKey(this.contact);
    this.resent = false;
    if (!key) {
      this.#fail(this.contact.kind === 'email' ? 'email_invalid' : 'phone_invalid');
      return false;
    }
    const again = this.pending?.contact === key;
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const c = this.contact;
      const r = await this.o.api().requestContactCode(c.kind === 'email' ? { email: c.email.trim() } : { phone: c.phone.trim() });
      this.pending = { ticket: r.ticket, contactHint: r.contactHint, contact: key };
      this.#sync().setPending(this.pending);
      this.otp = '';
      this.resent = again;
      return true;
    } catch (e) {
      this.#fail(isMppError(e) ? e.code : 'fallback');
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Trades the typed code for the proof. */
  async confirm(): Promise<HeldProof | null> {
    const pending = this.pending;
    if (this.busy || !pending) return null;
    const otp = this.otp.replace(/\s/g, '');
    this.resent = false;
    if (!/^\d{6}$/.test(otp)) {
      this.#fail('otp_format');
      return null;
    }
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const r = await this.o.api().confirmContactCode(pending.ticket, otp);
      const proof: HeldProof = { ...r, contact: pending.contact };
      this.#proof = proof;
      this.pending = null;
      const s = this.#sync();
      s.setProof(proof);
      s.setPending(null);
      this.otp = '';
      return proof;
    } catch (e) {
      this.#fail(isMppError(e) ? e.code : 'fallback');
      return null;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Back to the contact (another address, or the ticket expired). */
  change(): void {
    this.pending = null;
    this.#sync().setPending(null);
    this.error = null;
    this.otp = '';
    this.resent = false;
    this.host.requestUpdate();
  }

  /** Drops the proof (signed out, or the server no longer takes it). */
  forget(): void {
    this.#proof = null;
    this.#storage?.setProof(null);
    this.host.requestUpdate();
  }

  /** A call with the proof was refused as `contact_proof_invalid`: start again from the contact. */
  refused(code: string): void {
    if (code === 'contact_proof_invalid') this.forget();
    this.#fail(code);
  }
}

const fieldOf = (flow: ContactProofFlow, id: string) => `#${id}-${flow.contact.kind}`;

/** Shows the contact-code form of `flow`: the contact and "send code", then the code and "confirm". */
export function contactProofForm(
  flow: ContactProofFlow,
  t: ContactProofMessages,
  o: {
    /** Prefix of the ids (`<prefix>-email`, `<prefix>-otp`…), unique in the widget. */
    id: string;
    /** Words for an error code. */
    errorText(code: string): string;
    /** An error banner (not tied to a field). */
    alert(code: string | null): unknown;
    /** The proof is there. */
    onProof(p: HeldProof): void;
    /** Moves the focus to `selector` after the next render (the widget's `focusAfterUpdate`, and an update). */
    focus(selector: string): void;
  },
): TemplateResult {
  const c = flow.contact;
  const err = flow.error;
  const p = flow.pending;
  if (!p) {
    const email = c.kind === 'email';
    const fieldErr = err === 'email_invalid' || err === 'phone_invalid' || err === 'email_format' || err?.startsWith('phone_');
    const radio = (kind: 'email' | 'phone', label: string) =>
      html`<label class="choice" for="${o.id}-kind-${kind}">
        <input
          type="radio"
          id="${o.id}-kind-${kind}"
          name="${o.id}-kind"
          value=${kind}
          .checked=${c.kind === kind}
          @change=${() => flow.setContact({ kind })}
        />
        <span><span class="choice-label">${label}</span></span>
      </label>`;
    return html`<form
      class="proof"
      data-proof="contact"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void flow.send().then((ok) => (ok ? o.focus(`#${o.id}-otp`) : o.focus(fieldOf(flow, o.id))));
      }}
    >
      <fieldset>
        <legend>${t.legend}</legend>
        ${radio('email', t.byEmail)} ${radio('phone', t.byPhone)}
      </fieldset>
      ${
        email
          ? textField({
              id: `${o.id}-email`,
              label: t.emailLabel,
              type: 'email',
              value: c.email,
              onInput: (x) => flow.setContact({ email: x }),
              autocomplete: 'email',
              inputmode: 'email',
              maxlength: 200,
              required: true,
              error: fieldErr ? o.errorText(err!) : null,
            })
          : textField({
              id: `${o.id}-phone`,
              label: t.phoneLabel,
              type: 'tel',
              value: c.phone,
              onInput: (x) => flow.setContact({ phone: x }),
              autocomplete: 'tel',
              inputmode: 'tel',
              maxlength: 40,
              required: true,
              hint: t.phoneHint,
              error: fieldErr ? o.errorText(err!) : null,
            })
      }
      ${fieldErr ? nothing : o.alert(err)}
      ${actions(button({ label: flow.busy ? t.sending : t.sendCode, kind: 'primary', action: `${o.id}-send`, busy: flow.busy }))}
    </form>`;
  }
  const otpErr = err === 'otp_format' || (err?.startsWith('verification_') ?? false);
  return html`<form
    class="proof"
    data-proof="code"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      void flow.confirm().then((proof) => (proof ? o.onProof(proof) : o.focus(`#${o.id}-otp`)));
    }}
  >
    <p id="${o.id}-sent">${t.codeSent(p.contactHint)}</p>
    ${textField({
      id: `${o.id}-otp`,
      label: t.otpLabel,
      value: flow.otp,
      onInput: (x) => (flow.otp = x),
      autocomplete: 'one-time-code',
      inputmode: 'numeric',
      maxlength: 8,
      required: true,
      hint: t.otpHint,
      error: otpErr ? o.errorText(err!) : null,
    })}
    ${otpErr ? nothing : o.alert(err)}
    ${flow.resent ? html`<p class="notice" role="status" tabindex="-1" id="${o.id}-resent">${t.resent(p.contactHint)}</p>` : nothing}
    ${actions(
      button({ label: flow.busy ? t.sending : t.confirm, kind: 'primary', action: `${o.id}-confirm`, busy: flow.busy }),
      button({
        label: t.resend,
        action: `${o.id}-resend`,
        busy: flow.busy,
        onClick: () => void flow.send().then((ok) => o.focus(ok ? `#${o.id}-resent` : `#${o.id}-otp`)),
      }),
      button({
        label: t.changeContact,
        action: `${o.id}-change`,
        onClick: () => {
          flow.change();
          o.focus(fieldOf(flow, o.id));
        },
      }),
    )}
  </form>`;
}
