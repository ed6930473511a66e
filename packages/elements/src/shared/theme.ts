import { css } from 'lit';

/**
 * Design tokens shared by every widget, and the base that keeps the host page's CSS out.
 * Webmasters set the public `--mpp-*` properties on the page (or on the element); the private
 * `--_*` ones carry the fallbacks. The base class sets `data-scheme="dark"` for `theme="dark"`, or
 * for `theme="auto"` on a dark host page (never for the phone's setting alone), and that switches
 * the surface colours.
 *
 * Host-proof: a page's rules reach a widget only through its tag (they match the host element and
 * its inherited properties flow into the shadow tree), and a page's rule on the tag beats `:host`.
 * So `:host` holds only what must be on the host (the tokens, `display`, the container, the surface
 * colour behind the frame's corners), and the inner frame (`.root`, the `base` part, which holds
 * everything the widget draws) starts with `all: initial`, dropping every inherited value (a theme's `html { font-size: 62.5% }`,
 * `* { line-height: 3 !important; font-family: … !important; letter-spacing: … }`, colours,
 * `text-transform`, `white-space`…), then sets its own font, size (px, from `--mpp-font-size`),
 * line height, colours and box sizing. Every size below is relative to `--_base` (`calc()`), never
 * `rem`; container breakpoints are in px. Shadow-internal rules always beat inherited values, so
 * nothing from the page needs `!important` here.
 */
export const tokens = css`
  :host {
    --_base: var(--mpp-font-size, 16px);
    --_primary: var(--mpp-color-primary, #0b57d0);
    --_on-primary: var(--mpp-color-on-primary, #ffffff);
    --_surface: var(--mpp-color-surface, #ffffff);
    --_surface-2: var(--mpp-color-surface-2, #f1f4f9);
    --_text: var(--mpp-color-text, #1b1c1f);
    --_muted: var(--mpp-color-muted, #4a4f57);
    --_border: var(--mpp-color-border, #8a9099);
    --_danger: var(--mpp-color-danger, #b3261e);
    --_focus: var(--mpp-color-focus, #0b57d0);
    --_radius: var(--mpp-radius, 8px);
    --_font: var(--mpp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_space: var(--mpp-space, var(--_base));
    --_scheme: light;
    display: block;
    container-type: inline-size;
    color-scheme: light;
    /* The surface also behind the frame's corners (and for a page that reads the widget's colours). */
    background: var(--_surface);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  :host([data-scheme='dark']) {
    --_scheme: dark;
    color-scheme: dark;
    --_primary: var(--mpp-color-primary-dark, #a8c7fa);
    --_on-primary: var(--mpp-color-on-primary-dark, #062e6f);
    --_surface: var(--mpp-color-surface-dark, #1b1c1f);
    --_surface-2: var(--mpp-color-surface-2-dark, #2b2e33);
    --_text: var(--mpp-color-text-dark, #e3e3e6);
    --_muted: var(--mpp-color-muted-dark, #c4c7cc);
    --_border: var(--mpp-color-border-dark, #8e9299);
    --_danger: var(--mpp-color-danger-dark, #f2b8b5);
    --_focus: var(--mpp-color-focus-dark, #a8c7fa);
  }
  .root {
    all: initial;
    display: block;
    box-sizing: border-box;
    color-scheme: var(--_scheme);
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--_font);
    font-size: var(--_base);
    line-height: 1.5;
    overflow-wrap: break-word;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .btn {
    min-height: 44px;
    min-width: 44px;
    padding: calc(0.5 * var(--_base)) var(--_base);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    cursor: pointer;
  }
  .btn-primary {
    background: var(--_primary);
    color: var(--_on-primary);
    border-color: var(--_primary);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
