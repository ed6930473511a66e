import { css } from 'lit';

export const styles = css`
  .root {
    padding: var(--_space);
    border: 1px solid var(--mpp-catalog-border-color, transparent);
    border-radius: var(--_radius);
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
    margin-top: 1.25rem;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 14rem;
    min-width: 0;
  }
  .field label {
    font-weight: 600;
  }
  input[type='search'],
  select {
    min-height: 44px;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .status {
    margin: 0.75rem 0 0.5rem;
    color: var(--_muted);
  }
  ul.results {
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
    padding: 0.75rem;
    min-height: 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .item-name {
    display: block;
    font-weight: 600;
    color: var(--_primary);
  }
  :host([theme='dark']) .item-name {
    color: var(--_text);
  }
  .item-meta {
    display: block;
    color: var(--_muted);
    font-size: 0.9rem;
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
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0.75rem 0;
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
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
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
`;
