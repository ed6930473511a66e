import { html, nothing, type TemplateResult } from 'lit';

/**
 * One labelled text input with its hint, error and warning, wired for assistive technology
 * (`aria-invalid`, `aria-describedby` naming the hint and the message shown). Shared by the forms
 * of every widget (booking identity, ticket code and phone), so they look and behave alike.
 */
export interface TextFieldOptions {
  /** The input's id. */
  id: string;
  /** Base of the message ids: `<key>-hint`, `<key>-error`, `<key>-warning` (default the id). */
  key?: string;
  label: string | TemplateResult;
  value: string;
  onInput: (value: string) => void;
  type?: string;
  name?: string;
  autocomplete: string;
  inputmode?: string;
  autocapitalize?: string;
  maxlength: number;
  /** Rendered as `required` / `aria-required`; omitted when undefined. */
  required?: boolean;
  hint?: string;
  /** The error message shown under the input (the field is then invalid). */
  error?: string | null;
  /** Invalid with its message shown elsewhere (e.g. in a banner above). */
  invalid?: boolean;
  /** `part` of the error line (`field-error` by default). */
  errorPart?: string;
  /** A hint that does not block, shown when there is no error. */
  warning?: string | null;
}

export function textField(o: TextFieldOptions): TemplateResult {
  const warning = !o.error && o.warning;
  const k = o.key ?? o.id;
  const ids = [o.hint && `${k}-hint`, o.error && `${k}-error`, warning && `${k}-warning`].filter(Boolean).join(' ');
  return html`<div class="field ${o.error ? 'invalid' : ''}">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p class="hint" id="${k}-hint">${o.hint}</p>` : nothing}
    <input
      id=${o.id}
      name=${o.name ?? nothing}
      part="input"
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete}
      inputmode=${o.inputmode ?? nothing}
      autocapitalize=${o.autocapitalize ?? nothing}
      maxlength=${o.maxlength}
      spellcheck="false"
      ?required=${!!o.required}
      aria-required=${o.required === undefined ? nothing : String(o.required)}
      aria-invalid=${o.error || o.invalid ? 'true' : 'false'}
      aria-describedby=${ids || nothing}
      .value=${o.value}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
    ${o.error ? html`<p class="field-error" part=${o.errorPart ?? 'field-error'} id="${k}-error"><span aria-hidden="true">⚠</span> ${o.error}</p>` : nothing}
    ${warning ? html`<p class="hint warning" id="${k}-warning">ℹ ${warning}</p>` : nothing}
  </div>`;
}

/** An error banner (`role="alert"`) with an optional "try again" button. */
export function alertBanner(message: string, retry?: { label: string; run: () => void }): TemplateResult {
  return html`<div class="banner error" role="alert" part="alert">
    <p><span aria-hidden="true">⚠</span> ${message}</p>
    ${retry ? html`<button type="button" class="btn" part="button" data-action="retry" @click=${retry.run}>${retry.label}</button>` : nothing}
  </div>`;
}
