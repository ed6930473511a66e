/**
 * Indonesian search vocabulary for the catalog index: spelling folds, abbreviations and synonyms,
 * words that carry no meaning in a search box, and a light affix stemmer.
 *
 * All entries are written in normalised form (lowercase ASCII letters and digits, single spaces),
 * i.e. the output of `normalizeIndonesian` before folds are applied. These are data tables, not UI text.
 */

/**
 * One-word spelling variants folded to a single form everywhere (documents and queries), so
 * `akte` and `akta` are the same word. Applied token by token after punctuation is stripped.
 */
export const SPELLING_FOLDS: Readonly<Record<string, string>> = {
  akte: 'akta',
  sertipikat: 'sertifikat',
  sertipikasi: 'sertifikasi',
  ijin: 'izin',
  perijinan: 'perizinan',
  passport: 'paspor',
  pasport: 'paspor',
  pasfor: 'paspor',
  ektp: 'ktp',
  ktpel: 'ktp',
  propinsi: 'provinsi',
  nomer: 'nomor',
  no: 'nomor',
  photo: 'foto',
  apotik: 'apotek',
  praktek: 'praktik',
  kwitansi: 'kuitansi',
  ktr: 'kantor',
  kec: 'kecamatan',
  kel: 'kelurahan',
  kab: 'kabupaten',
  pemkot: 'pemerintah kota',
  bpjamsostek: 'bpjs ketenagakerjaan',
  jamsostek: 'bpjs ketenagakerjaan',
  askes: 'bpjs kesehatan',
  kis: 'bpjs kesehatan',
  ijasah: 'ijazah',
  sekolahan: 'sekolah',
  motornya: 'motor',
  mobilnya: 'mobil',
  rumahnya: 'rumah',
  anaknya: 'anak',
  ukm: 'umkm',
  gmn: 'bagaimana',
  gimana: 'bagaimana',
  bgmn: 'bagaimana',
  yg: 'yang',
  dgn: 'dengan',
  utk: 'untuk',
  tdk: 'tidak',
  sy: 'saya',
  dmn: 'dimana',
};

/**
 * Concepts: a canonical token and the phrases or words that mean it. When a document contains a
 * variant, the canonical token is indexed next to it; when a query contains a variant, it is
 * replaced by the canonical token. This makes abbreviations and their long forms match both ways.
 * Variants are normalised word sequences (after `SPELLING_FOLDS`).
 */
export interface Concept {
  readonly canon: string;
  readonly variants: readonly string[];
}

