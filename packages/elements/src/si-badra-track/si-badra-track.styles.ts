import { css } from 'lit';

export const styles = css`
  .root {
    /* No frame of its own by default: host pages put widgets in their own cards. */
    border: 1px solid var(--si-badra-track-border-color, transparent);
  }
  p {
    margin: 0 0 calc(0.5 * var(--_base));
  }
  .complaint-status {
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
    border-radius: var(--_radius);
    background: var(--_surface-2);
    border-left: 4px solid var(--_primary);
    font-weight: 600;
  }
  .complaint-status.rejected {
    border-left-color: var(--_danger);
  }
  .clock {
    color: var(--_text);
  }
  .clock.late {
    color: var(--_danger);
    font-weight: 600;
  }
  .complaint-text,
  .note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
