/** Texts of the date and time-slot pickers (`schedule.ts`), shared by the booking and the ticket (reschedule) widgets. */
export interface ScheduleMessages {
  loadingDates: string;
  datesLabel: string;
  slotsLabel(date: string): string;
  dayOpen(n: number): string;
  dayFull: string;
  dayWeekend: string;
  dayHoliday(note: string): string;
  dayClosure(note: string): string;
  dayNotOpenYet(when: string): string;
  dayPast: string;
  dayBeyond: string;
  dayNoOnline: string;
  slotLeft(n: number): string;
  slotFull: string;
  noSlots: string;
  today: string;
  retry: string;
}

/** Indonesian (bundled); English in `schedule-messages.en.ts`, loaded with each widget's English texts. */
export const scheduleId: ScheduleMessages = {
  loadingDates: 'Memuat jadwal…',
  datesLabel: 'Tanggal 14 hari ke depan',
  slotsLabel: (d) => `Jam tersedia pada ${d}`,
  dayOpen: (n) => `Tersedia · sisa ${n}`,
  dayFull: 'Kuota penuh',
  dayWeekend: 'Tutup (akhir pekan)',
  dayHoliday: (note) => `Libur: ${note}`,
  dayClosure: (note) => `Tutup: ${note}`,
  dayNotOpenYet: (when) => `Belum dibuka — dibuka ${when}`,
  dayPast: 'Sudah lewat',
  dayBeyond: 'Belum bisa dipesan',
  dayNoOnline: 'Tanpa antrean daring',
  slotLeft: (n) => `sisa ${n}`,
  slotFull: 'penuh',
  noSlots: 'Tidak ada jam yang bisa dipesan pada tanggal ini.',
  today: 'hari ini',
  retry: 'Coba lagi',
};
