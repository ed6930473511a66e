import { LocaleCatalog } from '../shared/locale-catalog.js';
import { problemsId, problemText } from '../shared/problems.js';
import { scheduleId } from '../shared/schedule-messages.js';
import type { BookingMessages } from './message-types.js';

export type { BookingMessages } from './message-types.js';

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
