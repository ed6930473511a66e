import { LocaleCatalog } from '../shared/locale-catalog.js';
import { problemsId, problemText, type ProblemMessages } from '../shared/problems.js';
import { scheduleId, type ScheduleMessages } from '../shared/schedule-messages.js';

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
  /** Heading of the service's conditions to meet, shown before what to bring. */
  conditions: string;
  submit: string;
  submitting: string;
  edit: string;
  // 6 ticket
  ticketHeading: string;
  cancelledHeading: string;
  another: string;
  openTicket: string;
  // a second booking for the same NIK, service and day
  duplicateExisting: string;
  duplicateUnknown: string;
  number: string;
  code: string;
  otherDate: string;
  otherService: string;
  /** Codes of the browser's own field checks that are not API problem codes. */
  fieldErrors: { name_required: string; invalid_field: string };
  /** Every API problem and client failure in plain words (shared by all widgets). */
  problems: ProblemMessages;
  /** Non-blocking hints by warning code. */
  warnings: Record<string, string>;
}

const id: BookingMessages = {
  ...scheduleId,
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
  conditions: 'Syarat yang harus dipenuhi',
  submit: 'Ambil nomor antrean',
  submitting: 'Sedang memproses…',
  edit: 'Ubah data',
  ticketHeading: 'Nomor antrean Anda sudah terdaftar',
  cancelledHeading: 'Antrean Anda sudah dibatalkan',
  another: 'Buat antrean lain',
  openTicket: 'Lihat tiket',
  duplicateExisting: 'Ini antrean Anda yang sudah terdaftar.',
  duplicateUnknown: 'Kode bookingnya sudah diberikan saat mendaftar, untuk nomor HP yang dipakai waktu itu.',
  number: 'Nomor antrean',
  code: 'Kode booking',
  otherDate: 'Pilih tanggal lain',
  otherService: 'Pilih layanan lain',
  fieldErrors: {
    name_required: 'Tulis nama lengkap Anda (minimal 2 huruf).',
    invalid_field: 'Isian ini tidak valid.',
  },
  problems: problemsId,
  warnings: {
    nik_unknown_regency: 'Kode daerah di NIK ini tidak ada di daftar kami. Tidak apa-apa: warga luar daerah tetap bisa mengambil antrean.',
  },
};

/** The booking's messages: Indonesian bundled, English loaded on first use (`messages.en.ts`). */
export const BOOKING_MESSAGES = new LocaleCatalog<BookingMessages>(id, () => import('./messages.en.js').then((m) => m.bookingEn));

/** Plain words for an error code: the booking's own field checks first, then the shared problem texts. */
export const bookingErrorText = (t: BookingMessages, code: string | null | undefined): string =>
  code && Object.hasOwn(t.fieldErrors, code) ? t.fieldErrors[code as keyof BookingMessages['fieldErrors']] : problemText(t.problems, code);

/** The words for a field's error code; codes without their own words (schema checks such as `too_big`) still say the field is wrong. */
export const bookingFieldText = (t: BookingMessages, code: string): string =>
  Object.hasOwn(t.fieldErrors, code) || Object.hasOwn(t.problems, code) ? bookingErrorText(t, code) : t.fieldErrors.invalid_field;
