import { css } from 'lit';

export const styles = css`
  .root {
    /* No frame of its own by default: host pages put widgets in their own cards. */
    border: 1px solid var(--si-badra-report-border-color, transparent);
  }
  p {
    margin: 0 0 calc(0.5 * var(--_base));
  }
  .step-of {
    color: var(--_muted);
    margin: 0;
  }
  textarea {
    min-height: calc(8 * var(--_base));
    color: var(--_text);
    font: inherit;
  }
  .counter {
    color: var(--_muted);
    text-align: end;
  }
  video {
    display: block;
    width: 100%;
    max-height: 60vh;
    background: #000;
    border-radius: var(--_radius);
    margin-bottom: calc(0.5 * var(--_base));
  }
  .photos li {
    display: flex;
    flex-direction: column;
    gap: calc(0.25 * var(--_base));
  }
  .photos img {
    width: calc(7 * var(--_base));
    max-width: none;
  }
  input[type='file'] {
    max-width: 100%;
  }
  .review-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .code {
    font-size: 1.5em;
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }
  .field-error {
    color: var(--_danger);
  }
`;
