import { html, nothing, type TemplateResult } from 'lit';
import type { Availability, AvailabilityDay, Slot } from '@mpp-kit/core';
import type { Locale } from './i18n.js';
import type { ScheduleMessages } from './schedule-messages.js';

/**
 * The date list and the time-slot grid, shared by `<mpp-queue-booking>` and the reschedule view of
 * `<mpp-queue-ticket>`. Pure view helpers: the rules (what is open, what remains) come from the API.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, style: 'short' | 'long'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formats.get(key);
  if (!f) {
    // A calendar date is formatted at noon UTC in UTC, so no time zone can move it to another day.
    const opts: Intl.DateTimeFormatOptions =
      style === 'short' ? { weekday: 'long', day: 'numeric', month: 'short', timeZone: 'UTC' } : { dateStyle: 'full', timeZone: 'UTC' };
    formats.set(key, (f = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', opts)));
  }
  return f;
}

/** `Senin, 23 Nov` (short) or `Senin, 23 November 2026` (long) for a `YYYY-MM-DD` calendar date. */
export const formatDay = (date: string, locale: Locale, style: 'short' | 'long' = 'short'): string =>
  fmt(locale, style).format(new Date(`${date}T12:00:00Z`));

/** Monday 0 … Sunday 6 of a `YYYY-MM-DD` date. */
const isoWeekday = (date: string): number => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;

/** `Sen` … `Min` (Monday first), for the headers of the day grid. */
const weekdayNames = (locale: Locale): string[] => {
  const f = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i, 12))));
};

/** The short date split into its weekday (`Senin, `) and the rest (`23 Nov`): the grid hides the weekday its header already says. */
function dayName(date: string, locale: Locale): TemplateResult {
  const parts = fmt(locale, 'short').formatToParts(new Date(`${date}T12:00:00Z`));
  const i = parts.findIndex((p) => p.type === 'weekday');
  const cut = i < 0 ? 0 : i + 2;
  const text = (ps: Intl.DateTimeFormatPart[]) => ps.map((p) => p.value).join('');
  return html`<span class="day-wd">${text(parts.slice(0, cut))}</span>${text(parts.slice(cut))}`;
}

/** Why a date can or cannot be booked, in words (never by colour alone). */
export function dayStatusText(day: AvailabilityDay, t: ScheduleMessages, locale: Locale, today: string): string {
  if (day.status === 'open') return t.dayOpen(day.remaining);
  if (day.status === 'full') return t.dayFull;
  switch (day.reason) {
    case 'weekend':
      return t.dayWeekend;
    case 'holiday':
    case 'cuti_bersama':
      return t.dayHoliday(day.note ?? '');
    case 'closure':
      return t.dayClosure(day.note ?? '');
    case 'not_open_yet': {
      // `opensAt` is written in the office's zone (`2026-11-23T07:00:00+07:00`): its wall time is the one to show.
      const at = day.opensAt ?? '';
      const time = at.slice(11, 16);
      const date = at.slice(0, 10);
      return t.dayNotOpenYet(date && date !== today ? `${formatDay(date, locale)} ${time}` : time);
    }
    case 'past':
      return t.dayPast;
    case 'beyond_window':
      return t.dayBeyond;
    case 'no_online_queue':
      return t.dayNoOnline;
    default:
      return t.dayFull;
  }
}

const ICON: Record<AvailabilityDay['status'], string> = { open: '✓', full: '●', closed: '✕' };

export interface DayListOptions {
  availability: Availability;
  locale: Locale;
  t: ScheduleMessages;
  selected: string | null;
  onChoose: (date: string) => void;
  /** Id of a heading that names the list (default: an `aria-label`). */
  labelledBy?: string;
}

/**
 * The dates as a list of buttons; closed and full dates are disabled but stay readable with their
 * reason. In a container of 42rem or more the list is a week grid, each date under its weekday's
 * header (Monday first); narrower, one date per row, each naming its weekday.
 */
export function renderDays(o: DayListOptions): TemplateResult {
  const { availability: a, locale, t } = o;
  return html`<div class="weekdays" aria-hidden="true">${weekdayNames(locale).map((w) => html`<span>${w}</span>`)}</div>
    <ul class="days" part="days" aria-label=${o.labelledBy ? nothing : t.datesLabel} aria-labelledby=${o.labelledBy ?? nothing}>
      ${Array.from({ length: a.days[0] ? isoWeekday(a.days[0].date) : 0 }, () => html`<li class="pad" aria-hidden="true"></li>`)}
      ${a.days.map((d) => {
        const open = d.status === 'open';
        return html`<li>
          <button
            type="button"
            class="day ${d.status}"
            part="day ${d.status === 'open' ? 'day-open' : 'day-closed'}"
            data-date=${d.date}
            ?disabled=${!open}
            aria-pressed=${open ? String(o.selected === d.date) : nothing}
            @click=${() => o.onChoose(d.date)}
          >
            <span class="day-name"
              >${dayName(d.date, locale)}${d.date === a.today ? html` <span class="muted">(${t.today})</span>` : nothing}</span
            >
            <span class="day-status"
              ><span aria-hidden="true" class="icon">${ICON[d.status]}</span> ${dayStatusText(d, t, locale, a.today)}</span
            >
          </button>
        </li>`;
      })}
    </ul>`;
}

export interface SlotGridOptions {
  day: AvailabilityDay;
  locale: Locale;
  t: ScheduleMessages;
  selected: string | null;
  onChoose: (slot: Slot) => void;
}

/** The time slots of a day as buttons: `08:00–08:30 · sisa 5`; full ones disabled with the word "penuh". */
export function renderSlots(o: SlotGridOptions): TemplateResult {
  const { day, t, locale } = o;
  if (!day.slots.length) return html`<p class="note">${t.noSlots}</p>`;
  return html`<ul class="slots" part="slots" aria-label=${t.slotsLabel(formatDay(day.date, locale, 'long'))}>
    ${day.slots.map(
      (s) =>
        html`<li>
          <button
            type="button"
            class="slot ${s.remaining > 0 ? 'open' : 'full'}"
            part="slot"
            data-slot=${s.id}
            ?disabled=${s.remaining <= 0}
            aria-pressed=${s.remaining > 0 ? String(o.selected === s.id) : nothing}
            @click=${() => o.onChoose(s)}
          >
            <span class="slot-time">${s.start}–${s.end}</span>
            <span class="slot-left">· ${s.remaining > 0 ? t.slotLeft(s.remaining) : t.slotFull}</span>
          </button>
        </li>`,
    )}
  </ul>`;
}

export { scheduleStyles } from './schedule.styles.js';
