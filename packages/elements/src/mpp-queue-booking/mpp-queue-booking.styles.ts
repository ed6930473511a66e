import { css } from 'lit';

export const styles = css`
  .root {
    padding: var(--_space);
    border: 1px solid var(--mpp-booking-border-color, transparent);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.1rem;
    margin-top: 0.5rem;
  }
  h4 {
    font-size: 1rem;
    margin-top: 1rem;
  }
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 3px solid var(--_focus);
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
    color: var(--_muted);
    margin-bottom: 0.5rem;
  }
  .context strong {
    color: var(--_text);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0 0 1rem;
    min-width: 0;
  }
  .field label {
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .hint.warning {
    color: var(--_text);
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_primary);
    background: var(--_surface-2);
    border-radius: var(--_radius);
  }
  input[type='search'],
  input[type='text'],
  input[type='tel'],
  input[type='email'] {
    min-height: 44px;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .field.invalid input {
    border: 2px solid var(--_danger);
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .status {
    color: var(--_muted);
    margin: 0.5rem 0;
  }
  .status:empty {
    margin: 0;
  }
  .banner p:last-child,
  .banner ul:last-child {
    margin-bottom: 0;
  }
  .banner a {
    color: inherit;
    display: inline-block;
    min-height: 24px;
  }
  ul.services {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  .item {
    display: block;
    width: 100%;
    text-align: left;
    padding: 0.6rem 0.75rem;
    min-height: 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .item-name {
    display: block;
    font-weight: 600;
  }
  .item-meta {
    display: block;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .skeleton {
    height: 3.5rem;
  }
  dl.facts {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0.75rem 0;
  }
  .mono {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.03em;
  }
  ul.bring {
    padding-left: 1.25rem;
    margin: 0 0 0.75rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: 1rem;
  }
  .btn[aria-disabled='true'] {
    cursor: progress;
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
