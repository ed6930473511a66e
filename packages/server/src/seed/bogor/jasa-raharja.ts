import type { Service } from '@mpp-kit/core';

/** PT Jasa Raharja Perwakilan Bogor: santunan korban kecelakaan dan informasi SWDKLLJ (demo content). */

const UU_33 = 'UU Nomor 33 Tahun 1964 tentang Dana Pertanggungan Wajib Kecelakaan Penumpang';
const UU_34 = 'UU Nomor 34 Tahun 1964 tentang Dana Kecelakaan Lalu Lintas Jalan';
const PMK_SANTUNAN = 'PMK Nomor 15/PMK.010/2017 tentang Besar Santunan dan Iuran Wajib Dana Pertanggungan Wajib Kecelakaan Penumpang';
const PMK_SWDKLLJ = 'PMK Nomor 16/PMK.010/2017 tentang Besar Santunan dan Sumbangan Wajib Dana Kecelakaan Lalu Lintas Jalan';
const GRATIS = { amount: 0, note: 'Gratis, pengajuan santunan tidak dipungut biaya' } as const;

const base = {
  agencyId: 'jasa-raharja',
  complaintChannel: 'Si Badra, SP4N-LAPOR! (lapor.go.id), atau Loket Pengaduan MPP Grha Tiyasa',
  location: 'Lantai 2, Loket 38',
  queuePrefix: 'N',
  fee: GRATIS,
  demo: true,
} as const;

