import type { BookingStatus, WatchStatus } from '@mpp-kit/core';
import type { Locale } from '../shared/i18n.js';
import { BOOKING_MESSAGES, type ScheduleMessages } from '../mpp-queue-booking/messages.js';

/** Every string `<mpp-queue-ticket>` shows, per locale. */
export interface TicketMessages extends ScheduleMessages {
  title: string;
  number: string;
  service: string;
  agency: string;
  date: string;
  time: string;
  location: string;
  name: string;
  nik: string;
  phone: string;
  code: string;
  codeHint: string;
  qrLabel(code: string): string;
  bring: string;
  bringHint: string;
  checked(n: number, total: number): string;
  calendar: string;
  calendarTitle: string;
  whatsapp: string;
  shareText(number: string, service: string, date: string, time: string, code: string): string;
  later: string;
  // live position
  live: string;
  nowServing(n: string): string;
  nobodyServed: string;
  ahead(n: number): string;
  wait(text: string): string;
  comeAt(when: string): string;
  minutes(n: number): string;
  hours(h: number, m: number): string;
  status: Record<BookingStatus, string>;
  connection: Record<WatchStatus | 'offline', string>;
  updated(time: string): string;
  loading: string;
  // code entry and details
  codeEntry: string;
  codeLabel: string;
  codeFormat: string;
  show: string;
  revealHeading: string;
  revealIntro: string;
  reveal: string;
  // manage
  manage: string;
  cancel: string;
  cancelConfirm(number: string): string;
  cancelYes: string;
  cancelNo: string;
  reschedule: string;
  rescheduleHeading: string;
  rescheduleIntro: string;
  rescheduleSave: string;
  rescheduleClose: string;
  rescheduled(date: string, time: string): string;
  rescheduleTooLate: string;
  current: string;
  busy: string;
}

