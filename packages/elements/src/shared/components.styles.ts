import { css } from 'lit';

/**
 * Pieces every widget draws the same way: the frame and headings, form fields and inputs, status
 * lines, action rows, notice banners, checklists ("what to bring"), list items, loading skeletons and
 * fact lists (a two-column `dl.facts` that stacks in narrow containers). Widgets adjust from here.
 * Sizes are multiples of the base font size (`calc(n * var(--_base))`, see theme.ts), never `rem`.
 */
export const components = css`
  .root {
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 calc(0.5 * var(--_base));
  }
  h2 {
    font-size: calc(1.25 * var(--_base));
  }
  h3 {
    font-size: calc(1.05 * var(--_base));
    margin-top: calc(1.25 * var(--_base));
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(0.25 * var(--_base));
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
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
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
    gap: calc(0.75 * var(--_base));
    margin-top: var(--_base);
  }
  .item {
    display: block;
    width: 100%;
    text-align: left;
    padding: calc(0.75 * var(--_base));
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
    font-size: calc(0.9 * var(--_base));
  }
  dl.facts {
    display: grid;
    grid-template-columns: minmax(calc(7 * var(--_base)), max-content) 1fr;
    gap: calc(0.35 * var(--_base)) var(--_base);
    margin: calc(0.75 * var(--_base)) 0;
  }
  .banner {
    margin: calc(0.75 * var(--_base)) 0;
    padding: calc(0.75 * var(--_base));
    border-radius: var(--_radius);
    background: var(--_surface-2);
    border-left: 4px solid var(--_border);
  }
  .banner.error {
    border-left-color: var(--_danger);
  }
  .banner p {
    margin: 0 0 calc(0.5 * var(--_base));
  }
  ul.checklist {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.checklist label {
    display: flex;
    gap: calc(0.6 * var(--_base));
    align-items: flex-start;
    min-height: 44px;
    padding: calc(0.35 * var(--_base)) 0;
    cursor: pointer;
  }
  ul.checklist input {
    width: calc(1.35 * var(--_base));
    height: calc(1.35 * var(--_base));
    margin: calc(0.1 * var(--_base)) 0 0;
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
  @container (max-width: 448px) {
    dl.facts {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dl.facts dd {
      margin-bottom: calc(0.5 * var(--_base));
    }
  }
`;
