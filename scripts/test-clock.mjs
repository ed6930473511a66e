/**
 * The clock of test servers (`MPP_NOW`): the next weekday at 09:00 in Jakarta. Queue tests then
 * always have an open day with slots later "today" and a queue that staff can move.
 * @param {Date} [real]
 * @returns {string} an ISO instant
 */
export function nextWeekdayNine(real = new Date()) {
  const jakarta = new Date(real.getTime() + 7 * 3600_000);
  const d = new Date(Date.UTC(jakarta.getUTCFullYear(), jakarta.getUTCMonth(), jakarta.getUTCDate() + 1, 2, 0, 0));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
