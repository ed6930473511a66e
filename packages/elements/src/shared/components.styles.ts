import { css } from 'lit';

/**
 * Pieces every widget draws the same way: the frame and headings, form fields and inputs, status
 * lines, action rows, notice banners, checklists ("what to bring"), list items, loading skeletons and
 * fact lists (a two-column `dl.facts` that stacks in narrow containers). Widgets adjust from here.
 */
export const components = css`
  .root {
    padding: var(--_space);
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
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .field label {
    font-weight: 600;
  }
  input[type='search'],
  input[type='text'],
  input[type='tel'],
  input[type='email'],
  select {
    min-height: 44px;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .status {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: 1rem;
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
  }
  .item-meta {
    display: block;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  dl.facts {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0.75rem 0;
  }
  .banner {
    margin: 0.75rem 0;
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-2);
    border-left: 4px solid var(--_border);
  }
  .banner.error {
    border-left-color: var(--_danger);
  }
  .banner p {
    margin: 0 0 0.5rem;
  }
  ul.checklist {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.checklist label {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
    min-height: 44px;
    padding: 0.35rem 0;
    cursor: pointer;
  }
  ul.checklist input {
    width: 1.35rem;
    height: 1.35rem;
    margin: 0.1rem 0 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .item:hover {
    background: var(--_surface-2);
  }
  .skeleton {
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-2) 25%, var(--_surface) 50%, var(--_surface-2) 75%);
    background-size: 200% 100%;
    animation: shimmer 1.2s linear infinite;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  dt {
    font-weight: 600;
  }
  .nb {
    white-space: nowrap;
  }
  dd {
    margin: 0;
  }
  @container (max-width: 28rem) {
    dl.facts {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dl.facts dd {
      margin-bottom: 0.5rem;
    }
  }
`;
