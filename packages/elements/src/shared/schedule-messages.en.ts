// English texts of the date and time-slot pickers: loaded with a widget's English texts, never on Indonesian pages.
import type { ScheduleMessages } from './schedule-messages.js';

export const scheduleEn: ScheduleMessages = {
  loadingDates: 'Loading the schedule…',
  datesLabel: 'Dates in the next 14 days',
  slotsLabel: (d) => `Times available on ${d}`,
  dayOpen: (n) => `Open · ${n} left`,
  dayFull: 'Fully booked',
  dayWeekend: 'Closed (weekend)',
  dayHoliday: (note) => `Holiday: ${note}`,
  dayClosure: (note) => `Closed: ${note}`,
  dayNotOpenYet: (when) => `Not open yet — opens ${when}`,
  dayPast: 'Past',
  dayBeyond: 'Not bookable yet',
  dayNoOnline: 'No online queue',
  slotLeft: (n) => `${n} left`,
  slotFull: 'full',
  noSlots: 'No time can be booked on this date.',
  today: 'today',
  retry: 'Try again',
};
