/**
 * The actions on the complaint open in `<si-badra-inbox>`: a controller holding the form open
 * (reject with a reason, merge into a nearby complaint, dispatch to an agency, answer with an
 * "after" photo or resolve, redact a photo), what it holds, and sending it; and the section's
 * template: the buttons the account may use and the form each opens.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  REPLY_TEXT,
  canDo,
  isTrackingCode,
  normalizeTrackingCode,
  type ComplaintView,
  type ComplaintsApi,
  type RejectReason,
  type StaffAccountView,
  type StaffComplaintView,
  type StaffComplaintsApi,
} from '@mpp-kit/core';
import { actions, button } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import { allowedActions, selectField, type InboxContext, type Panel } from './context.js';
import type { InboxAction } from './events.js';
import type { OriginalPhotos } from './photos.js';
import { compressPhoto } from '../shared/photo.js';
import { pixelate } from './redact.js';
import { RedactEditor } from './redact-editor.js';

const REASONS: readonly RejectReason[] = ['hoax', 'duplicate', 'out_of_scope', 'incomplete'];

/** What the action forms hold while open. */
export interface PanelForm {
  reason: RejectReason;
  note: string;
  /** The nearby complaint chosen to merge into. */
  mergeInto: string;
  /** A tracking code typed to merge into (wins over the choice). */
  mergeCode: string;
  dispatchTo: string;
  answerText: string;
  answerFile: File | null;
}

export const EMPTY_FORM: PanelForm = {
  reason: 'hoax',
  note: '',
  mergeInto: '',
  mergeCode: '',
  dispatchTo: '',
  answerText: '',
  answerFile: null,
};

export interface ActionsState {
  allowed: Record<'verify' | Panel, boolean>;
  panel: Panel | null;
  busy: boolean;
  error: string | null;
  form: PanelForm;
  agencies: ReadonlyArray<{ id: string; name: string }>;
}

export interface ActionsHandlers {
  verify(): void;
  /** Opens the panel, or closes it when it is open. */
  toggle(panel: Panel): void;
  cancel(): void;
  edit(patch: Partial<PanelForm>): void;
  reject(e: Event): void;
  merge(e: Event): void;
  dispatch(e: Event): void;
  answer(resolve: boolean): void;
  redact(e: Event): void;
}

/** What the action forms need of the element. */
export interface ActionFormsOptions {
  /** The complaint open, or null. */
  complaint(): StaffComplaintView | null;
  account(): StaffAccountView | null;
  staff(): StaffComplaintsApi;
  /** The public API that uploads the "after" photo (filed as an answer's). */
  uploads(): ComplaintsApi;
  photos: OriginalPhotos;
  focus(selector: string): void;
  /** The stable code of an error. */
  code(e: unknown): string;
  /** A form's error is shown (`mpp-error`). */
  failed(code: string): void;
  /** An action succeeded: `view` is the complaint as the server now has it (when it said). */
  sent(action: InboxAction, trackingCode: string, view: ComplaintView | null): Promise<void>;
}

