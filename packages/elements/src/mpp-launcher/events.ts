/**
 * Events of `<mpp-launcher>`. Like every mpp-kit event they bubble, cross shadow roots
 * (`composed`), are named `mpp-*` in the past tense, and never carry personal data.
 */
import type { LauncherWidget } from './message-types.js';

/** The launcher's window opened (`open: true`) or closed (by Escape, the close button or `close()`). */
export class MppLauncherToggledEvent extends Event {
  static readonly type = 'mpp-launcher-toggled';
  constructor(readonly detail: { widget: LauncherWidget; open: boolean }) {
    super(MppLauncherToggledEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mpp-launcher-toggled': MppLauncherToggledEvent;
  }
}
