import { LocaleCatalog } from '../shared/locale-catalog.js';
import { problemsId } from '../shared/problems.js';
import type { CatalogMessages } from './message-types.js';

export type { CatalogMessages } from './message-types.js';

const id: CatalogMessages = {
  title: 'Katalog layanan',
  searchLabel: 'Cari layanan',
  searchPlaceholder: 'Contoh: KTP, SKCK, paspor',
  agencyLabel: 'Instansi',
  allAgencies: 'Semua instansi',
  loading: 'Memuat layanan…',
  results: (n, q) => (q ? `${n} layanan cocok dengan “${q}”` : `${n} layanan`),
  noResults: (q) => `Tidak ada layanan yang cocok dengan “${q}”.`,
  didYouMean: 'Mungkin maksud Anda:',
  popular: 'Layanan yang sering dicari:',
  showAll: 'Tampilkan semua layanan',
  mostUsed: 'Paling banyak dipakai',
  byAgency: 'Semua layanan per instansi',
  agencyCount: (n) => `${n} layanan`,
  showMore: (n) => `Tampilkan lebih banyak (${n} lagi)`,
  resultsMore: (n, q) => (q ? `Lebih dari ${n} layanan cocok dengan “${q}”` : `Lebih dari ${n} layanan`),
  showMoreServer: 'Tampilkan lebih banyak',
  loadingDetail: 'Memuat rincian layanan…',
  truncated: (n) => `Hanya ${n.toLocaleString('id-ID')} hasil pertama yang tampil. Perjelas kata pencarian untuk melihat yang lain.`,
  elsewhere: (name) => `${name} tidak dilayani di sini.`,
  elsewhereGo: (office) => `Silakan ke ${office}.`,
  elsewhereAlso: 'Bisa juga lewat:',
  officialSite: 'Situs resmi',
  retry: 'Coba lagi',
  stale: 'Anda sedang luring. Data yang tampil adalah data tersimpan terakhir.',
  back: 'Kembali ke daftar',
  conditions: 'Syarat yang harus dipenuhi',
  requirements: 'Persyaratan yang dibawa',
  requirementsHint: 'Centang yang sudah Anda siapkan.',
  steps: 'Alur layanan',
  duration: 'Waktu penyelesaian',
  fee: 'Biaya',
  free: 'Gratis',
  regulated: 'Sesuai ketentuan',
  regulatedFrom: (amount) => `Mulai ${amount}, sesuai ketentuan`,
  location: 'Lokasi',
  product: 'Hasil layanan',
  legalBasis: 'Dasar hukum',
  complaints: 'Pengaduan',
  book: 'Ambil nomor antrean',
  noOnlineQueue: 'Layanan ini tidak memakai antrean daring. Silakan datang langsung ke loket.',
  demo: 'Data contoh',
  checked: (n, t) => `${n} dari ${t} persyaratan siap`,
  problems: problemsId,
};

/** The catalog's messages: Indonesian bundled, English loaded on first use (`messages.en.ts`). */
export const CATALOG_MESSAGES = new LocaleCatalog<CatalogMessages>(id, () => import('./messages.en.js').then((m) => m.catalogEn));
