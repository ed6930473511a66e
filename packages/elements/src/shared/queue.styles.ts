import { css } from 'lit';

/** What `<mpp-queue-booking>` and `<mpp-queue-ticket>` draw alike (on top of the shared components). */
export const queueStyles = css`
  .root {
    overflow-wrap: anywhere;
  }
  h4 {
    line-height: 1.25;
    font-size: var(--_base);
    margin: var(--_base) 0 calc(0.5 * var(--_base));
  }
  h2:focus,
  h3:focus,
  h4:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible,
  h4:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: calc(0.9 * var(--_base));
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .context {
    color: var(--_muted);
  }
  .context strong {
    color: var(--_text);
  }
  .status:empty {
    margin: 0;
  }
  .banner p:last-child,
  .banner ul:last-child {
    margin-bottom: 0;
  }
  .mono {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.03em;
    white-space: nowrap;
  }
  .btn[aria-disabled='true'] {
    cursor: progress;
  }
`;