export const TICKET_MESSAGES: Record<Locale, TicketMessages> = {
  id: {
    ...BOOKING_MESSAGES.id,
    title: 'Tiket antrean',
    number: 'Nomor antrean',
    service: 'Layanan',
    agency: 'Instansi',
    date: 'Tanggal',
    time: 'Jam',
    location: 'Lokasi',
    name: 'Nama',
    nik: 'NIK',
    phone: 'Nomor HP',
    code: 'Kode booking',
    codeHint: 'Tunjukkan kode atau QR ini di loket.',
    qrLabel: (c) => `Kode QR untuk kode booking ${c}`,
    bring: 'Yang perlu dibawa',
    bringHint: 'Centang yang sudah Anda siapkan.',
    checked: (n, t) => `${n} dari ${t} persyaratan siap`,
    calendar: 'Simpan ke kalender (.ics)',
    calendarTitle: 'Antrean MPP',
    whatsapp: 'Bagikan lewat WhatsApp',
    shareText: (n, s, d, tm, c) => `Antrean ${n} – ${s}, ${d} jam ${tm}. Kode booking: ${c}`,
    later: 'Buka tiket ini nanti',
    live: 'Posisi antrean',
    nowServing: (n) => `Sedang dilayani: ${n}`,
    nobodyServed: 'Belum ada nomor yang dipanggil.',
    ahead: (n) => (n === 0 ? 'Tidak ada orang di depan Anda.' : `${n} orang di depan Anda`),
    wait: (x) => `Perkiraan menunggu ± ${x}`,
    comeAt: (w) => `Datanglah sesuai jadwal: ${w}.`,
    minutes: (n) => `${n} menit`,
    hours: (h, m) => (m ? `${h} jam ${m} menit` : `${h} jam`),
    status: {
      booked: 'Terdaftar',
      checked_in: 'Sudah hadir',
      called: 'Nomor Anda dipanggil! Silakan menuju loket.',
      served: 'Selesai dilayani.',
      no_show: 'Tidak hadir saat dipanggil.',
      cancelled: 'Antrean ini sudah dibatalkan.',
    },
    connection: {
      connecting: 'Menghubungkan…',
      live: 'Terhubung langsung',
      reconnecting: 'Menyambung ulang…',
      polling: 'Diperbarui berkala',
      stopped: 'Tidak diperbarui',
      offline: 'Luring — menampilkan data terakhir',
    },
    updated: (t) => `diperbarui ${t}`,
    loading: 'Memuat tiket…',
    codeEntry: 'Lihat tiket antrean',
    codeLabel: 'Kode booking',
    codeFormat: 'Delapan huruf/angka, contoh: AB12-CD34.',
    show: 'Tampilkan',
    revealHeading: 'Detail, pembatalan dan ganti jadwal',
    revealIntro: 'Masukkan nomor HP yang dipakai saat mendaftar.',
    reveal: 'Tampilkan detail',
    manage: 'Ubah antrean',
    cancel: 'Batalkan antrean',
    cancelConfirm: (n) => `Yakin membatalkan antrean ${n}? Tempat Anda langsung diberikan ke orang lain.`,
    cancelYes: 'Ya, batalkan',
    cancelNo: 'Tidak',
    reschedule: 'Ganti jadwal',
    rescheduleHeading: 'Pilih jadwal baru',
    rescheduleIntro: 'Jadwal bisa diganti paling lambat sehari sebelum tanggal antrean.',
    rescheduleSave: 'Simpan jadwal baru',
    rescheduleClose: 'Batal ganti jadwal',
    rescheduled: (d, tm) => `Jadwal sudah diganti ke ${d}, ${tm}.`,
    rescheduleTooLate: 'Jadwal hanya bisa diganti paling lambat sehari sebelum tanggal antrean.',
    current: 'jadwal Anda sekarang',
    busy: 'Sedang memproses…',
  },
  en: {
    ...BOOKING_MESSAGES.en,
    title: 'Queue ticket',
    number: 'Queue number',
    service: 'Service',
    agency: 'Agency',
    date: 'Date',
    time: 'Time',
    location: 'Location',
    name: 'Name',
    nik: 'NIK',
    phone: 'Mobile number',
    code: 'Booking code',
    codeHint: 'Show this code or QR code at the counter.',
    qrLabel: (c) => `QR code for booking code ${c}`,
    bring: 'What to bring',
    bringHint: 'Tick what you have ready.',
    checked: (n, t) => `${n} of ${t} requirements ready`,
    calendar: 'Add to calendar (.ics)',
    calendarTitle: 'MPP queue',
    whatsapp: 'Share on WhatsApp',
    shareText: (n, s, d, tm, c) => `Queue ${n} – ${s}, ${d} at ${tm}. Booking code: ${c}`,
    later: 'Open this ticket later',
    live: 'Queue position',
    nowServing: (n) => `Now serving: ${n}`,
    nobodyServed: 'No number has been called yet.',
    ahead: (n) => (n === 0 ? 'Nobody is ahead of you.' : n === 1 ? '1 person ahead of you' : `${n} people ahead of you`),
    wait: (x) => `Estimated wait ± ${x}`,
    comeAt: (w) => `Come at your booked time: ${w}.`,
    minutes: (n) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
    hours: (h, m) => `${h} h${m ? ` ${m} min` : ''}`,
    status: {
      booked: 'Booked',
      checked_in: 'Checked in',
      called: 'Your number is being called! Please go to the counter.',
      served: 'Served.',
      no_show: 'Not present when called.',
      cancelled: 'This queue number was cancelled.',
    },
    connection: {
      connecting: 'Connecting…',
      live: 'Live',
      reconnecting: 'Reconnecting…',
      polling: 'Updated every few seconds',
      stopped: 'Not updating',
      offline: 'Offline — showing the last data',
    },
    updated: (t) => `updated ${t}`,
    loading: 'Loading the ticket…',
    codeEntry: 'See a queue ticket',
    codeLabel: 'Booking code',
    codeFormat: 'Eight letters/digits, for example AB12-CD34.',
    show: 'Show',
    revealHeading: 'Details, cancelling and changing the date',
    revealIntro: 'Enter the mobile number you used for the booking.',
    reveal: 'Show details',
    manage: 'Change this booking',
    cancel: 'Cancel the booking',
    cancelConfirm: (n) => `Cancel queue number ${n}? Your place goes to someone else at once.`,
    cancelYes: 'Yes, cancel',
    cancelNo: 'No',
    reschedule: 'Change date',
    rescheduleHeading: 'Choose a new date and time',
    rescheduleIntro: 'The date can be changed up to the day before.',
    rescheduleSave: 'Save the new time',
    rescheduleClose: 'Keep the current time',
    rescheduled: (d, tm) => `Moved to ${d}, ${tm}.`,
    rescheduleTooLate: 'The date can only be changed up to the day before.',
    current: 'your current time',
    busy: 'Processing…',
  },
};
