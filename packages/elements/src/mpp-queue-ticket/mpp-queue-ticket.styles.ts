import { css } from 'lit';

export const styles = css`
  .root {
    /* No frame of its own by default: host pages put widgets in their own cards (no card in a card). */
    border: 1px solid var(--mpp-ticket-border-color, transparent);
  }
  p {
    margin: 0 0 0.5rem;
  }
  .number-label {
    margin: 0;
    color: var(--_muted);
    font-weight: 600;
  }
  .number {
    margin: 0 0 0.5rem;
    font-size: var(--mpp-ticket-number-size, 3rem);
    font-weight: 700;
    line-height: 1.1;
    letter-spacing: 0.02em;
    color: var(--_primary);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .number.void {
    color: var(--_muted);
    text-decoration: line-through;
  }
  .ticket-status {
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-2);
    border-left: 4px solid var(--_primary);
  }
  .ticket-status.cancelled,
  .ticket-status.no_show,
  .ticket-status.expired {
    border-left-color: var(--_danger);
  }
  .callout.on {
    padding: 0.75rem;
    margin: 0 0 0.75rem;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: 1.35rem;
    line-height: 1.3;
  }
  .callout p {
    margin: 0;
    overflow-wrap: normal;
  }
  .alert-toggle {
    margin: 0 0 1rem;
  }
  .alert-toggle label {
    display: flex;
    gap: 0.6rem;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
  }
  .alert-toggle input {
    width: 1.35rem;
    height: 1.35rem;
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-2);
    border-left: 4px solid var(--_primary);
  }
  dl.facts {
    grid-template-columns: minmax(6rem, max-content) 1fr;
    margin: 0.5rem 0 1rem;
  }
  .code {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
    white-space: nowrap;
  }
  .code-box {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
    padding: 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    margin: 0.5rem 0 1rem;
  }
  .code-box > div {
    flex: 1 1 10rem;
    min-width: 0;
  }
  svg.qr {
    width: 9rem;
    height: 9rem;
    flex: none;
    display: block;
  }
  .code-label {
    margin: 0;
    color: var(--_muted);
    font-weight: 600;
  }
  .code {
    font-size: 1.5rem;
    font-weight: 700;
    margin: 0 0 0.25rem;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  }
  .live {
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-2);
    margin: 0.5rem 0 1rem;
  }
  .live h3 {
    margin-top: 0;
  }
  .live-lines p {
    margin: 0 0 0.25rem;
  }
  .ahead {
    font-size: 1.15rem;
  }
  .conn {
    margin: 0.5rem 0 0;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  .dot {
    display: inline-block;
    width: 0.65rem;
    height: 0.65rem;
    border-radius: 50%;
    border: 2px solid var(--_muted);
    vertical-align: 0;
  }
  .dot-live {
    background: #1e7e34;
    border-color: #1e7e34;
  }
  .dot-offline {
    background: var(--_danger);
    border-color: var(--_danger);
  }
  ul.checklist,
  ul.links {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
  }
  ul.links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .link-btn {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0.5rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .link-btn:hover {
    background: var(--_surface-2);
  }
  .field {
    margin: 0 0 0.75rem;
  }
  .reveal,
  .manage {
    margin-top: 1rem;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_border);
  }
  .actions {
    margin-top: 0.75rem;
  }
  .btn-danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .btn-danger-outline {
    border-color: var(--_danger);
    color: var(--_danger);
  }
`;