export const CONCEPTS: readonly Concept[] = [
  // Kependudukan (Disdukcapil)
  { canon: 'ktp', variants: ['kartu tanda penduduk', 'e ktp', 'ktp el', 'ktp elektronik', 'kartu tanda penduduk elektronik', 'e ktp el'] },
  { canon: 'kk', variants: ['kartu keluarga'] },
  { canon: 'kia', variants: ['kartu identitas anak', 'ktp anak'] },
  { canon: 'nik', variants: ['nomor induk kependudukan'] },
  {
    canon: 'skpwni',
    variants: [
      'surat keterangan pindah',
      'surat pindah',
      'surat keterangan pindah wni',
      'pindah domisili',
      'pindah datang',
      'pindah keluar',
    ],
  },
  { canon: 'lahir', variants: ['kelahiran', 'melahirkan', 'dilahirkan', 'kelahirannya'] },
  { canon: 'mati', variants: ['kematian', 'meninggal', 'meninggal dunia', 'wafat', 'almarhum'] },
  { canon: 'nikah', variants: ['kawin', 'perkawinan', 'pernikahan', 'menikah', 'kawinan'] },
  { canon: 'cerai', variants: ['perceraian', 'bercerai'] },
  {
    canon: 'dukcapil',
    variants: ['disdukcapil', 'capil', 'catatan sipil', 'dinas kependudukan dan pencatatan sipil', 'kependudukan dan pencatatan sipil'],
  },
  // Kepolisian
  {
    canon: 'skck',
    variants: [
      'surat keterangan catatan kepolisian',
      'surat kelakuan baik',
      'surat berkelakuan baik',
      'surat keterangan kelakuan baik',
      'surat keterangan berkelakuan baik',
      'kelakuan baik',
      'catatan kepolisian',
    ],
  },
  { canon: 'polisi', variants: ['polri', 'polres', 'polresta', 'kepolisian', 'polsek', 'kapolres'] },
  { canon: 'sim', variants: ['surat izin mengemudi'] },
  { canon: 'stnk', variants: ['surat tanda nomor kendaraan', 'surat tanda nomor kendaraan bermotor'] },
  { canon: 'bpkb', variants: ['buku pemilik kendaraan bermotor', 'buku pemilik kendaraan'] },
  // Pajak
  { canon: 'npwp', variants: ['nomor pokok wajib pajak'] },
  { canon: 'npwpd', variants: ['nomor pokok wajib pajak daerah'] },
  { canon: 'pbb', variants: ['pajak bumi dan bangunan', 'pajak bumi bangunan', 'pbb p2', 'sppt'] },
  { canon: 'bphtb', variants: ['bea perolehan hak atas tanah dan bangunan', 'bea perolehan hak atas tanah', 'bea perolehan'] },
  {
    canon: 'pkb',
    variants: ['pajak kendaraan bermotor', 'pajak kendaraan', 'pajak motor', 'pajak mobil', 'pajak tahunan kendaraan', 'pajak stnk'],
  },
  {
    canon: 'bbnkb',
    variants: ['bea balik nama kendaraan bermotor', 'balik nama kendaraan', 'balik nama motor', 'balik nama mobil', 'bbn kb', 'bbn'],
  },
  { canon: 'samsat', variants: ['sistem administrasi manunggal satu atap', 'sistem administrasi manunggal di bawah satu atap'] },
  { canon: 'bapenda', variants: ['badan pendapatan daerah', 'dispenda', 'dinas pendapatan daerah'] },
  // Bangunan, pertanahan
  {
    canon: 'pbg',
    variants: [
      'persetujuan bangunan gedung',
      'imb',
      'izin mendirikan bangunan',
      'izin membangun',
      'izin bangunan',
      'izin mendirikan bangunan gedung',
    ],
  },
  { canon: 'slf', variants: ['sertifikat laik fungsi', 'laik fungsi'] },
  { canon: 'krk', variants: ['keterangan rencana kota', 'keterangan rencana kabupaten kota', 'informasi tata ruang'] },
  { canon: 'kkpr', variants: ['kesesuaian kegiatan pemanfaatan ruang', 'pkkpr'] },
  { canon: 'bpn', variants: ['badan pertanahan nasional', 'kantor pertanahan', 'atr bpn', 'kantah', 'agraria'] },
  { canon: 'ajb', variants: ['akta jual beli'] },
  { canon: 'shm', variants: ['sertifikat hak milik'] },
  { canon: 'hgb', variants: ['hak guna bangunan'] },
  // Usaha dan perizinan
  { canon: 'nib', variants: ['nomor induk berusaha', 'oss', 'online single submission'] },
  { canon: 'siup', variants: ['surat izin usaha perdagangan'] },
  { canon: 'tdp', variants: ['tanda daftar perusahaan'] },
  { canon: 'pirt', variants: ['pangan industri rumah tangga', 'spp irt', 'sppirt', 'p irt'] },
  { canon: 'halal', variants: ['sertifikat halal', 'label halal', 'sertifikasi halal'] },
  { canon: 'umkm', variants: ['usaha mikro kecil dan menengah', 'usaha mikro kecil menengah', 'usaha kecil', 'usaha mikro'] },
  {
    canon: 'dpmptsp',
    variants: ['dinas penanaman modal dan pelayanan terpadu satu pintu', 'ptsp', 'pelayanan terpadu satu pintu', 'perizinan terpadu'],
  },
  { canon: 'sip', variants: ['surat izin praktik', 'izin praktik'] },
  { canon: 'str', variants: ['surat tanda registrasi'] },
  { canon: 'reklame', variants: ['iklan', 'baliho', 'spanduk', 'papan nama'] },
  // Ketenagakerjaan, sosial, kesehatan
  { canon: 'ak1', variants: ['kartu kuning', 'kartu pencari kerja', 'ak 1', 'kartu ak1', 'pencari kerja'] },
  { canon: 'bpjs', variants: ['badan penyelenggara jaminan sosial'] },
  { canon: 'sktm', variants: ['surat keterangan tidak mampu', 'keterangan tidak mampu', 'surat miskin'] },
  { canon: 'dtks', variants: ['data terpadu kesejahteraan sosial', 'data bansos'] },
  { canon: 'bansos', variants: ['bantuan sosial'] },
  { canon: 'kip', variants: ['kartu indonesia pintar'] },
  { canon: 'jasaraharja', variants: ['jasa raharja', 'jr'] },
  { canon: 'santunan', variants: ['klaim asuransi', 'asuransi kecelakaan', 'ganti rugi kecelakaan'] },
  { canon: 'kecelakaan', variants: ['laka', 'laka lantas', 'tabrakan'] },
  // Air, utilitas
  {
    canon: 'pdam',
    variants: ['perusahaan daerah air minum', 'perumda air minum', 'perumda tirta pakuan', 'tirta pakuan', 'air pam', 'pam', 'air ledeng'],
  },
  { canon: 'pasang', variants: ['pemasangan', 'sambungan baru', 'sambung baru', 'pasang baru', 'penyambungan'] },
  { canon: 'pln', variants: ['perusahaan listrik negara', 'listrik'] },
  // Keimigrasian
  { canon: 'imigrasi', variants: ['keimigrasian', 'kantor imigrasi', 'kanim'] },
  // Agama
  { canon: 'kua', variants: ['kantor urusan agama'] },
  // Kendaraan (everyday words map to the formal one)
  { canon: 'kendaraan', variants: ['motor', 'mobil', 'kendaraan bermotor', 'ranmor', 'sepeda motor'] },
  { canon: 'tanah', variants: ['lahan', 'pertanahan', 'kavling', 'kapling'] },
  { canon: 'usaha', variants: ['bisnis', 'berusaha', 'perusahaan', 'dagang', 'berdagang', 'toko', 'warung'] },
  { canon: 'hilang', variants: ['kehilangan', 'hilangnya', 'ilang'] },
  { canon: 'rusak', variants: ['kerusakan', 'robek'] },
  { canon: 'anak', variants: ['bayi', 'balita'] },
  { canon: 'kerja', variants: ['pekerjaan', 'lowongan', 'loker', 'bekerja', 'ketenagakerjaan'] },
];

