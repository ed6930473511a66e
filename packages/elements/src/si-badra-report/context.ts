/**
 * What the controllers of `<si-badra-report>` (`capture.ts`, `similar.ts`, `done.ts`) take of the
 * element: the API, the draft, and the form's one busy flag, error and focus.
 */
import type { ComplaintsApi } from '@mpp-kit/core';
import type { ReportDraft } from './draft.js';

export interface ReportHost {
  api(): ComplaintsApi;
  draft(): ReportDraft | null;
  /** Changes the draft and keeps it on the device. */
  patch(p: Partial<ReportDraft>): void;
  /** The busy flag (one for the whole form: a step's buttons wait while anything is on the way). */
  busy(): boolean;
  setBusy(busy: boolean): void;
  /** Clears the error shown. */
  clearError(): void;
  /** Shows the error `code` (and tells the page) and moves the focus to `focus` (the step's error by default). */
  fail(code: string, focus?: string): void;
  /** Moves the focus to `selector` after the next render. */
  focus(selector: string): void;
}
