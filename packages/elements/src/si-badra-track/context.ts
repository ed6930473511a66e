/**
 * What the views of `<si-badra-track>` (`mine.ts`, `complaint.ts`) take: the messages, the dates in
 * the tracker's language and time zone, the clock, the photos' addresses and the error banner.
 */
import type { Locale } from '../shared/i18n.js';
import type { TrackMessages } from './messages.js';

export const HOUR = 3_600_000;

export interface TrackView {
  t: TrackMessages;
  locale: Locale;
  /** A date and time in the tracker's zone. */
  date(at: string): string;
  /** The clock of the answer countdown. */
  now(): number;
  /** The public address of a photo. */
  photoUrl(id: string): string;
  errorText(code: string | null | undefined): string;
  /** An error banner for `code` (nothing without one), with "try again" when `retry` is given. */
  alert(code: string | null | undefined, retry?: () => void): unknown;
}

/** The formats for `locale` in `timeZone`. */
export function trackDate(locale: Locale, timeZone: string): (at: string) => string {
  return (at) =>
    new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(at),
    );
}
