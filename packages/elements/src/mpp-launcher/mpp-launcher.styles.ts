import { css } from 'lit';

export const styles = css`
  /* The host is only the button's place: no card of its own (the widget inside has one). */
  :host {
    display: inline-block;
    background: transparent;
    container-type: normal;
  }
  :host([mode='none']) {
    display: contents;
  }
  /* Host-proof like the widgets' frame: nothing of the page's text styles comes through the tag. */
  .launcher {
    all: initial;
    display: inline-block;
    box-sizing: border-box;
    padding: 10px 18px;
    border: 0;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .launcher,
  .close {
    font-family: var(--_font);
    font-size: var(--mpp-font-size, 16px);
    line-height: 1.25;
    min-height: 44px;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .launcher:focus-visible,
  .close:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .launcher.floating {
    position: fixed;
    right: 16px;
    bottom: 16px;
    z-index: 2147483000;
    border-radius: 999px;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.3);
  }
  dialog {
    font-family: var(--_font);
    font-size: var(--mpp-font-size, 16px);
    line-height: 1.5;
    letter-spacing: normal;
    text-transform: none;
    box-sizing: border-box;
    width: min(640px, calc(100vw - 16px));
    max-height: calc(100dvh - 16px);
    margin: auto;
    padding: 0 0 8px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    overflow: auto;
  }
  .guard {
    display: block;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
    padding: 4px;
    background: inherit;
  }
  .close {
    padding: 8px 14px;
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
  }
`;
