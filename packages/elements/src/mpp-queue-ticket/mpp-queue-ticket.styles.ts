import { css } from 'lit';

export const styles = css`
  .root {
    /* No frame of its own by default: host pages put widgets in their own cards (no card in a card). */
    border: 1px solid var(--mpp-ticket-border-color, transparent);
  }
  p {
    margin: 0 0 calc(0.5 * var(--_base));
  }
  .number-label {
    margin: 0;
    color: var(--_muted);
    font-weight: 600;
  }
  .number {
    margin: 0 0 calc(0.5 * var(--_base));
    font-size: var(--mpp-ticket-number-size, calc(3 * var(--_base)));
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
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
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
    padding: calc(0.75 * var(--_base));
    margin: 0 0 calc(0.75 * var(--_base));
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: calc(1.35 * var(--_base));
    line-height: 1.3;
  }
  .callout p {
    margin: 0;
    overflow-wrap: normal;
  }
  .alert-toggle {
    margin: 0 0 var(--_base);
  }
  .alert-toggle label {
    display: flex;
    gap: calc(0.6 * var(--_base));
    align-items: center;
    min-height: 44px;
    cursor: pointer;
  }
  .alert-toggle input {
    width: calc(1.35 * var(--_base));
    height: calc(1.35 * var(--_base));
  }
  .notice {
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
    border-radius: var(--_radius);
    background: var(--_surface-2);
    border-left: 4px solid var(--_primary);
  }
  dl.facts {
    grid-template-columns: minmax(calc(6 * var(--_base)), max-content) 1fr;
    margin: calc(0.5 * var(--_base)) 0 var(--_base);
  }
  .code {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
    white-space: nowrap;
  }
  .code-box {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_base);
    align-items: center;
    padding: calc(0.75 * var(--_base));
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    margin: calc(0.5 * var(--_base)) 0 var(--_base);
  }
  .code-box > div {
    flex: 1 1 calc(10 * var(--_base));
    min-width: 0;
  }
  svg.qr {
    width: calc(9 * var(--_base));
    height: calc(9 * var(--_base));
    flex: none;
    display: block;
  }
  .code-label {
    margin: 0;
    color: var(--_muted);
    font-weight: 600;
  }
  .code {
    font-size: calc(1.5 * var(--_base));
    font-weight: 700;
    margin: 0 0 calc(0.25 * var(--_base));
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  }
  .live {
    padding: calc(0.75 * var(--_base));
    border-radius: var(--_radius);
    background: var(--_surface-2);
    margin: calc(0.5 * var(--_base)) 0 var(--_base);
  }
  .live h3 {
    margin-top: 0;
  }
  .live-lines p {
    margin: 0 0 calc(0.25 * var(--_base));
  }
  .ahead {
    font-size: calc(1.15 * var(--_base));
  }
  .conn {
    margin: calc(0.5 * var(--_base)) 0 0;
    font-size: calc(0.9 * var(--_base));
    color: var(--_muted);
  }
  .dot {
    display: inline-block;
    width: calc(0.65 * var(--_base));
    height: calc(0.65 * var(--_base));
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
    margin: 0 0 var(--_base);
  }
  ul.links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_base));
  }
  .link-btn {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: calc(0.5 * var(--_base)) calc(0.9 * var(--_base));
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
    margin: 0 0 calc(0.75 * var(--_base));
  }
  .reveal,
  .manage {
    margin-top: var(--_base);
    padding-top: calc(0.5 * var(--_base));
    border-top: 1px solid var(--_border);
  }
  .actions {
    margin-top: calc(0.75 * var(--_base));
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
