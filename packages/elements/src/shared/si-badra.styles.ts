import { css } from 'lit';

/**
 * What both Si Badra widgets draw alike: the multi-line text field, the photo strip and the
 * notice box. Each widget's own sheet comes after this one and sets only what differs (the report
 * gives its description a taller field and smaller thumbnails).
 */
export const siBadraStyles = css`
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
`;