/** The form open under the complaint, what it holds, and sending it; the host re-renders on each change. */
export class ActionForms {
  panel: Panel | null = null;
  busy = false;
  error: string | null = null;
  /** The action that just succeeded, or null. */
  done: InboxAction | null = null;
  form: PanelForm = EMPTY_FORM;
  readonly redact: RedactEditor;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: ActionFormsOptions,
  ) {
    this.redact = new RedactEditor(host, o.focus);
  }

  #set(patch: Partial<Pick<ActionForms, 'panel' | 'busy' | 'error' | 'done' | 'form'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  #edit(patch: Partial<PanelForm>): void {
    this.#set({ form: { ...this.form, ...patch } });
  }

  #fail(code: string, focus: string): void {
    this.#set({ error: code });
    this.o.failed(code);
    this.o.focus(focus);
  }

  /** A complaint (re)loaded: dispatch goes to its agency unless changed. */
  loaded(d: StaffComplaintView): void {
    this.#edit({ dispatchTo: d.agencyId });
  }

  open(panel: Panel): void {
    const d = this.o.complaint();
    if (!d || !allowedActions(this.o.account(), d)[panel]) return;
    this.#set({ panel, error: null, done: null });
    this.#edit({ note: '' });
    if (panel === 'redact') this.redact.choose((d.staffPhotos.find((p) => p.role === 'report') ?? d.staffPhotos[0])?.id ?? null);
    if (panel === 'merge')
      this.#edit({ mergeInto: d.nearby.find((n) => n.trackingCode !== d.trackingCode)?.trackingCode ?? '', mergeCode: '' });
    this.o.focus('#panel-title');
  }

  close(): void {
    this.#set({ panel: null, error: null });
    this.redact.clear();
    this.#edit({ answerFile: null, answerText: '' });
  }

  /** Closes the form and puts the focus back on its button. */
  cancel(): void {
    const p = this.panel;
    this.close();
    if (p) this.o.focus(`[data-action="${p}"]`);
  }

  async #run(action: InboxAction, send: (code: string) => Promise<unknown>): Promise<void> {
    const d = this.o.complaint();
    if (!d || this.busy) return;
    this.#set({ busy: true, error: null });
    let result: unknown;
    try {
      result = await send(d.trackingCode);
    } catch (e) {
      // The form stays open with what was typed: the staff member corrects it or tries again.
      this.#set({ busy: false });
      this.#fail(this.o.code(e), '#action-error');
      return;
    }
    this.#set({ busy: false });
    this.close();
    this.#set({ done: action });
    this.o.focus('#done');
    const view = result && typeof result === 'object' && 'status' in result ? (result as ComplaintView) : null;
    await this.o.sent(action, d.trackingCode, view);
  }

  verify(): Promise<void> {
    return this.#run('verify', (c) => this.o.staff().verify(c));
  }

  #note(): string | null {
    return this.form.note.trim() || null;
  }

  #reject = (e: Event) => {
    e.preventDefault();
    void this.#run('reject', (c) => this.o.staff().reject(c, { reason: this.form.reason, note: this.#note() }));
  };

  #merge = (e: Event) => {
    e.preventDefault();
    const typed = normalizeTrackingCode(this.form.mergeCode);
    const into = typed || this.form.mergeInto;
    if (!isTrackingCode(into)) {
      this.#fail('merge_code', '#merge-code');
      return;
    }
    void this.#run('merge', (c) => this.o.staff().merge(c, { into, note: this.#note() }));
  };

  #dispatch = (e: Event) => {
    e.preventDefault();
    const agencyId = this.form.dispatchTo || undefined;
    void this.#run('dispatch', (c) => this.o.staff().dispatch(c, { agencyId, note: this.#note() }));
  };

  #answer(resolve: boolean): void {
    const text = this.form.answerText.trim();
    if (text.length < REPLY_TEXT.min) {
      this.#fail('answer_too_short', '#answer-text');
      return;
    }
    const file = this.form.answerFile;
    void this.#run(resolve ? 'resolve' : 'answer', async (c) => {
      const photoIds: string[] = [];
      if (file) {
        // The "after" photo goes the way every Si Badra photo goes: shrunk and re-encoded here
        // (metadata dropped; a file the browser cannot decode goes as it is, for the server to
        // judge), then uploaded with a capture token, filed as an answer's photo.
        const blob = await compressPhoto(file).then(
          (p) => p.blob,
          () => file,
        );
        const uploads = this.o.uploads();
        const { token } = await uploads.captureToken();
        photoIds.push((await uploads.uploadPhoto(token, blob, { role: 'answer' })).id);
      }
      return this.o.staff().answer(c, { text, photoIds, resolve });
    });
  }

  #sendRedacted = async (e: Event) => {
    e.preventDefault();
    const id = this.redact.photoId;
    const blob = id ? this.o.photos.blob(id) : null;
    const boxes = this.redact.boxes;
    if (!id || !blob || !boxes.length) return;
    await this.#run('redact', async (c) => this.o.staff().redactPhoto(c, id, await pixelate(blob, boxes)));
  };

  /** The actions section for `d`, with the agencies a dispatch may go to. */
  render(ctx: InboxContext, d: StaffComplaintView, agencies: ReadonlyArray<{ id: string; name: string }>): TemplateResult {
    const s = {
      allowed: allowedActions(this.o.account(), d),
      panel: this.panel,
      busy: this.busy,
      error: this.error,
      form: this.form,
      agencies,
    };
    const on: ActionsHandlers = {
      verify: () => void this.verify(),
      toggle: (p) => (this.panel === p ? this.close() : this.open(p)),
      cancel: () => this.cancel(),
      edit: (patch) => this.#edit(patch),
      reject: this.#reject,
      merge: this.#merge,
      dispatch: this.#dispatch,
      answer: (resolve) => this.#answer(resolve),
      redact: (e) => void this.#sendRedacted(e),
    };
    return actionsSection(ctx, d, s, on, () => this.redact.render(ctx, d, this.o.photos.urls, this.busy, () => this.cancel()));
  }
}

export function actionsSection(
  ctx: InboxContext,
  d: StaffComplaintView,
  s: ActionsState,
  on: ActionsHandlers,
  redactEditor: () => TemplateResult,
): TemplateResult {
  const t = ctx.t;
  const a = s.allowed;
  const any = Object.values(a).some(Boolean);
  const panelButton = (panel: Panel, label: string, kind?: 'danger-outline') =>
    html`<button
      type="button"
      class="btn ${kind ? `btn-${kind}` : ''}"
      part=${kind ? 'danger-button' : 'button'}
      data-action=${panel}
      aria-expanded=${s.panel === panel ? 'true' : 'false'}
      aria-controls="panel"
      @click=${() => on.toggle(panel)}
    >
      ${label}
    </button>`;
  return html`<h3 id="actions-title">${t.actions}</h3>
    ${
      any
        ? html`<div class="actions" role="group" aria-labelledby="actions-title">
            ${
              a.verify
                ? button({
                    label: s.busy && !s.panel ? t.sending : t.verify,
                    kind: 'primary',
                    action: 'verify',
                    busy: s.busy,
                    onClick: on.verify,
                  })
                : nothing
            }
            ${a.dispatch ? panelButton('dispatch', t.dispatch) : nothing} ${a.answer ? panelButton('answer', t.answer) : nothing}
            ${a.reject ? panelButton('reject', t.reject, 'danger-outline') : nothing} ${a.merge ? panelButton('merge', t.merge) : nothing}
            ${a.redact ? panelButton('redact', t.redact) : nothing}
          </div>`
        : html`<p class="status">${t.noActions}</p>`
    }
    ${s.panel ? panelForm(ctx, d, s.panel, s, on, redactEditor) : actionAlert(ctx, s.error)}`;
}

