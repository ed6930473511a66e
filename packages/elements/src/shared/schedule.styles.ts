import { css } from 'lit';

/**
 * The day and slot pickers of \`<mpp-queue-booking>\` and \`<mpp-queue-ticket>\` (markup in
 * \`schedule.ts\`). Sizes are relative to the widget's base font size (\`--_base\`), never to the host
 * page's root; container breakpoints are in px for the same reason.
 */
export const scheduleStyles = css`
  ul.days,
  ul.slots {
    list-style: none;
    padding: 0;
    margin: calc(0.5 * var(--_base)) 0;
    display: grid;
    gap: calc(0.5 * var(--_base));
  }
  ul.days {
    grid-template-columns: 1fr;
  }
  .weekdays,
  li.pad {
    display: none;
  }
  @container (min-width: 672px) {
    ul.days,
    .weekdays {
      grid-template-columns: repeat(7, minmax(0, 1fr));
      gap: calc(0.5 * var(--_base));
    }
    .weekdays {
      display: grid;
      margin: calc(0.5 * var(--_base)) 0 -calc(0.25 * var(--_base));
      color: var(--_muted);
      font-size: calc(0.85 * var(--_base));
      font-weight: 600;
      text-align: center;
    }
    .day-wd {
      position: absolute;
      clip: rect(0 0 0 0);
    }
    li.pad {
      display: block;
    }
    .day {
      height: 100%;
      padding: calc(0.4 * var(--_base)) calc(0.5 * var(--_base));
    }
  }
  ul.slots {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, calc(9.5 * var(--_base))), 1fr));
  }
  .day,
  .slot {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    width: 100%;
    min-height: 44px;
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
    text-align: left;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .slot {
    flex-direction: row;
    flex-wrap: wrap;
    gap: 0 calc(0.35 * var(--_base));
    align-items: center;
  }
  .day:hover:not(:disabled),
  .slot:hover:not(:disabled) {
    background: var(--_surface-2);
  }
  .day[aria-pressed='true'],
  .slot[aria-pressed='true'] {
    border: 2px solid var(--_primary);
    font-weight: 600;
  }
  .day:disabled,
  .slot:disabled {
    cursor: not-allowed;
    background: var(--_surface-2);
    border-style: dashed;
    color: var(--_muted);
  }
  .day-name,
  .slot-time {
    font-weight: 600;
  }
  .slot-time {
    white-space: nowrap;
  }
  .day-status,
  .slot-left {
    font-size: calc(0.9 * var(--_base));
    overflow-wrap: anywhere;
  }
  .icon {
    display: inline-block;
    width: 1em;
  }
  .muted {
    color: var(--_muted);
    font-weight: 400;
  }
`;
