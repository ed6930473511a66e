import { css } from 'lit';

/**
 * What both Si Badra widgets draw alike: the multi-line text field, the photo strip, the notice
 * box, the radio choices (the contact-code form), the complaint cards (nearby, my complaints) and the
 * status timeline (tracker, inbox). Each widget's own sheet comes after this one and sets only what differs (the report
 * gives its description a taller field and smaller thumbnails).
 */
export const siBadraStyles = css`
  ol.timeline {
    margin: 0 0 var(--_base);
    padding: 0;
    list-style: none;
  }
  ol.timeline > li {
    padding: 0 0 calc(0.75 * var(--_base)) var(--_base);
    border-left: 2px solid var(--_border);
  }
  .entry-head {
    margin: 0;
    font-weight: 600;
  }
  .entry-meta {
    color: var(--_muted);
  }
  textarea {
    display: block;
    width: 100%;
    min-height: calc(6 * var(--_base));
    box-sizing: border-box;
    padding: calc(0.5 * var(--_base));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    resize: vertical;
  }
  .field.invalid textarea {
    border-color: var(--_danger);
  }
  .photos {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_base));
    margin: 0 0 calc(0.5 * var(--_base));
    padding: 0;
    list-style: none;
  }
  .photos img {
    display: block;
    width: calc(8 * var(--_base));
    max-width: 100%;
    height: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  .notice {
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  fieldset {
    margin: 0 0 var(--_base);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    margin-bottom: calc(0.5 * var(--_base));
    padding: 0;
  }
  .choice {
    display: flex;
    gap: calc(0.5 * var(--_base));
    align-items: flex-start;
    padding: calc(0.5 * var(--_base));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-bottom: calc(0.5 * var(--_base));
    cursor: pointer;
  }
  .choice input {
    margin-top: 0.25em;
    flex: none;
  }
  .choice-help {
    display: block;
    color: var(--_muted);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_base));
    margin: 0 0 var(--_base);
  }
  .tab[aria-pressed='true'] {
    border-color: var(--_primary);
    box-shadow: inset 0 -3px 0 var(--_primary);
    font-weight: 600;
  }
  ul.cards {
    margin: 0 0 var(--_base);
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(0.5 * var(--_base));
  }
  .card {
    display: block;
    width: 100%;
    box-sizing: border-box;
    padding: calc(0.5 * var(--_base)) calc(0.75 * var(--_base));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    text-align: start;
    overflow-wrap: anywhere;
  }
  button.card {
    cursor: pointer;
  }
  .card > span,
  .card > p {
    display: block;
    margin: 0 0 calc(0.25 * var(--_base));
  }
  .card-head {
    font-weight: 600;
  }
  .card-meta,
  .card-clock {
    color: var(--_muted);
  }
  .card-clock[data-level='1'],
  .card-clock[data-level='2'] {
    color: var(--_danger);
  }
  .card-text {
    white-space: pre-wrap;
  }
  .card-photo {
    display: block;
    width: calc(8 * var(--_base));
    max-width: 100%;
    height: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_radius);
    margin: 0 0 calc(0.5 * var(--_base));
  }
  .support {
    margin-top: var(--_base);
  }
`;