export const SERVICES: Omit<Service, 'updatedAt'>[] = [
  {
    ...base,
    id: 'jasa-raharja-santunan',
    name: 'Pengajuan Santunan Kecelakaan Lalu Lintas Jalan',
    aliases: ['santunan kecelakaan', 'klaim kecelakaan', 'asuransi kecelakaan', 'klaim Jasa Raharja', 'santunan Jasa Raharja'],
    summary: 'Penerimaan dan verifikasi pengajuan santunan bagi korban kecelakaan lalu lintas jalan atau penumpang angkutan umum.',
    requirements: [
      'Laporan polisi atau surat keterangan kecelakaan dari Unit Laka Lantas',
      'Fotokopi KTP-el dan KK korban atau ahli waris',
      'Kuitansi biaya perawatan atau surat keterangan dokter (untuk korban luka)',
      'Akta kematian (untuk korban meninggal dunia)',
      'Buku tabungan penerima santunan',
    ],
    steps: [
      'Ambil nomor antrean Jasa Raharja di MPP',
      'Serahkan berkas pengajuan kepada petugas',
      'Petugas memverifikasi keabsahan kecelakaan dan data korban',
      'Santunan ditransfer ke rekening penerima yang berhak',
    ],
    duration: '3 hari kerja setelah berkas lengkap',
    counterMinutes: 20,
    product: 'Santunan yang ditransfer ke rekening penerima',
    legalBasis: [UU_33, UU_34, PMK_SWDKLLJ],
    onlineQueue: true,
    dailyQuota: 30,
  },
  {
    ...base,
    id: 'jasa-raharja-santunan-meninggal',
    name: 'Santunan Meninggal Dunia Korban Kecelakaan Lalu Lintas',
    aliases: ['santunan meninggal', 'santunan kematian kecelakaan', 'klaim ahli waris', 'santunan ahli waris'],
    summary: 'Pembayaran santunan kepada ahli waris korban yang meninggal dunia akibat kecelakaan lalu lintas jalan.',
    requirements: [
      'Laporan polisi atau surat keterangan kecelakaan',
      'Akta kematian atau surat keterangan kematian dari rumah sakit',
      'Fotokopi KTP-el dan KK korban serta ahli waris',
      'Buku nikah atau akta kelahiran yang menunjukkan hubungan ahli waris',
      'Buku tabungan ahli waris',
    ],
    steps: [
      'Ambil nomor antrean Jasa Raharja di MPP',
      'Serahkan berkas ahli waris kepada petugas',
      'Petugas memverifikasi data kecelakaan dan ahli waris',
      'Santunan ditransfer ke rekening ahli waris',
    ],
    duration: '3 hari kerja setelah berkas lengkap',
    counterMinutes: 25,
    fee: { amount: 0, note: 'Gratis; besar santunan meninggal dunia Rp50.000.000 (PMK Nomor 16/PMK.010/2017)' },
    product: 'Santunan meninggal dunia Rp50.000.000',
    legalBasis: [UU_34, PMK_SWDKLLJ],
    onlineQueue: true,
    dailyQuota: 20,
  },
  {
    ...base,
    id: 'jasa-raharja-santunan-luka',
    name: 'Santunan Biaya Perawatan Korban Luka-Luka',
    aliases: ['santunan luka', 'biaya rumah sakit kecelakaan', 'klaim perawatan', 'jaminan rumah sakit Jasa Raharja'],
    summary: 'Penggantian biaya perawatan dan pengobatan korban luka-luka akibat kecelakaan lalu lintas jalan.',
    requirements: [
      'Laporan polisi atau surat keterangan kecelakaan',
      'Kuitansi asli biaya perawatan dan rincian tindakan',
      'Surat keterangan dokter atau resume medis',
      'Fotokopi KTP-el korban',
    ],
    steps: [
      'Ambil nomor antrean Jasa Raharja di MPP',
      'Serahkan kuitansi dan berkas medis kepada petugas',
      'Petugas memverifikasi berkas dengan rumah sakit dan kepolisian',
      'Santunan dibayarkan ke rekening korban atau langsung ke rumah sakit',
    ],
    duration: '3 hari kerja setelah berkas lengkap',
    counterMinutes: 20,
    fee: { amount: 0, note: 'Gratis; penggantian biaya perawatan paling banyak Rp20.000.000 (PMK Nomor 16/PMK.010/2017)' },
    product: 'Penggantian biaya perawatan paling banyak Rp20.000.000',
    legalBasis: [UU_34, PMK_SWDKLLJ],
    onlineQueue: true,
    dailyQuota: 30,
  },
  {
    ...base,
    id: 'jasa-raharja-santunan-cacat',
    name: 'Santunan Cacat Tetap Korban Kecelakaan Lalu Lintas',
    aliases: ['santunan cacat', 'cacat tetap kecelakaan', 'klaim cacat', 'disabilitas kecelakaan'],
    summary: 'Pembayaran santunan bagi korban yang mengalami cacat tetap akibat kecelakaan lalu lintas jalan.',
    requirements: [
      'Laporan polisi atau surat keterangan kecelakaan',
      'Surat keterangan cacat tetap dari dokter yang merawat',
      'Fotokopi KTP-el dan KK korban',
      'Buku tabungan korban',
    ],
    steps: [
      'Ambil nomor antrean Jasa Raharja di MPP',
      'Serahkan berkas dan keterangan dokter kepada petugas',
      'Petugas menilai persentase cacat sesuai ketentuan',
      'Santunan ditransfer ke rekening korban',
    ],
    duration: '5 hari kerja setelah berkas lengkap',
    counterMinutes: 20,
    fee: { amount: 0, note: 'Gratis; santunan cacat tetap paling banyak Rp50.000.000 sesuai persentase cacat (PMK Nomor 16/PMK.010/2017)' },
    product: 'Santunan cacat tetap paling banyak Rp50.000.000',
    legalBasis: [UU_34, PMK_SWDKLLJ],
    onlineQueue: true,
    dailyQuota: 20,
  },
  {
    ...base,
    id: 'jasa-raharja-info-swdkllj',
    name: 'Layanan Informasi Sumbangan Wajib dan Iuran Wajib Jasa Raharja',
    aliases: ['info SWDKLLJ', 'iuran wajib penumpang', 'cek SWDKLLJ', 'tarif SWDKLLJ', 'asuransi penumpang'],
    summary: 'Informasi besaran SWDKLLJ kendaraan dan iuran wajib penumpang angkutan umum serta hak santunan yang dijaminnya.',
    requirements: [
      'Nomor polisi kendaraan atau STNK (untuk informasi SWDKLLJ)',
      'Keterangan jenis angkutan umum (untuk informasi iuran penumpang)',
    ],
    steps: [
      'Datang ke meja Jasa Raharja di MPP',
      'Sampaikan pertanyaan kepada petugas',
      'Petugas menjelaskan besaran sumbangan atau iuran dan cakupan santunan',
    ],
    duration: 'Selesai di tempat',
    counterMinutes: 5,
    product: 'Informasi SWDKLLJ dan iuran wajib',
    legalBasis: [UU_33, UU_34, PMK_SANTUNAN],
    onlineQueue: false,
    dailyQuota: 0,
  },
];
