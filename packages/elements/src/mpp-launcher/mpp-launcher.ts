import { MppElement } from '../shared/mpp-element.js';
import { tokens } from '../shared/theme.js';
import { MppLauncherToggledEvent } from './events.js';
import { LAUNCHER_MESSAGES, type LauncherMessages, type LauncherWidget } from './messages.js';
import { styles } from './mpp-launcher.styles.js';
import { launcherView } from './templates.js';

/** The widget tag each launcher opens. */
const TAGS: Record<LauncherWidget, string> = {
  booking: 'mpp-queue-booking',
  catalog: 'mpp-service-catalog',
  ticket: 'mpp-queue-ticket',
};
/** The attributes a launcher hands to its widget. */
const PASSED = ['api', 'service', 'agency', 'code', 'booking-url', 'ticket-url', 'theme', 'lang'] as const;

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The focusable elements under `root` in tab order of the DOM, looking into open shadow roots (the widget's). */
function focusables(root: Element | ShadowRoot, out: HTMLElement[] = []): HTMLElement[] {
  for (const el of root.children) {
    if (el instanceof HTMLElement && el.matches(FOCUSABLE) && !el.matches(':disabled') && el.getClientRects().length) out.push(el);
    if (el.shadowRoot) focusables(el.shadowRoot, out);
    focusables(el, out);
  }
  return out;
}

/** The element that has the focus, looking into open shadow roots. */
function deepActive(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

/**
 * @summary A widget in a window of its own: a button (in place or floating in the corner) that
 * opens the booking, the catalog or the ticket in a modal window. The CDN loader also makes one for
 * any element of the page with `data-mpp-open="booking"` (and `data-mpp-service`, `data-mpp-agency`,
 * `data-mpp-code`), and for the `mppKit('open', …)` command.
 *
 * The window is a native modal `<dialog>`: the page behind it is inert (the focus stays in the
 * window), Escape or "Tutup" closes it, and the focus returns to what opened it. The widget lives in
 * the launcher's light DOM, created when the window first opens, and keeps what was typed while the
 * window is closed and opened again; `reset()` starts it afresh.
 *
 * @tag mpp-launcher
 *
 * @attr widget - `booking` (default), `catalog` or `ticket`.
 * @attr mode - `inline` (default: the button where the tag is), `floating` (bottom right corner of the screen) or `none` (no button: opened by `open()`, a `data-mpp-open` element or `mppKit('open', …)`).
 * @attr label - The button's text (default "Ambil nomor antrean" / "Cari layanan" / "Lihat tiket antrean").
 * @attr api - Passed to the widget, as are `service`, `agency`, `code`, `booking-url`, `ticket-url`, `theme` and `lang`.
 *
 * @fires mpp-launcher-toggled - `{ widget, open }` when the window opens or closes.
 *
 * @csspart launcher - The button that opens the window.
 * @csspart dialog - The window.
 * @csspart close - The close button.
 *
 * @slot - The widget (created by the launcher; a page may put its own configured widget here instead).
 */
export class MppLauncher extends MppElement<LauncherMessages> {
  static override styles = [tokens, styles];
  // Declared without decorators: this chunk is what the popup adds to a page, and the decorator
  // helper alone is about 80 B of it.
  static override properties = { widget: {}, mode: { reflect: true }, label: {} };
  protected readonly messages = LAUNCHER_MESSAGES;

  widget: LauncherWidget = 'booking';
  mode: 'inline' | 'floating' | 'none' = 'inline';
  label: string | null = null;

  /** Whether the window is open (not rendered: the `<dialog>` holds that state). */
  #opened = false;
  #opener: HTMLElement | null = null;

  /** The widget in the window, if it exists yet. */
  get content(): HTMLElement | null {
    return [...this.children].find((c): c is HTMLElement => c instanceof HTMLElement && c.localName.startsWith('mpp-')) ?? null;
  }

  get isOpen(): boolean {
    return this.#opened;
  }

  /** Opens the window (creating the widget the first time); the focus returns to `opener` (default: what has it now) on close. */
  async open(opener: HTMLElement | null = deepActive()): Promise<void> {
    if (!this.content) this.append(this.#create());
    this.#opener = opener;
    this.#opened = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    this.dispatchEvent(new MppLauncherToggledEvent({ widget: this.widget, open: true }));
  }

  /** Closes the window; the widget keeps its state. */
  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** Starts the widget afresh (a new booking, an empty search). */
  reset(): void {
    this.content?.remove();
    if (this.#opened) this.append(this.#create());
  }

  #create(): HTMLElement {
    const el = document.createElement(TAGS[this.widget] ?? TAGS.booking);
    for (const name of PASSED) {
      const v = this.getAttribute(name);
      if (v !== null) el.setAttribute(name, v);
    }
    return el;
  }

  readonly #onClosed = () => {
    if (!this.#opened) return;
    this.#opened = false;
    const back = this.#opener;
    this.#opener = null;
    if (back?.isConnected) back.focus();
    this.dispatchEvent(new MppLauncherToggledEvent({ widget: this.widget, open: false }));
  };

  /** Keeps Tab in the window (a modal dialog alone lets it leave to the browser's own controls). */
  readonly #onGuard = (at: 'start' | 'end') => {
    const close = this.renderRoot.querySelector<HTMLElement>('[part="close"]');
    if (at === 'end') return close?.focus();
    const c = this.content;
    const inside = c ? focusables(c.shadowRoot ?? c) : [];
    (inside.at(-1) ?? close)?.focus();
  };

  protected renderView() {
    const t = this.t;
    return launcherView({
      t,
      label: this.label ?? t.open[this.widget] ?? t.open.booking,
      mode: this.mode,
      onOpen: () => void this.open(),
      onClose: () => this.close(),
      onClosed: this.#onClosed,
      onGuard: this.#onGuard,
    });
  }
}
