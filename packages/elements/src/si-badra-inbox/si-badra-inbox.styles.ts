import { css } from 'lit';

export const styles = css`
  :host {
    --_late: var(--si-badra-inbox-late-color, var(--_danger));
    --_redact: var(--si-badra-inbox-redact-color, #ffcc00);
  }
  .root {
    border: 1px solid var(--si-badra-inbox-border-color, transparent);
    min-width: 0;
  }
  p {
    margin: 0 0 calc(0.5 * var(--_base));
  }
  input[type='password'],
  input[type='file'] {
    min-height: 44px;
    width: 100%;
    box-sizing: border-box;
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .sign-in,
  .filters {
    display: grid;
    gap: calc(0.75 * var(--_base));
  }
  .filters {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, calc(11 * var(--_base))), 1fr));
    align-items: end;
    margin-bottom: var(--_base);
  }
  .filters .search {
    grid-column: 1 / -1;
  }
  .filters .actions {
    margin-top: 0;
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(0.5 * var(--_base));
    margin-bottom: var(--_base);
    color: var(--_muted);
  }
  .account p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .account .actions {
    margin: 0;
  }
  ul.rows {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(0.5 * var(--_base));
  }
  .row {
    display: grid;
    gap: calc(0.25 * var(--_base));
    width: 100%;
    box-sizing: border-box;
    text-align: left;
    padding: calc(0.75 * var(--_base));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .row:hover,
  .row.selected {
    background: var(--_surface-2);
  }
  .row.selected {
    border-left: 4px solid var(--_primary);
  }
  .row-head {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_base));
    align-items: center;
  }
  .code {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .row-text {
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .row-meta {
    color: var(--_muted);
    font-size: calc(0.9 * var(--_base));
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(0.4 * var(--_base));
    border: 1px solid var(--_border);
    border-radius: calc(0.75 * var(--_base));
    font-size: calc(0.85 * var(--_base));
    white-space: nowrap;
  }
  .badge.ok {
    border-color: var(--_primary);
  }
  .clock.late {
    color: var(--_late);
    font-weight: 600;
  }
  .complaint-status {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_base));
    align-items: center;
  }
  .complaint-text,
  .note,
  .candidate-text,
  .briefing-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  dd a {
    margin-left: calc(0.5 * var(--_base));
  }
  .staff-photos li {
    display: grid;
    gap: calc(0.25 * var(--_base));
    max-width: calc(12 * var(--_base));
  }
  .staff-photos img {
    width: calc(12 * var(--_base));
  }
  .photo-meta,
  .photo-missing {
    color: var(--_muted);
    font-size: calc(0.85 * var(--_base));
  }
  .panel {
    display: grid;
    gap: calc(0.75 * var(--_base));
    margin-top: var(--_base);
    padding: var(--_base);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  h4 {
    margin: 0;
    font-size: var(--_base);
  }
  fieldset.choices {
    display: grid;
    gap: calc(0.5 * var(--_base));
    margin: 0;
    padding: calc(0.5 * var(--_base));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  fieldset.choices label {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_base));
    align-items: baseline;
    min-height: 44px;
    overflow-wrap: anywhere;
  }
  fieldset.choices input {
    width: calc(1.25 * var(--_base));
    height: calc(1.25 * var(--_base));
  }
  .stage {
    position: relative;
    max-width: 100%;
    touch-action: none;
    user-select: none;
    cursor: crosshair;
    line-height: 0;
  }
  .stage img {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }
  .box {
    position: absolute;
    box-sizing: border-box;
    margin: 0;
    padding: 0;
    min-height: 0;
    border: 2px dashed var(--_redact);
    background: rgb(0 0 0 / 0.25);
    outline-offset: 2px;
    cursor: pointer;
  }
  .box.active {
    border-style: solid;
    border-width: 3px;
  }
  .box.draft {
    pointer-events: none;
  }
  .help {
    margin-top: calc(1.5 * var(--_base));
  }
  .help summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
  .help dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(0.25 * var(--_base)) var(--_base);
    margin: 0 0 calc(0.5 * var(--_base));
  }
  .help dt,
  .help dd {
    margin: 0;
  }
  kbd {
    font-family: ui-monospace, monospace;
    padding: 0 calc(0.3 * var(--_base));
    border: 1px solid var(--_border);
    border-radius: calc(0.25 * var(--_base));
  }
  .briefing table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
    margin-bottom: var(--_base);
  }
  .briefing caption {
    text-align: left;
    font-weight: 700;
    padding: calc(0.5 * var(--_base)) 0;
  }
  .briefing th,
  .briefing td {
    padding: calc(0.25 * var(--_base));
    border: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
    overflow-wrap: anywhere;
    font-size: calc(0.9 * var(--_base));
  }
  .briefing thead th:nth-child(4) {
    width: 40%;
  }
  @media print {
    .no-print,
    .account,
    .help,
    .btn {
      display: none;
    }
    .root {
      border: 0;
      padding: 0;
    }
    .briefing table {
      break-inside: auto;
    }
    .briefing tr {
      break-inside: avoid;
    }
  }
`;
