import { css } from 'lit';

export const styles = css`
  .root {
    border: 1px solid var(--mpp-catalog-border-color, transparent);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.75 * var(--_base));
    align-items: flex-end;
  }
  .field {
    flex: 1 1 calc(14 * var(--_base));
  }
  .status {
    margin: calc(0.75 * var(--_base)) 0 calc(0.5 * var(--_base));
  }
  ul.results {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: calc(0.5 * var(--_base));
  }
  .item-name {
    color: var(--_primary);
  }
  :host([data-scheme='dark']) .item-name {
    color: var(--_text);
  }
  .item-meta {
    overflow-wrap: anywhere;
  }
  .skeleton {
    height: calc(4.25 * var(--_base));
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_base));
    margin: calc(0.5 * var(--_base)) 0 calc(0.75 * var(--_base));
    padding: 0;
    list-style: none;
  }
  .chip {
    min-height: 44px;
    padding: calc(0.4 * var(--_base)) calc(0.9 * var(--_base));
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    cursor: pointer;
  }
  dl.facts {
    grid-template-columns: minmax(calc(8 * var(--_base)), max-content) 1fr;
  }
  @container (max-width: 480px) {
    dl.facts {
      grid-template-columns: 1fr;
    }
    dl.facts dd {
      margin-bottom: calc(0.5 * var(--_base));
    }
  }
  dd {
    overflow-wrap: anywhere;
  }
  ol.steps {
    padding-left: calc(1.5 * var(--_base));
  }
  .actions {
    margin-top: calc(1.25 * var(--_base));
  }
  .badge {
    display: inline-block;
    font-size: calc(0.8 * var(--_base));
    padding: 0 calc(0.5 * var(--_base));
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_muted);
    vertical-align: middle;
  }
  .agency {
    color: var(--_muted);
    margin: 0 0 calc(0.5 * var(--_base));
  }
  .summary {
    margin: 0 0 calc(0.5 * var(--_base));
  }
  ul.groups {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: calc(0.5 * var(--_base));
  }
  details[part='group'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 calc(0.5 * var(--_base));
    min-height: 44px;
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
    cursor: pointer;
    font-weight: 600;
  }
  summary::before {
    content: '▸';
  }
  details[open] > summary::before {
    content: '▾';
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary {
    list-style: none;
  }
  .count {
    color: var(--_muted);
    font-weight: 400;
    white-space: nowrap;
  }
  details[part='group'] > ul.results,
  details[part='group'] > .actions {
    margin: 0 calc(0.5 * var(--_base)) calc(0.5 * var(--_base));
  }
  [part='elsewhere'] a {
    color: var(--_primary);
    overflow-wrap: anywhere;
  }
`;
