import { complaintStatusesId, contactProofId } from '../shared/si-badra-messages.js';
import { LocaleCatalog } from '../shared/locale-catalog.js';
import { problemsId } from '../shared/problems.js';
import type { TrackMessages } from './message-types.js';

export type { TrackMessages } from './message-types.js';

const id: TrackMessages = {
  title: 'Status aduan',
  codeEntry: 'Lacak aduan',
  codeLabel: 'Kode aduan',
  codeHint: 'Kode ada di bukti pengiriman aduan, misalnya SB-7K3MQ-9XD2F.',
  codeFormat: 'Kode aduan berbentuk SB-XXXXX-XXXXX (huruf dan angka).',
  show: 'Lacak',
  loading: 'Memuat aduan…',
  retry: 'Coba lagi',
  code: 'Kode aduan',
  category: 'Kategori',
  agency: 'Instansi',
  filed: 'Dikirim',
  place: 'Lokasi',
  status: 'Status',
  statuses: complaintStatusesId,
  rejectReasons: {
    hoax: 'Aduan tidak benar (hoaks).',
    duplicate: 'Aduan yang sama sudah pernah dilaporkan.',
    out_of_scope: 'Aduan ini bukan wewenang pemerintah kota.',
    incomplete: 'Aduan kurang lengkap.',
  },
  by: { citizen: 'Pelapor', verifier: 'Verifikator', agency: 'Instansi', system: 'Sistem' },
  complaint: 'Isi aduan',
  timeline: 'Riwayat',
  photoAlt: (n, total) => (total > 1 ? `Foto aduan ${n} dari ${total}` : 'Foto aduan'),
  answerPhotoAlt: (by, n) => `Foto dari ${by.toLowerCase()} ${n}`,
  clockRunning: (w, left) => `Dijawab dalam ${w} jam — sisa ${left} jam`,
  clockEscalated: (level, left) =>
    level >= 2
      ? 'Belum dijawab lewat batas waktu — diteruskan ke Wali Kota.'
      : `Belum dijawab lewat batas waktu — diteruskan ke Kepala OPD${left === null ? '.' : `; sisa ${left} jam sebelum ke Wali Kota.`}`,
  clockAnswered: (w) => `Dijawab ${w}`,
  unverified: 'Kontak pelapor belum dikonfirmasi: aduan diteruskan setelah kode konfirmasi dimasukkan.',
  replyHeading: 'Tanggapan Anda',
  replyIntro: 'Sudah beres? Tutup aduan. Belum? Tulis apa yang masih kurang: aduan dibuka kembali untuk instansi.',
  replyLabel: 'Tanggapan',
  replyHint: 'Minimal 2 karakter.',
  replyTooShort: 'Tulis tanggapan Anda (minimal 2 karakter).',
  accept: 'Sudah beres, tutup aduan',
  dispute: 'Belum beres, buka kembali',
  sending: 'Mengirim…',
  replied: {
    closed: 'Terima kasih. Aduan sudah ditutup.',
    reopened: 'Aduan dibuka kembali dan diteruskan lagi ke instansi.',
  },
  mine: {
    title: 'Aduan saya',
    tabsLabel: 'Cara melihat aduan',
    byCode: 'Lacak dengan kode',
    intro:
      'Lihat semua aduan yang pernah Anda kirim, tanpa akun: masukkan e-mail atau nomor ponsel yang Anda pakai saat melapor, lalu kode yang kami kirim.',
    loading: 'Memuat aduan Anda…',
    empty: 'Belum ada aduan dengan kontak ini.',
    count: (n) => `${n} aduan`,
    hoursLeft: (left) => `Sisa ${left} jam untuk dijawab`,
    back: 'Kembali ke aduan saya',
    signOut: 'Keluar dari aduan saya',
    proof: {
      ...contactProofId,
      legend: 'Kontak yang Anda pakai saat melapor',
      confirm: 'Tampilkan aduan saya',
      proven: (h) => `Aduan dengan kontak ${h} (berlaku 1 jam di tab ini).`,
    },
  },
  checks: {
    email_invalid: 'Alamat e-mail belum benar, misalnya nama@contoh.id.',
    phone_invalid: 'Nomor ponsel belum benar, misalnya 0812 3456 7890.',
    otp_format: 'Kode konfirmasi terdiri dari 6 angka.',
  },
  complaintProblems: {
    complaint_not_found: 'Aduan dengan kode ini tidak ditemukan. Periksa lagi kodenya.',
    complaint_transition: 'Status aduan sudah berubah. Muat ulang untuk melihat status terbaru.',
    contact_required: 'Isi e-mail atau nomor ponsel.',
    verification_code_wrong: 'Kode konfirmasi salah. Periksa lagi.',
    verification_code_expired: 'Kode konfirmasi sudah kedaluwarsa. Minta kode baru.',
    verification_locked: 'Terlalu banyak kode salah. Minta kode baru.',
    contact_ticket_not_found: 'Kode ini sudah tidak berlaku. Minta kode baru.',
    contact_proof_invalid: 'Konfirmasi kontak Anda sudah berakhir. Masukkan kontak Anda lagi untuk menerima kode baru.',
  },
  problems: problemsId,
};

/** The tracker's messages: Indonesian bundled, English loaded on first use (`messages.en.ts`). */
export const TRACK_MESSAGES = new LocaleCatalog<TrackMessages>(id, () => import('./messages.en.js').then((m) => m.trackEn));
