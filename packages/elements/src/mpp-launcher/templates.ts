import { html, nothing, type TemplateResult } from 'lit';
import type { LauncherMessages } from './message-types.js';

/**
 * The pieces of `<mpp-launcher>`'s view: its button (in place, floating, or none) and the modal
 * window around the widget (a native `<dialog>`: the page behind is inert, Escape closes it).
 */
export interface LauncherViewOptions {
  t: LauncherMessages;
  label: string;
  mode: 'inline' | 'floating' | 'none';
  onOpen(): void;
  onClose(): void;
  onClosed(): void;
  /** The focus reached a guard at the start or the end of the window: it wraps to the other end. */
  onGuard(at: 'start' | 'end'): void;
}

export const launcherView = (o: LauncherViewOptions): TemplateResult =>
  html`${
      o.mode === 'none'
        ? nothing
        : html`<button type="button" class="launcher ${o.mode}" part="launcher" aria-haspopup="dialog" @click=${o.onOpen}>
            ${o.label}
          </button>`
    }
    <dialog part="dialog" aria-label=${o.label} @close=${o.onClosed}>
      <span class="guard" tabindex="0" @focus=${() => o.onGuard('start')}></span>
      <div class="bar">
        <button type="button" class="close" part="close" data-action="close" autofocus @click=${o.onClose}>
          <span aria-hidden="true">×</span> ${o.t.close}
        </button>
      </div>
      <slot></slot>
      <span class="guard" tabindex="0" @focus=${() => o.onGuard('end')}></span>
    </dialog>`;
