import { errorMessage, type Locale } from '../shared/i18n.js';

/** Texts of the date and time-slot pickers, shared by the booking and the ticket (reschedule) widgets. */
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

/** Every string `<mpp-queue-booking>` shows, per locale. */
export interface BookingMessages extends ScheduleMessages {
  title: string;
  stepsLabel: string;
  stepNames: [string, string, string, string, string];
  stepOf(n: number, total: number, name: string): string;
  stepDone: string;
  stepCurrent: string;
  back: string;
  next: string;
  // 1 service
  serviceHeading: string;
  serviceSearch: string;
  servicePlaceholder: string;
  serviceCount(n: number): string;
  noService(q: string): string;
  loadingServices: string;
  showMore(n: number): string;
  stale: string;
  // 2 date
  dateHeading: string;
  changeService: string;
  // 3 slot
  slotHeading: string;
  // 4 identity
  identityHeading: string;
  identityIntro: string;
  name: string;
  nik: string;
  nikHint: string;
  phone: string;
  phoneHint: string;
  email: string;
  emailHint: string;
  optional: string;
  errorSummary(n: number): string;
  // 5 confirm
  confirmHeading: string;
  confirmIntro: string;
  service: string;
  agency: string;
  date: string;
  time: string;
  bring: string;
  submit: string;
  submitting: string;
  edit: string;
  // 6 ticket
  ticketHeading: string;
  cancelledHeading: string;
  another: string;
}