/**
 * Words that say nothing about *which* service is meant: verbs for "getting a document",
 * question words, particles and pronouns. Dropped from queries (unless nothing else is left).
 */
// prettier-ignore
export const NOISE_WORDS: ReadonlySet<string> = new Set([
  // getting / processing a document
  'bikin', 'buat', 'membuat', 'dibuat', 'pembuatan', 'bikinin', 'urus', 'ngurus', 'mengurus', 'diurus', 'pengurusan', 'urusan',
  'terbit', 'menerbitkan', 'penerbitan', 'diterbitkan', 'cetak', 'mencetak', 'pencetakan',
  'daftar', 'mendaftar', 'didaftar', 'pendaftaran', 'registrasi', 'ajukan', 'mengajukan', 'pengajuan', 'permohonan', 'mohon',
  'minta', 'meminta', 'permintaan', 'dapat', 'mendapat', 'mendapatkan', 'dapetin', 'punya', 'memiliki', 'ambil', 'mengambil',
  'cara', 'caranya', 'syarat', 'syaratnya', 'persyaratan', 'prosedur', 'proses', 'alur', 'langkah',
  'layanan', 'pelayanan', 'info', 'informasi', 'online', 'offline', 'mpp', 'mal', 'loket',
  'biaya', 'berapa', 'harga', 'tarif', 'lama', 'lamanya', 'waktu', 'kapan',
  // question words, particles, pronouns
  'bagaimana', 'gimana', 'apa', 'apakah', 'dimana', 'mana', 'kemana', 'siapa', 'kenapa', 'mengapa',
  'saya', 'aku', 'gue', 'gw', 'kami', 'kita', 'anda', 'kamu',
  'mau', 'ingin', 'pengen', 'pingin', 'perlu', 'butuh', 'harus', 'bisa', 'boleh', 'tolong',
  'ya', 'dong', 'sih', 'nih', 'deh', 'kak', 'pak', 'bu', 'min', 'gan', 'halo', 'hai',
  'yang', 'untuk', 'buat', 'dan', 'atau', 'di', 'ke', 'dari', 'pada', 'dengan', 'tentang', 'oleh', 'bagi', 'dalam', 'juga',
  'ini', 'itu', 'nya', 'the', 'of', 'how', 'to',
]);

