import type { ComplaintProblem, MppErrorKind, ProblemCode } from '@mpp-kit/core';

/** Failures without a problem answer from the server: the SDK's error kinds (`network`, `timeout`, …). */
export type ClientErrorCode = Exclude<MppErrorKind, 'problem'>;

/**
 * A sentence for every error a widget can show: each problem code of the API (`PROBLEM_CODES` in
 * core), each client failure, and a fallback. Typed as a full record, so a server code added to
 * core without words in every locale fails the type check. Shared by all widgets: a code means
 * the same wherever it shows. The complaint codes are not here: only the Si Badra widgets meet
 * them, and they carry their own words, so the catalog and queue widgets do not ship them.
 */
export type ProblemMessages = Record<Exclude<ProblemCode, ComplaintProblem> | ClientErrorCode | 'fallback', string>;

/** The words for an error code; a code unknown to this version of the widgets gets the fallback. */
export const problemText = (m: ProblemMessages, code: string | null | undefined): string =>
  code && Object.hasOwn(m, code) ? m[code as keyof ProblemMessages] : m.fallback;

/** Indonesian (bundled). English: `problems.en.ts`, loaded with each widget's English texts. */
export const problemsId: ProblemMessages = {
  // no answer
  network: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.',
  timeout: 'Server terlalu lama menjawab. Silakan coba lagi.',
  aborted: 'Permintaan dibatalkan. Silakan coba lagi.',
  invalid_response: 'Jawaban server tidak dapat dibaca. Silakan coba lagi nanti.',
  fallback: 'Terjadi kesalahan. Silakan coba lagi.',
  // request
  bad_request: 'Permintaan tidak valid. Muat ulang halaman, lalu coba lagi.',
  validation_failed: 'Ada isian yang tidak valid. Periksa lagi data Anda.',
  malformed_json: 'Permintaan tidak valid. Muat ulang halaman, lalu coba lagi.',
  unsupported_media_type: 'Permintaan tidak valid. Muat ulang halaman, lalu coba lagi.',
  payload_too_large: 'Data yang dikirim terlalu besar.',
  route_not_found: 'Alamat layanan tidak ditemukan. Periksa pengaturan widget.',
  method_not_allowed: 'Permintaan tidak valid. Muat ulang halaman, lalu coba lagi.',
  request_aborted: 'Pengiriman terputus. Silakan coba lagi.',
  request_timeout: 'Pengiriman terlalu lama. Periksa koneksi internet Anda, lalu coba lagi.',
  header_too_large: 'Permintaan terlalu besar. Muat ulang halaman, lalu coba lagi.',
  rate_limited: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
  internal_error: 'Terjadi gangguan di server. Silakan coba lagi nanti.',
  unauthorized: 'Silakan masuk terlebih dahulu.',
  forbidden: 'Anda tidak punya akses untuk ini.',
  // fields
  text_invalid_unicode: 'Ada karakter yang tidak bisa dibaca. Ketik ulang isian ini.',
  text_control_char: 'Ada karakter tak terlihat yang tidak diizinkan. Ketik ulang isian ini.',
  text_bidi_control: 'Ada karakter arah tulisan yang tidak diizinkan. Ketik ulang isian ini.',
  name_contains_nik: 'Jangan menulis NIK di kolom nama. Tulis nama lengkap Anda.',
  date_invalid: 'Tanggal tidak valid.',
  date_out_of_range: 'Tanggal di luar rentang yang bisa dipakai.',
  date_range_reversed: 'Tanggal akhir tidak boleh sebelum tanggal awal.',
  number_invalid: 'Angka tidak valid.',
  id_invalid: 'Kode tidak valid.',
  header_invalid: 'Permintaan tidak valid. Muat ulang halaman, lalu coba lagi.',
  // catalog
  agency_not_found: 'Instansi ini tidak ditemukan.',
  service_not_found: 'Layanan ini tidak ditemukan.',
  // identity
  nik_format: 'NIK harus 16 angka.',
  nik_province: 'Dua angka pertama NIK bukan kode provinsi yang dikenal. Periksa lagi NIK Anda.',
  nik_region: 'Kode kabupaten/kota atau kecamatan di NIK (angka ke-3 sampai ke-6) tidak mungkin. Periksa lagi NIK Anda.',
  nik_birth_date: 'Tanggal lahir di NIK tidak valid (untuk perempuan tanggal ditambah 40).',
  nik_serial: 'Empat angka terakhir NIK tidak boleh 0000.',
  nik_repeated: 'NIK ini tidak mungkin (angkanya berulang). Periksa lagi NIK Anda.',
  phone_format: 'Nomor HP tidak valid. Contoh: 0812-3456-7890.',
  phone_not_mobile: 'Gunakan nomor HP (08…), bukan telepon rumah.',
  email_format: 'Alamat e-mail tidak valid. Contoh: nama@contoh.id',
  // queue
  slot_not_found: 'Jam ini tidak tersedia lagi. Silakan pilih jam lain.',
  slot_full: 'Jam ini baru saja penuh. Silakan pilih jam lain.',
  date_past: 'Tanggal atau jam ini sudah lewat. Silakan pilih yang lain.',
  date_closed: 'Kantor tutup pada tanggal ini. Silakan pilih tanggal lain.',
  date_not_open_yet: 'Kuota tanggal ini belum dibuka. Silakan pilih tanggal lain.',
  date_beyond_window: 'Tanggal ini terlalu jauh ke depan. Pilih tanggal dalam 14 hari ke depan.',
  no_online_queue: 'Layanan ini tidak memakai antrean daring. Silakan datang langsung ke loket.',
  duplicate_booking: 'NIK ini sudah punya antrean untuk layanan ini pada tanggal tersebut.',
  booking_limit_nik: 'NIK ini sudah punya cukup banyak antrean pada tanggal tersebut.',
  booking_limit_phone: 'Nomor HP ini sudah dipakai untuk cukup banyak antrean pada tanggal tersebut.',
  booking_not_found: 'Kode antrean tidak ditemukan. Periksa lagi kodenya.',
  booking_cancelled: 'Antrean ini sudah dibatalkan.',
  booking_not_changeable:
    'Antrean ini tidak bisa diubah lagi: sudah dipanggil atau dilayani, atau jadwal hanya bisa diganti paling lambat sehari sebelumnya.',
  phone_mismatch: 'Nomor HP tidak cocok dengan nomor yang dipakai saat mendaftar.',
  idempotency_key_reused: 'Permintaan ini sudah pernah dikirim dengan data lain. Silakan kirim ulang.',
  queue_not_found: 'Antrean ini tidak ditemukan.',
  // holidays (staff)
  holiday_exists: 'Hari libur ini sudah tercatat.',
  holiday_not_found: 'Hari libur ini tidak ditemukan.',
  holiday_scope_mismatch: 'Layanan ini bukan milik instansi yang dipilih.',
};
