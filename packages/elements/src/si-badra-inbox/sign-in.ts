/**
 * The sign-in form of `<si-badra-inbox>` and the signed-in account line with "sign out".
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StaffAccountView } from '@mpp-kit/core';
import { actions, button } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import type { InboxContext } from './context.js';

export interface SignInState {
  email: string;
  password: string;
  error: string | null;
  busy: boolean;
  /** Said above the form (the session that ended), or null. */
  note: string | null;
}

export interface SignInHandlers {
  email(v: string): void;
  password(v: string): void;
  submit(e: Event): void;
}

export function signInForm({ t, alert }: InboxContext, s: SignInState, on: SignInHandlers): TemplateResult {
  return html`${s.note ? html`<p class="notice" role="status">${s.note}</p>` : nothing}
    <p>${t.signInIntro}</p>
    <form class="sign-in" novalidate @submit=${on.submit}>
      ${textField({
        id: 'email',
        label: t.email,
        type: 'email',
        value: s.email,
        onInput: on.email,
        autocomplete: 'username',
        inputmode: 'email',
        maxlength: 254,
        required: true,
        invalid: !!s.error,
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
          aria-invalid=${s.error ? 'true' : 'false'}
          .value=${s.password}
          @input=${(e: Event) => on.password((e.target as HTMLInputElement).value)}
        />
      </div>
      ${alert(s.error)} ${actions(button({ label: s.busy ? t.signingIn : t.signIn, kind: 'primary', action: 'sign-in', busy: s.busy }))}
    </form>`;
}

/** Who is signed in (name, role, agency) and the sign-out button. */
export function accountLine({ t }: InboxContext, a: StaffAccountView, agencyName: string | null, onSignOut: () => void): TemplateResult {
  return html`<div class="account" part="account">
    <p data-field="account">${t.account(a.name, t.roles[a.role], agencyName)}</p>
    ${button({ label: t.signOut, action: 'sign-out', onClick: onSignOut })}
  </div>`;
}
