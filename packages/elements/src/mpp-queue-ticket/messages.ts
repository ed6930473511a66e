import type { WatchStatus } from '@mpp-kit/core';
import { LocaleCatalog } from '../shared/locale-catalog.js';
import { problemsId, type ProblemMessages } from '../shared/problems.js';
import { scheduleId, type ScheduleMessages } from '../shared/schedule-messages.js';

/** Every string `<mpp-queue-ticket>` shows, per locale. */
export interface TicketMessages extends ScheduleMessages {
  title: string;
  // the ticket's facts
  service: string;
  agency: string;
  date: string;
  time: string;
  name: string;
  nik: string;
  phone: string;
  bring: string;
  submitting: string;
  number: string;
  location: string;
  code: string;
  codeHint: string;
  qrLabel(code: string): string;
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
  /** The outcome of a ticket that is over, said first. */
  outcome: Record<'served' | 'no_show' | 'cancelled' | 'expired', string>;
  /** The call, at the top of the ticket (`B-005 dipanggil — silakan ke Loket 3`). */
  called(number: string, counter: string | null): string;
  alertToggle: string;
  alertHint: string;
  connection: Record<WatchStatus | 'offline', string>;
  updated(time: string): string;
  loading: string;
  // code entry and details
  codeEntry: string;
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
  /** Every API problem and client failure in plain words (shared by all widgets). */
  problems: ProblemMessages;
}

const id: TicketMessages = {
  ...scheduleId,
  title: 'Tiket antrean',
  service: 'Layanan',
  agency: 'Instansi',
  date: 'Tanggal',
  time: 'Jam',
  nik: 'NIK',
  phone: 'Nomor HP',
  bring: 'Yang perlu dibawa',
  submitting: 'Sedang memproses…',
  number: 'Nomor antrean',
  location: 'Lokasi',
  name: 'Nama',
  code: 'Kode booking',
  codeHint: 'Tunjukkan kode atau QR ini di loket.',
  qrLabel: (c) => `Kode QR untuk kode booking ${c}`,
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
  outcome: {
    served: 'Antrean ini sudah selesai dilayani.',
    no_show: 'Nomor ini sudah dipanggil, tetapi Anda tidak hadir. Silakan ambil antrean baru.',
    cancelled: 'Antrean ini sudah dibatalkan.',
    expired: 'Tanggal antrean ini sudah lewat. Silakan ambil antrean baru.',
  },
  called: (n, c) => (c ? `${n} dipanggil — silakan ke ${c}` : `${n} dipanggil — silakan ke loket`),
  alertToggle: 'Bunyi dan getar saat nomor saya dipanggil',
  alertHint: 'Disimpan di perangkat ini. Biarkan halaman ini terbuka.',
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
  problems: problemsId,
};

/** The ticket's messages: Indonesian bundled, English loaded on first use (`messages.en.ts`). */
export const TICKET_MESSAGES = new LocaleCatalog<TicketMessages>(id, () => import('./messages.en.js').then((m) => m.ticketEn));
