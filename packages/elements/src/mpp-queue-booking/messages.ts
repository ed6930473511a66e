import { errorMessage, type Locale } from '../shared/i18n.js';
import { LocaleCatalog } from '../shared/locale-catalog.js';

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
  /** Queue error codes (server problems and field checks) in plain words; network and server errors come from the shared catalogue. */
  errors: Record<string, string>;
  /** Non-blocking hints by warning code. */
  warnings: Record<string, string>;
}

const id: BookingMessages = {
  // dates and times
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
  errors: {
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
  warnings: {
    nik_unknown_regency: 'Kode daerah di NIK ini tidak ada di daftar kami. Tidak apa-apa: warga luar daerah tetap bisa mengambil antrean.',
  },
};

/** The booking's messages: Indonesian bundled, English loaded on first use (`messages.en.ts`). */
export const BOOKING_MESSAGES = new LocaleCatalog<BookingMessages>(id, () => import('./messages.en.js').then((m) => m.bookingEn));

/** Plain-language message for a queue error code; network, timeout and server errors come from the shared catalogue. */
export const queueErrorMessage = (t: Pick<BookingMessages, 'errors'>, locale: Locale, code: string | undefined): string =>
  t.errors[code ?? ''] ?? errorMessage(locale, code);
