// The shape of `<mpp-launcher>`'s texts: the Indonesian catalogue (`messages.ts`) and the English
// chunk (`messages.en.ts`) both implement it.
import type { ProblemMessages } from '../shared/problems.js';

/** Which widget a launcher opens. */
export type LauncherWidget = 'booking' | 'catalog' | 'ticket';

/** Every string `<mpp-launcher>` shows, per locale. */
export interface LauncherMessages {
  /** The button's label per widget, when the page gives none (`label`). */
  open: Record<LauncherWidget, string>;
  close: string;
  problems: ProblemMessages;
  retry: string;
}