const idSchedule: ScheduleMessages = {
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

const enSchedule: ScheduleMessages = {
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

export const BOOKING_MESSAGES: Record<Locale, BookingMessages> = {
  id: {
    ...idSchedule,
    title: 'Ambil nomor antrean',
    stepsLabel: 'Langkah pendaftaran',
    stepNames: ['Layanan', 'Tanggal', 'Jam', 'Data diri', 'Konfirmasi'],
    stepOf: (n, total, name) => `Langkah ${n} dari ${total}: ${name}`,
    stepDone: 'selesai',
    stepCurrent: 'langkah sekarang',
    back: 'Kembali',
    next: 'Lanjut',
    serviceHeading: 'Pilih layanan',
    serviceSearch: 'Cari layanan',
    servicePlaceholder: 'Contoh: KTP, SKCK, paspor',
    serviceCount: (n) => `${n} layanan dengan antrean daring`,
    noService: (q) => `Tidak ada layanan dengan antrean daring yang cocok dengan “${q}”.`,
    loadingServices: 'Memuat layanan…',
    showMore: (n) => `Tampilkan semua (${n})`,
    stale: 'Anda sedang luring. Daftar layanan adalah data tersimpan terakhir.',
    dateHeading: 'Pilih tanggal',
    changeService: 'Ganti layanan',
    slotHeading: 'Pilih jam',
    identityHeading: 'Data diri',
    identityIntro: 'Data ini hanya dipakai untuk antrean Anda. NIK disimpan tersamar.',
    name: 'Nama lengkap',
    nik: 'NIK',
    nikHint: '16 angka, ada di KTP atau Kartu Keluarga.',
    phone: 'Nomor HP',
    phoneHint: 'Untuk pengingat lewat WhatsApp/SMS. Contoh: 0812-3456-7890.',
    email: 'E-mail',
    emailHint: 'Tidak wajib.',
    optional: 'tidak wajib',
    errorSummary: (n) => (n === 1 ? 'Ada 1 isian yang perlu diperbaiki.' : `Ada ${n} isian yang perlu diperbaiki.`),
    confirmHeading: 'Periksa lagi',
    confirmIntro: 'Pastikan data di bawah ini benar sebelum mengambil nomor antrean.',
    service: 'Layanan',
    agency: 'Instansi',
    date: 'Tanggal',
    time: 'Jam',
    bring: 'Yang perlu dibawa',
    submit: 'Ambil nomor antrean',
    submitting: 'Sedang memproses…',
    edit: 'Ubah data',
    ticketHeading: 'Nomor antrean Anda sudah terdaftar',
    cancelledHeading: 'Antrean Anda sudah dibatalkan',
    another: 'Buat antrean lain',
  },
  en: {
    ...enSchedule,
    title: 'Get a queue number',
    stepsLabel: 'Booking steps',
    stepNames: ['Service', 'Date', 'Time', 'Your details', 'Confirm'],
    stepOf: (n, total, name) => `Step ${n} of ${total}: ${name}`,
    stepDone: 'done',
    stepCurrent: 'current step',
    back: 'Back',
    next: 'Continue',
    serviceHeading: 'Choose a service',
    serviceSearch: 'Search services',
    servicePlaceholder: 'For example: ID card, police certificate, passport',
    serviceCount: (n) => `${n} ${n === 1 ? 'service' : 'services'} with an online queue`,
    noService: (q) => `No service with an online queue matches “${q}”.`,
    loadingServices: 'Loading services…',
    showMore: (n) => `Show all (${n})`,
    stale: 'You are offline. The service list is the last saved data.',
    dateHeading: 'Choose a date',
    changeService: 'Change service',
    slotHeading: 'Choose a time',
    identityHeading: 'Your details',
    identityIntro: 'These details are only used for your queue number. The NIK is stored masked.',
    name: 'Full name',
    nik: 'NIK (national ID number)',
    nikHint: '16 digits, on your KTP or family card (KK).',
    phone: 'Mobile number',
    phoneHint: 'For reminders by WhatsApp/SMS. Example: 0812-3456-7890.',
    email: 'E-mail',
    emailHint: 'Optional.',
    optional: 'optional',
    errorSummary: (n) => (n === 1 ? '1 field needs correcting.' : `${n} fields need correcting.`),
    confirmHeading: 'Check your booking',
    confirmIntro: 'Make sure the details below are right before you take the number.',
    service: 'Service',
    agency: 'Agency',
    date: 'Date',
    time: 'Time',
    bring: 'What to bring',
    submit: 'Get the queue number',
    submitting: 'Processing…',
    edit: 'Change details',
    ticketHeading: 'Your queue number is booked',
    cancelledHeading: 'Your booking was cancelled',
    another: 'Book another',
  },
};

/** Queue error codes (server problems and field checks) in plain words. Network and server errors come from the shared catalogue. */
export const QUEUE_ERRORS: Record<Locale, Record<string, string>> = {
  id: {
    name_required: 'Tulis nama lengkap Anda (minimal 2 huruf).',
    nik_format: 'NIK harus 16 angka.',
    nik_province: 'Dua angka pertama NIK bukan kode provinsi yang dikenal. Periksa lagi NIK Anda.',
    nik_region: 'Kode kabupaten/kota atau kecamatan di NIK (angka ke-3 sampai ke-6) tidak boleh 00.',
    nik_birth_date: 'Tanggal lahir di NIK tidak valid (untuk perempuan tanggal ditambah 40).',
    nik_serial: 'Empat angka terakhir NIK tidak boleh 0000.',
    phone_format: 'Nomor HP tidak valid. Contoh: 0812-3456-7890.',
    phone_not_mobile: 'Gunakan nomor HP (08…), bukan telepon rumah.',
    email_format: 'Alamat e-mail tidak valid. Contoh: nama@contoh.id',
    duplicate_booking: 'NIK ini sudah punya antrean untuk layanan ini pada tanggal tersebut.',
    slot_full: 'Jam ini baru saja penuh. Silakan pilih jam lain.',
    slot_not_found: 'Jam ini tidak tersedia lagi. Silakan pilih jam lain.',
    date_past: 'Tanggal atau jam ini sudah lewat. Silakan pilih yang lain.',
    date_closed: 'Kantor tutup pada tanggal ini. Silakan pilih tanggal lain.',
    date_not_open_yet: 'Kuota tanggal ini belum dibuka. Silakan pilih tanggal lain.',
    date_beyond_window: 'Tanggal ini terlalu jauh ke depan. Pilih tanggal dalam 14 hari ke depan.',
    no_online_queue: 'Layanan ini tidak memakai antrean daring. Silakan datang langsung ke loket.',
    booking_not_found: 'Kode antrean tidak ditemukan. Periksa lagi kodenya.',
    booking_cancelled: 'Antrean ini sudah dibatalkan.',
    booking_not_changeable:
      'Antrean ini tidak bisa diubah lagi: sudah dipanggil atau dilayani, atau jadwal hanya bisa diganti paling lambat sehari sebelumnya.',
    phone_mismatch: 'Nomor HP tidak cocok dengan nomor yang dipakai saat mendaftar.',
    idempotency_key_reused: 'Permintaan ini sudah pernah dikirim dengan data lain. Silakan kirim ulang.',
    validation_failed: 'Ada isian yang tidak valid. Periksa lagi data Anda.',
    queue_not_found: 'Antrean ini tidak ditemukan.',
    invalid_field: 'Isian ini tidak valid.',
  },
  en: {
    name_required: 'Write your full name (at least 2 letters).',
    nik_format: 'The NIK must be 16 digits.',
    nik_province: 'The first two digits of the NIK are not a known province code. Please check your NIK.',
    nik_region: 'The regency/city or district code in the NIK (digits 3 to 6) cannot be 00.',
    nik_birth_date: 'The date of birth in the NIK is not valid (for women, 40 is added to the day).',
    nik_serial: 'The last four digits of the NIK cannot be 0000.',
    phone_format: 'This mobile number is not valid. Example: 0812-3456-7890.',
    phone_not_mobile: 'Use a mobile number (08…), not a landline.',
    email_format: 'This e-mail address is not valid. Example: name@example.id',
    duplicate_booking: 'This NIK already has a queue number for this service on that date.',
    slot_full: 'This time just filled up. Please choose another time.',
    slot_not_found: 'This time is no longer available. Please choose another time.',
    date_past: 'This date or time has passed. Please choose another.',
    date_closed: 'The office is closed on this date. Please choose another date.',
    date_not_open_yet: 'Booking for this date has not opened yet. Please choose another date.',
    date_beyond_window: 'This date is too far ahead. Choose a date within the next 14 days.',
    no_online_queue: 'This service has no online queue. Please come to the counter.',
    booking_not_found: 'No queue number with this code. Please check the code.',
    booking_cancelled: 'This queue number was cancelled.',
    booking_not_changeable:
      'This queue number can no longer be changed: it was already called or served, or the date can only be changed up to the day before.',
    phone_mismatch: 'This mobile number does not match the one used for the booking.',
    idempotency_key_reused: 'This request was already sent with other details. Please send it again.',
    validation_failed: 'Some details are not valid. Please check them.',
    queue_not_found: 'This queue was not found.',
    invalid_field: 'This field is not valid.',
  },
};

/** Plain-language message for a queue error code; network, timeout and server errors come from the shared catalogue. */
export const queueErrorMessage = (locale: Locale, code: string | undefined): string =>
  QUEUE_ERRORS[locale][code ?? ''] ?? errorMessage(locale, code);

/** Non-blocking hints by warning code. */
export const QUEUE_WARNINGS: Record<Locale, Record<string, string>> = {
  id: {
    nik_unknown_regency: 'Kode daerah di NIK ini tidak ada di daftar kami. Tidak apa-apa: warga luar daerah tetap bisa mengambil antrean.',
  },
  en: {
    nik_unknown_regency: 'The region code in this NIK is not in our list. That is fine: residents of other regions can still book.',
  },
};
