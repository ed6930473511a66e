import type { Service } from '@mpp-kit/core';

/** Kantor Pengawasan dan Pelayanan Bea dan Cukai Bogor: barang kiriman, cukai, IMEI, fasilitas (demo content). */

const UU_KEPABEANAN = 'UU Nomor 10 Tahun 1995 tentang Kepabeanan sebagaimana diubah dengan UU Nomor 17 Tahun 2006';
const UU_CUKAI =
  'UU Nomor 11 Tahun 1995 tentang Cukai sebagaimana diubah terakhir dengan UU Nomor 7 Tahun 2021 tentang Harmonisasi Peraturan Perpajakan';
const GRATIS = { amount: 0, note: 'Gratis' } as const;

const base = {
  agencyId: 'bea-cukai',
  complaintChannel: 'Si Badra, SP4N-LAPOR! (lapor.go.id), atau Loket Pengaduan MPP Grha Tiyasa',
  location: 'Lantai 3, Loket 37',
  queuePrefix: 'L',
  demo: true,
} as const;

export const SERVICES: Omit<Service, 'updatedAt'>[] = [
  {
    ...base,
    id: 'bea-cukai-barang-kiriman',
    name: 'Konsultasi Barang Kiriman dan Barang Impor Pribadi',
    aliases: ['paket luar negeri', 'barang kiriman', 'pajak impor', 'bea masuk paket', 'paket tertahan bea cukai'],
    summary: 'Konsultasi ketentuan bea masuk, pajak impor dan status paket kiriman dari luar negeri untuk keperluan pribadi.',
    requirements: ['Nomor resi atau Consignment Note (CN) paket', 'KTP-el penerima barang', 'Bukti transaksi atau invoice pembelian'],
    steps: [
      'Ambil nomor antrean Bea Cukai di MPP',
      'Sampaikan nomor resi dan bukti pembelian kepada petugas',
      'Petugas menjelaskan status paket, perhitungan pungutan dan cara pembayaran',
      'Lanjutkan penyelesaian melalui penyelenggara pos atau kanal resmi Bea Cukai',
    ],
    duration: 'Selesai di tempat',
    counterMinutes: 15,
    fee: { amount: 0, note: 'Konsultasi gratis; bea masuk dan pajak impor dihitung sesuai nilai pabean barang' },
    product: 'Informasi status dan pungutan barang kiriman',
    legalBasis: [
      UU_KEPABEANAN,
      'PMK Nomor 96 Tahun 2023 tentang Ketentuan Kepabeanan, Cukai, dan Pajak atas Impor dan Ekspor Barang Kiriman',
    ],
    onlineQueue: true,
    dailyQuota: 40,
  },
  {
    ...base,
    id: 'bea-cukai-nppbkc',
    name: 'Permohonan Nomor Pokok Pengusaha Barang Kena Cukai (NPPBKC)',
    aliases: ['NPPBKC', 'pita cukai', 'izin cukai', 'cukai rokok', 'cukai minuman'],
    summary:
      'Asistensi permohonan NPPBKC bagi pengusaha pabrik, importir, atau penyalur barang kena cukai sebagai syarat memesan pita cukai.',
    requirements: [
      'Nomor Induk Berusaha (NIB) dan izin usaha terkait',
      'NPWP pengusaha',
      'Denah lokasi dan bukti kepemilikan atau sewa tempat usaha',
      'Surat pernyataan pengusaha bermeterai',
      'Berita acara pemeriksaan lokasi oleh petugas Bea Cukai',
    ],
    steps: [
      'Konsultasikan rencana usaha di loket Bea Cukai',
      'Ajukan permohonan NPPBKC melalui portal Bea Cukai',
      'Petugas memeriksa lokasi, bangunan dan sarana usaha',
      'Terima keputusan pemberian NPPBKC',
    ],
    duration: '30 hari kerja',
    counterMinutes: 30,
    fee: GRATIS,
    product: 'Keputusan pemberian NPPBKC',
    legalBasis: [
      UU_CUKAI,
      'PMK Nomor 66/PMK.04/2018 tentang Tata Cara Pemberian, Pembekuan, dan Pencabutan Nomor Pokok Pengusaha Barang Kena Cukai',
    ],
    onlineQueue: true,
    dailyQuota: 20,
  },
  {
    ...base,
    id: 'bea-cukai-imei',
    name: 'Registrasi IMEI Perangkat Seluler dari Luar Negeri',
    aliases: ['registrasi IMEI', 'daftar IMEI', 'HP luar negeri', 'IMEI diblokir', 'HP dari luar negeri'],
    summary:
      'Asistensi pendaftaran IMEI ponsel atau tablet yang dibawa penumpang dari luar negeri agar dapat memakai jaringan seluler Indonesia.',
    requirements: [
      'Paspor dan boarding pass atau tiket perjalanan',
      'Perangkat yang akan didaftarkan beserta nomor IMEI',
      'Invoice atau bukti pembelian perangkat',
      'Bukti pembayaran bea masuk dan pajak bila nilai melebihi pembebasan',
    ],
    steps: [
      'Ambil nomor antrean Bea Cukai di MPP',
      'Petugas memeriksa data perjalanan, perangkat dan nomor IMEI',
      'Bayar bea masuk dan pajak impor bila terutang',
      'Petugas membantu pendaftaran IMEI melalui sistem Bea Cukai',
    ],
    duration: 'Selesai di tempat',
    counterMinutes: 15,
    fee: { amount: 0, note: 'Gratis untuk nilai sampai USD 500 per penumpang; di atasnya dikenai bea masuk dan pajak impor' },
    product: 'IMEI terdaftar di sistem CEIR',
    legalBasis: [
      UU_KEPABEANAN,
      'PMK Nomor 203/PMK.04/2017 tentang Ketentuan Ekspor dan Impor Barang yang Dibawa oleh Penumpang dan Awak Sarana Pengangkut',
      'Permenkominfo Nomor 1 Tahun 2020 tentang Pengendalian Alat dan/atau Perangkat Telekomunikasi yang Tersambung ke Jaringan Bergerak Seluler melalui Identifikasi IMEI',
    ],
    onlineQueue: true,
    dailyQuota: 40,
  },
  {
    ...base,
    id: 'bea-cukai-fasilitas-kawasan-berikat',
    name: 'Layanan Informasi Fasilitas Kawasan Berikat dan KITE',
    aliases: ['kawasan berikat', 'KITE', 'fasilitas ekspor', 'insentif ekspor', 'gudang berikat'],
    summary: 'Informasi dan konsultasi persyaratan fasilitas kepabeanan seperti Kawasan Berikat dan Kemudahan Impor Tujuan Ekspor.',
    requirements: ['Profil perusahaan dan rencana kegiatan produksi atau ekspor', 'Nomor Induk Berusaha (NIB)', 'NPWP perusahaan'],
    steps: [
      'Ambil nomor antrean Bea Cukai di MPP',
      'Sampaikan rencana usaha kepada petugas',
      'Petugas menjelaskan jenis fasilitas, syarat dan alur permohonan',
    ],
    duration: 'Selesai di tempat',
    counterMinutes: 20,
    fee: GRATIS,
    product: 'Informasi dan arahan permohonan fasilitas kepabeanan',
    legalBasis: [UU_KEPABEANAN, 'PMK Nomor 131/PMK.04/2018 tentang Kawasan Berikat'],
    onlineQueue: false,
    dailyQuota: 0,
  },
  {
    ...base,
    id: 'bea-cukai-keberatan',
    name: 'Pengajuan Keberatan atas Penetapan Tarif dan Nilai Pabean',
    aliases: ['keberatan bea cukai', 'keberatan tarif', 'banding bea masuk', 'keberatan nilai pabean'],
    summary: 'Asistensi pengajuan keberatan atas penetapan tarif, nilai pabean, atau sanksi administrasi kepabeanan dan cukai.',
    requirements: [
      'Surat keberatan yang memuat alasan dan perhitungan menurut pemohon',
      'Salinan surat penetapan yang diajukan keberatan',
      'Bukti pendukung seperti invoice, kontrak, atau dokumen pengangkutan',
      'Bukti jaminan sebesar tagihan (kecuali barang belum dikeluarkan)',
    ],
    steps: [
      'Ajukan keberatan paling lama 60 hari sejak tanggal penetapan',
      'Serahkan berkas di loket Bea Cukai untuk diteruskan',
      'Pejabat Bea Cukai meneliti keberatan',
      'Terima keputusan atas keberatan',
    ],
    duration: '60 hari kerja',
    counterMinutes: 20,
    fee: GRATIS,
    product: 'Keputusan Direktur Jenderal Bea dan Cukai atas keberatan',
    legalBasis: [UU_KEPABEANAN, 'PMK Nomor 51/PMK.04/2017 tentang Keberatan di Bidang Kepabeanan dan Cukai'],
    onlineQueue: true,
    dailyQuota: 20,
  },
  {
    ...base,
    id: 'bea-cukai-registrasi-kepabeanan',
    name: 'Registrasi Kepabeanan bagi Importir dan Eksportir',
    aliases: ['akses kepabeanan', 'registrasi kepabeanan', 'daftar importir', 'daftar eksportir', 'NIB kepabeanan'],
    summary:
      'Asistensi registrasi kepabeanan melalui OSS dan portal Bea Cukai agar pelaku usaha dapat melakukan kegiatan impor atau ekspor.',
    requirements: [
      'Nomor Induk Berusaha (NIB) yang berlaku sebagai Angka Pengenal Importir',
      'NPWP perusahaan',
      'Data penanggung jawab dan alamat email yang aktif',
    ],
    steps: [
      'Ambil nomor antrean Bea Cukai di MPP',
      'Petugas memeriksa data NIB dan profil perusahaan',
      'Isi data registrasi kepabeanan dengan dibantu petugas',
      'Terima notifikasi akses kepabeanan aktif',
    ],
    duration: '1 hari kerja',
    counterMinutes: 20,
    fee: GRATIS,
    product: 'Akses kepabeanan aktif',
    legalBasis: [UU_KEPABEANAN, 'PMK Nomor 219/PMK.04/2019 tentang Registrasi Kepabeanan'],
    onlineQueue: true,
    dailyQuota: 20,
  },
];
