/** The next weekday at 09:00 in Jakarta, as an ISO instant (the clock of test servers). */
export function nextWeekdayNine(real?: Date): string;
