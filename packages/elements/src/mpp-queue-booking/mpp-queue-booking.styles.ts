import { css } from 'lit';

export const styles = css`
  .root {
    border: 1px solid var(--mpp-booking-border-color, transparent);
  }
  h3 {
    font-size: calc(1.1 * var(--_base));
    margin-top: calc(0.5 * var(--_base));
  }
  p {
    margin: 0 0 calc(0.75 * var(--_base));
  }
  ol.steps {
    list-style: none;
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: calc(0.25 * var(--_base));
    padding: 0;
    margin: 0 0 calc(0.25 * var(--_base));
    counter-reset: none;
  }
  .step-btn {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(0.15 * var(--_base));
    width: 100%;
    min-height: 44px;
    padding: calc(0.25 * var(--_base)) 0;
    border: 0;
    background: none;
    font-size: calc(0.8 * var(--_base));
    text-align: center;
    color: var(--_muted);
  }
  button.step-btn {
    cursor: pointer;
    border-radius: var(--_radius);
  }
  button.step-btn:hover .label {
    text-decoration: underline;
  }
  .num {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: calc(1.9 * var(--_base));
    height: calc(1.9 * var(--_base));
    border-radius: 50%;
    border: 2px solid var(--_border);
    background: var(--_surface);
    font-weight: 600;
  }
  li.current .step-btn {
    color: var(--_text);
    font-weight: 600;
  }
  li.current .num {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  li.done .num {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  li.current .label {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .step-of {
    font-size: calc(0.9 * var(--_base));
    color: var(--_muted);
    margin-bottom: calc(0.5 * var(--_base));
  }
  @container (max-width: 416px) {
    .step-btn .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
  .context {
    margin-bottom: calc(0.5 * var(--_base));
  }
  .field {
    margin: 0 0 var(--_base);
  }
  .hint.warning {
    color: var(--_text);
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
    border-left: 4px solid var(--_primary);
    background: var(--_surface-2);
    border-radius: var(--_radius);
  }
  .status {
    margin: calc(0.5 * var(--_base)) 0;
  }
  .banner a {
    color: inherit;
    display: inline-block;
    min-height: 24px;
  }
  a.btn {
    display: inline-flex;
    align-items: center;
  }
  ul.services {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: calc(0.5 * var(--_base));
  }
  .item {
    padding: calc(0.6 * var(--_base)) calc(0.75 * var(--_base));
  }
  .skeleton {
    height: calc(3.5 * var(--_base));
  }
  ul.bring {
    padding-left: calc(1.25 * var(--_base));
    margin: 0 0 calc(0.75 * var(--_base));
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-right: calc(0.35 * var(--_base));
    vertical-align: -0.15em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  mpp-queue-ticket {
    margin: calc(0.5 * var(--_base)) 0;
  }
`;
