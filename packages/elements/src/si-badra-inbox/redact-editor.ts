/**
 * The redaction editor of `<si-badra-inbox>`: a controller holding the photo chosen and the boxes
 * drawn on it (by pointer drag, or added and moved with the keyboard), and the editor's template:
 * the photo choice, the stage with its boxes, the boxes in words, add / remove, send / cancel.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { StaffComplaintView } from '@mpp-kit/core';
import { actions, button, statusLine } from '../shared/templates.js';
import type { InboxContext } from './context.js';
import { boxFromCorners, clampBox, MIN_BOX, nudge, type RedactBox } from './redact.js';

/** The photo being redacted and its boxes; the host re-renders on each change. */
export class RedactEditor {
  /** The photo chosen, or null. */
  photoId: string | null = null;
  boxes: readonly RedactBox[] = [];
  /** The box the keyboard moves (-1: none). */
  active = -1;
  /** The box being dragged out, or null. */
  draft: RedactBox | null = null;
  #drag: { x: number; y: number; id: number } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Moves the focus to a selector of the host's shadow root after the next render. */
    private readonly focus: (selector: string) => void,
  ) {}

  /** Starts over on `photoId` (or none) with no boxes. */
  choose(photoId: string | null): void {
    this.photoId = photoId;
    this.boxes = [];
    this.active = -1;
    this.host.requestUpdate();
  }

  /** Forgets the boxes (the form closed). */
  clear(): void {
    this.boxes = [];
    this.active = -1;
    this.draft = null;
    this.host.requestUpdate();
  }

  add(): void {
    this.boxes = [...this.boxes, clampBox({ x: 0.4, y: 0.4, w: 0.2, h: 0.2 })];
    this.active = this.boxes.length - 1;
    this.focus(`[data-box="${this.active}"]`);
    this.host.requestUpdate();
  }

  remove(i: number): void {
    this.boxes = this.boxes.filter((_, j) => j !== i);
    this.active = Math.min(i, this.boxes.length - 1);
    this.focus(this.active >= 0 ? `[data-box="${this.active}"]` : '[data-action="add-box"]');
    this.host.requestUpdate();
  }

  #select(i: number): void {
    this.active = i;
    this.host.requestUpdate();
  }

  #onBoxKey(e: KeyboardEvent, i: number): void {
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.remove(i);
      return;
    }
    const moved = nudge(this.boxes[i]!, e.key, e.shiftKey);
    if (!moved) return;
    e.preventDefault();
    this.active = i;
    this.boxes = this.boxes.map((b, j) => (j === i ? moved : b));
    this.host.requestUpdate();
  }

  #point(e: PointerEvent): { x: number; y: number } {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  }

  #onDown = (e: PointerEvent) => {
    if (e.button !== 0 || (e.target as HTMLElement).classList.contains('box')) return;
    e.preventDefault();
    const p = this.#point(e);
    this.#drag = { ...p, id: e.pointerId };
    try {
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser does not track (a synthetic one): the drag works without capture.
    }
    this.draft = { x: p.x, y: p.y, w: 0, h: 0 };
    this.host.requestUpdate();
  };

  #onMove = (e: PointerEvent) => {
    const d = this.#drag;
    if (!d || d.id !== e.pointerId) return;
    const p = this.#point(e);
    this.draft = { x: Math.min(d.x, p.x), y: Math.min(d.y, p.y), w: Math.abs(p.x - d.x), h: Math.abs(p.y - d.y) };
    this.host.requestUpdate();
  };

  #onUp = (e: PointerEvent) => {
    const d = this.#drag;
    if (!d || d.id !== e.pointerId) return;
    this.#drag = null;
    this.draft = null;
    this.host.requestUpdate();
    const p = this.#point(e);
    if (Math.abs(p.x - d.x) < MIN_BOX && Math.abs(p.y - d.y) < MIN_BOX) return;
    this.boxes = [...this.boxes, boxFromCorners(d.x, d.y, p.x, p.y)];
    this.active = this.boxes.length - 1;
  };

  #onCancel = () => {
    this.#drag = null;
    this.draft = null;
    this.host.requestUpdate();
  };

  /** The editor for `d`'s photos (`urls`: the originals' object URLs), inside the action form. */
  render(
    { t }: InboxContext,
    d: StaffComplaintView,
    urls: ReadonlyMap<string, string>,
    busy: boolean,
    onCancel: () => void,
  ): TemplateResult {
    const id = this.photoId;
    const url = id ? urls.get(id) : null;
    const pct = (v: number) => Math.round(v * 100);
    const style = (b: RedactBox) =>
      styleMap({ left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%` });
    return html`<p class="hint">${t.redactIntro}</p>
      ${
        d.staffPhotos.length > 1
          ? html`<fieldset class="choices">
              <legend>${t.photos}</legend>
              ${d.staffPhotos.map(
                (p, i) =>
                  html`<label
                    ><input type="radio" name="redact-photo" .checked=${p.id === id} @change=${() => this.choose(p.id)} />
                    ${t.redactPhoto(i + 1)} (${t.photoRole[p.role]})</label
                  >`,
              )}
            </fieldset>`
          : nothing
      }
      ${
        url
          ? html`<div
              class="stage"
              part="stage"
              @pointerdown=${this.#onDown}
              @pointermove=${this.#onMove}
              @pointerup=${this.#onUp}
              @pointercancel=${this.#onCancel}
            >
              <img src=${url} alt=${t.redactStage} draggable="false" />
              ${this.boxes.map(
                (b, i) =>
                  html`<button
                    type="button"
                    class="box ${i === this.active ? 'active' : ''}"
                    data-box=${i}
                    style=${style(b)}
                    aria-label=${t.redactBox(i + 1, pct(b.x), pct(b.y), pct(b.w), pct(b.h))}
                    aria-pressed=${i === this.active ? 'true' : 'false'}
                    @click=${() => this.#select(i)}
                    @keydown=${(e: KeyboardEvent) => this.#onBoxKey(e, i)}
                  ></button>`,
              )}
              ${this.draft ? html`<span class="box draft" style=${style(this.draft)}></span>` : nothing}
            </div>`
          : statusLine(t.photoLoading)
      }
      <p class="status" role="status" id="box-count">
        ${this.boxes.length ? this.boxes.map((b, i) => t.redactBox(i + 1, pct(b.x), pct(b.y), pct(b.w), pct(b.h))).join('; ') : t.redactNone}
      </p>
      ${actions(
        button({ label: t.redactAdd, action: 'add-box', onClick: () => this.add(), disabled: !url }),
        this.active >= 0 ? button({ label: t.redactRemove, action: 'remove-box', onClick: () => this.remove(this.active) }) : nothing,
      )}
      ${actions(
        button({
          label: busy ? t.sending : t.redactSubmit,
          kind: 'primary',
          action: 'redact-submit',
          busy,
          disabled: !this.boxes.length,
        }),
        button({ label: t.cancel, action: 'cancel', onClick: onCancel }),
      )}`;
  }
}
