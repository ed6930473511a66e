import { css } from 'lit';

/**
 * Pieces every widget draws the same way: notice banners, checklists ("what to bring"), list items,
 * loading skeletons and fact lists (a two-column `dl.facts` that stacks in narrow containers).
 */
export const components = css`
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