const actionAlert = (ctx: InboxContext, error: string | null) =>
  error ? html`<div id="action-error" tabindex="-1">${ctx.alert(error)}</div>` : nothing;

function panelForm(
  ctx: InboxContext,
  d: StaffComplaintView,
  panel: Panel,
  s: ActionsState,
  on: ActionsHandlers,
  redactEditor: () => TemplateResult,
): TemplateResult {
  const t = ctx.t;
  const form = s.form;
  const titles: Record<Panel, string> = {
    reject: t.reject,
    merge: t.mergeTitle,
    dispatch: t.dispatchTitle,
    answer: t.answerTitle,
    redact: t.redactTitle,
  };
  const noteField = html`<div class="field">
    <label for="note">${t.note}</label>
    <p class="hint" id="note-hint">${t.noteHint}</p>
    <textarea
      id="note"
      part="input"
      rows="3"
      maxlength="1000"
      aria-describedby="note-hint"
      .value=${form.note}
      @input=${(e: Event) => on.edit({ note: (e.target as HTMLTextAreaElement).value })}
    ></textarea>
  </div>`;
  const cancel = button({ label: t.cancel, action: 'cancel', onClick: on.cancel });
  const submitRow = (label: string, action: string, kind: 'primary' | 'danger' = 'primary', extra: unknown = nothing) =>
    actions(button({ label: s.busy ? t.sending : label, kind, action, busy: s.busy }), extra, cancel);
  let body: TemplateResult;
  let submit: (e: Event) => void;
  switch (panel) {
    case 'reject':
      submit = on.reject;
      body = html`<fieldset class="choices">
          <legend>${t.reason}</legend>
          ${REASONS.map(
            (r) =>
              html`<label
                ><input type="radio" name="reason" value=${r} .checked=${form.reason === r} @change=${() => on.edit({ reason: r })} />
                ${t.rejectReasons[r]}</label
              >`,
          )}
        </fieldset>
        ${noteField} ${submitRow(t.rejectSubmit, 'reject-submit', 'danger')}`;
      break;
    case 'merge': {
      submit = on.merge;
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
                        .checked=${form.mergeInto === n.trackingCode && !form.mergeCode}
                        @change=${() => on.edit({ mergeInto: n.trackingCode, mergeCode: '' })}
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
          value: form.mergeCode,
          onInput: (v) => on.edit({ mergeCode: v }),
          autocomplete: 'off',
          autocapitalize: 'characters',
          maxlength: 20,
          hint: t.mergeCodeHint,
          invalid: s.error === 'merge_code',
        })}
        ${noteField} ${submitRow(t.mergeSubmit, 'merge-submit')}`;
      break;
    }
    case 'dispatch': {
      submit = on.dispatch;
      const others = s.agencies.filter((a) => a.id !== d.agencyId);
      body = html`${selectField(
        'dispatch-agency',
        t.dispatchAgency,
        form.dispatchTo,
        [[d.agencyId, t.dispatchDefault(d.agencyName)], ...others.map((a) => [a.id, a.name] as const)],
        (v) => on.edit({ dispatchTo: v }),
      )}
      ${noteField}
      ${
        d.contactVerified
          ? submitRow(t.dispatchSubmit, 'dispatch-submit')
          : html`<p class="notice" data-field="needs-contact">${t.dispatchNeedsContact}</p>
              ${actions(cancel)}`
      }`;
      break;
    }
    case 'answer': {
      submit = (e) => {
        e.preventDefault();
        on.answer(false);
      };
      const tooShort = s.error === 'answer_too_short';
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
            .value=${form.answerText}
            @input=${(e: Event) => on.edit({ answerText: (e.target as HTMLTextAreaElement).value })}
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
            @change=${(e: Event) => on.edit({ answerFile: (e.target as HTMLInputElement).files?.[0] ?? null })}
          />
        </div>
        ${submitRow(
          t.answerSubmit,
          'answer-submit',
          'primary',
          canDo('resolve', d.status)
            ? button({ label: t.resolveSubmit, action: 'resolve-submit', busy: s.busy, onClick: () => on.answer(true) })
            : nothing,
        )}`;
      break;
    }
    case 'redact':
      submit = on.redact;
      body = redactEditor();
      break;
  }
  return html`<form id="panel" class="panel" part="panel" novalidate aria-labelledby="panel-title" @submit=${submit}>
    <h4 id="panel-title" tabindex="-1">${titles[panel]}</h4>
    ${actionAlert(ctx, s.error)} ${body}
  </form>`;
}