/** Stopwords too common to be worth indexing at all (they are also noise in queries). */
// prettier-ignore
export const INDEX_STOPWORDS: ReadonlySet<string> = new Set([
  'yang', 'dan', 'atau', 'di', 'ke', 'dari', 'pada', 'dengan', 'untuk', 'oleh', 'bagi', 'dalam', 'juga', 'ini', 'itu', 'serta',
  'the', 'of', 'a', 'an',
]);

/**
 * Words that ask for a renewal or replacement. They are dropped from the query terms and instead
 * favour the services that are renewals (see `RENEWAL_MARKERS`).
 */
// prettier-ignore
export const RENEWAL_WORDS: ReadonlySet<string> = new Set([
  'perpanjang', 'perpanjangan', 'memperpanjang', 'diperpanjang', 'panjang', 'perpanjg', 'pjg',
  'ganti', 'mengganti', 'penggantian', 'diganti', 'gantinya',
  'perbarui', 'memperbarui', 'pembaruan', 'pembaharuan', 'renew', 'renewal', 'perbaharui', 'update',
  'tahunan', 'ulang',
]);

/** Words in a service's name or aliases marking it as a renewal/replacement service. */
// prettier-ignore
export const RENEWAL_MARKERS: ReadonlySet<string> = new Set([
  'perpanjangan', 'perpanjang', 'penggantian', 'ganti', 'pembaruan', 'pembaharuan', 'tahunan', 'ulang', 'renewal',
]);

const VOWEL = /^[aeiou]/;

/**
 * Light Indonesian stemmer: removes the common derivational confixes (`ke-an`, `per-an`, `pe(N)-an`,
 * `-an`, `ber-`) and returns the base candidates. The ambiguous nasal assimilations (`pem+a…`
 * = `p…` or `m…`) return both candidates. Never returns the input itself; returns [] for short
 * words, words with digits or words that do not look derived.
 */
export function stemIndonesian(word: string): string[] {
  const w = word;
  if (w.length < 6 || /\d/.test(w)) return [];
  const out: string[] = [];
  const add = (s: string) => {
    if (s.length >= 3 && s !== w && !out.includes(s)) out.push(s);
  };
  let m: RegExpExecArray | null;
  if ((m = /^ke(.{3,})an$/.exec(w)) && m[1]) {
    // kendaraan -> "ndara" is not a word: a base never starts with two consonants in a row here.
    if (!/^(nd|ng|ny|nj)/.test(m[1])) add(m[1]);
  } else if ((m = /^per(.{3,})an$/.exec(w)) && m[1]) {
    add(m[1]);
    if (VOWEL.test(m[1])) add('r' + m[1]);
  } else if ((m = /^peng(.{3,})an$/.exec(w)) && m[1]) {
    add(m[1]);
    if (VOWEL.test(m[1])) add('k' + m[1]);
  } else if ((m = /^peny(.{3,})an$/.exec(w)) && m[1]) {
    add('s' + m[1]);
  } else if ((m = /^pem(.{3,})an$/.exec(w)) && m[1]) {
    if (VOWEL.test(m[1])) {
      add('p' + m[1]);
      add('m' + m[1]);
    } else add(m[1]);
  } else if ((m = /^pen(.{3,})an$/.exec(w)) && m[1]) {
    if (VOWEL.test(m[1])) {
      add('t' + m[1]);
      add('n' + m[1]);
    } else add(m[1]);
  } else if ((m = /^pe([lrwy].{2,})an$/.exec(w)) && m[1]) {
    add(m[1]);
  } else if ((m = /^ber(.{4,})$/.exec(w)) && m[1]) {
    add(m[1]);
    if (VOWEL.test(m[1])) add('r' + m[1]);
  } else if ((m = /^(.{4,}[^aeiou])an$/.exec(w)) && m[1]) {
    // tahunan -> tahun, sambungan -> sambung, tagihan -> tagih
    add(m[1]);
  }
  if ((m = /^(.{4,})nya$/.exec(w)) && m[1]) add(m[1]);
  return out;
}
