import { css } from 'lit';

export const styles = css`
  .root {
    border: 1px solid var(--mpp-booking-border-color, transparent);
  }
  h3 {
    font-size: 1.1rem;
    margin-top: 0.5rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  ol.steps {
    list-style: none;
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 0.25rem;
    padding: 0;
    margin: 0 0 0.25rem;
    counter-reset: none;
  }
  .step-btn {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.15rem;
    width: 100%;
    min-height: 44px;
    padding: 0.25rem 0;
    border: 0;
    background: none;
    font-size: 0.8rem;
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
    width: 1.9rem;
    height: 1.9rem;
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
    font-size: 0.9rem;
    color: var(--_muted);
    margin-bottom: 0.5rem;
  }
  @container (max-width: 26rem) {
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
    margin-bottom: 0.5rem;
  }
  .field {
    margin: 0 0 1rem;
  }
  .hint.warning {
    color: var(--_text);
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_primary);
    background: var(--_surface-2);
    border-radius: var(--_radius);
  }
  .status {
    margin: 0.5rem 0;
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
    gap: 0.5rem;
  }
  .item {
    padding: 0.6rem 0.75rem;
  }
  .skeleton {
    height: 3.5rem;
  }
  ul.bring {
    padding-left: 1.25rem;
    margin: 0 0 0.75rem;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-right: 0.35rem;
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
    margin: 0.5rem 0;
  }
`;
