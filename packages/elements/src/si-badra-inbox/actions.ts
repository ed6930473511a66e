/**
 * The actions section of `<si-badra-inbox>`'s detail view: the buttons the account may use on the
 * complaint, and the form each opens (reject with a reason, merge into a nearby complaint,
 * dispatch to an agency, answer with an "after" photo or resolve; the redaction editor comes from
 * the element). Also what those forms hold while open.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { REPLY_TEXT, canDo, type RejectReason, type StaffComplaintView } from '@mpp-kit/core';
import { actions, button } from '../shared/templates.js';
import { textField } from '../shared/field.js';
import { selectField, type InboxContext, type Panel } from './context.js';

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
