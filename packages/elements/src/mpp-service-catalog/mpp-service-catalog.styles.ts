import { css } from 'lit';

export const styles = css`
  .root {
    border: 1px solid var(--mpp-catalog-border-color, transparent);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
  }
  .field {
    flex: 1 1 14rem;
  }
  .status {
    margin: 0.75rem 0 0.5rem;
  }
  ul.results {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
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
    height: 4.25rem;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0.5rem 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  .chip {
    min-height: 44px;
    padding: 0.4rem 0.9rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    cursor: pointer;
  }
  dl.facts {
    grid-template-columns: minmax(8rem, max-content) 1fr;
  }
  @container (max-width: 30rem) {
    dl.facts {
      grid-template-columns: 1fr;
    }
    dl.facts dd {
      margin-bottom: 0.5rem;
    }
  }
  dd {
    overflow-wrap: anywhere;
  }
  ol.steps {
    padding-left: 1.5rem;
  }
  .actions {
    margin-top: 1.25rem;
  }
  .badge {
    display: inline-block;
    font-size: 0.8rem;
    padding: 0 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_muted);
    vertical-align: middle;
  }
  .agency {
    color: var(--_muted);
    margin: 0 0 0.5rem;
  }
  .summary {
    margin: 0 0 0.5rem;
  }
  ul.groups {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  details[part='group'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.5rem;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
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
    margin: 0 0.5rem 0.5rem;
  }
  [part='elsewhere'] a {
    color: var(--_primary);
    overflow-wrap: anywhere;
  }
`;
