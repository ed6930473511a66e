/**
 * Everyday search phrasings of Kota Bogor citizens with the service they are looking for.
 * Every `expect` is a service id of the Bogor demo catalog (`packages/server/src/seed/bogor.ts`).
 * Mixed on purpose: abbreviations, long forms, verbs that carry no meaning ("bikin", "urus",
 * "syarat"), old spellings (akte, sertipikat, IMB), typos and missing letters.
 */
export interface BenchQuery {
  q: string;
  expect: string;
}

export const QUERIES: readonly BenchQuery[] = [
  // Kependudukan
  { q: 'bikin ktp', expect: 'disdukcapil-ktp-el' },
  { q: 'e-ktp', expect: 'disdukcapil-ktp-el' },
  { q: 'kartu tanda penduduk', expect: 'disdukcapil-ktp-el' },
  { q: 'ktp hilang', expect: 'disdukcapil-ktp-el-hilang-rusak' },
  { q: 'syarat kk', expect: 'disdukcapil-kk-baru' },
  { q: 'tambah anak di kartu keluarga', expect: 'disdukcapil-kk-perubahan' },
  { q: 'kartu identitas anak', expect: 'disdukcapil-kia' },
  { q: 'akte lahir', expect: 'disdukcapil-akta-kelahiran' },
  { q: 'akta kematian', expect: 'disdukcapil-akta-kematian' },
  { q: 'surat pindah', expect: 'disdukcapil-pindah-keluar' },
  { q: 'ktp digital', expect: 'disdukcapil-ikd' },
  // Kepolisian
  { q: 'skck', expect: 'polresta-skck' },
  { q: 'surat kelakuan baik', expect: 'polresta-skck' },
  { q: 'perpanjang skck', expect: 'polresta-skck-perpanjangan' },
  { q: 'perpanjang sim motor', expect: 'polresta-sim-c-perpanjangan' },
  { q: 'sim', expect: 'polresta-sim-a-perpanjangan' },
  { q: 'sim c', expect: 'polresta-sim-c-perpanjangan' },
  { q: 'izin hajatan', expect: 'polresta-izin-keramaian' },
  // Imigrasi
  { q: 'bikin paspor', expect: 'imigrasi-paspor-baru' },
  { q: 'perpanjang paspor', expect: 'imigrasi-paspor-penggantian' },
  { q: 'pasprot', expect: 'imigrasi-paspor-baru' },
  { q: 'paspor hilang', expect: 'imigrasi-paspor-hilang' },
  { q: 'paspor anak', expect: 'imigrasi-paspor-anak' },
  // Samsat
  { q: 'bayar pajak motor', expect: 'samsat-pkb-tahunan' },
  { q: 'perpanjang stnk 5 tahun', expect: 'samsat-stnk-5-tahunan' },
  { q: 'balik nama motor', expect: 'samsat-balik-nama' },
  { q: 'cek fisik kendaraan', expect: 'samsat-cek-fisik' },
  // Perizinan
  { q: 'urus imb', expect: 'dpmptsp-pbg' },
  { q: 'izin mendirikan bangunan', expect: 'dpmptsp-pbg' },
  { q: 'izin usaha', expect: 'dpmptsp-nib' },
  { q: 'nib', expect: 'dpmptsp-nib' },
  { q: 'izin reklame', expect: 'dpmptsp-reklame' },
  { q: 'pirt', expect: 'dpmptsp-spp-irt' },
  { q: 'izin praktek dokter', expect: 'dpmptsp-sip-dokter' },
  { q: 'izin apotik', expect: 'dpmptsp-izin-apotek' },
  // Pajak
  { q: 'pbb', expect: 'bapenda-pbb' },
  { q: 'bphtb', expect: 'bapenda-bphtb' },
  { q: 'pajak restoran', expect: 'bapenda-pbjt-makanan-minuman' },
  { q: 'npwp', expect: 'kpp-pratama-npwp' },
  { q: 'lapor spt', expect: 'kpp-pratama-asistensi-spt' },
  // Pertanahan
  { q: 'balik nama sertifikat', expect: 'bpn-balik-nama-sertifikat' },
  { q: 'sertipikat tanah', expect: 'bpn-pendaftaran-pertama' },
  { q: 'cek sertifikat', expect: 'bpn-pengecekan-sertifikat' },
  { q: 'sertifkat hilang', expect: 'bpn-sertifikat-pengganti' },
  // Air, agama, asuransi
  { q: 'pasang air pdam', expect: 'pdam-pasang-baru' },
  { q: 'pipa bocor', expect: 'pdam-pengaduan-gangguan' },
  { q: 'daftar haji', expect: 'kemenag-haji' },
  { q: 'sertifikat halal', expect: 'kemenag-pendampingan-halal' },
  { q: 'santunan kecelakaan', expect: 'jasa-raharja-santunan' },
  { q: 'klaim jasa raharja meninggal', expect: 'jasa-raharja-santunan-meninggal' },
  // Bea cukai
  { q: 'daftar imei hp luar negeri', expect: 'bea-cukai-imei' },
  { q: 'paket tertahan', expect: 'bea-cukai-barang-kiriman' },
];
