import { LocaleCatalog } from '../shared/locale-catalog.js';
import { problemsId, type ProblemMessages } from '../shared/problems.js';

/** Every string `<mpp-service-catalog>` shows, per locale. */
export interface CatalogMessages {
  title: string;
  searchLabel: string;
  searchPlaceholder: string;
  agencyLabel: string;
  allAgencies: string;
  loading: string;
  results(n: number, query: string): string;
  /** Server search: `n` shown so far and more on the server. */
  resultsMore(n: number, query: string): string;
  /** Asks the server for the next page of matches. */
  showMoreServer: string;
  /** While an opened service's full record loads. */
  loadingDetail: string;
  noResults(query: string): string;
  didYouMean: string;
  popular: string;
  showAll: string;
  /** Heading of the first view's most used services. */
  mostUsed: string;
  /** Heading of the first view's services grouped by agency. */
  byAgency: string;
  /** The count beside an agency's name. */
  agencyCount(n: number): string;
  /** Shows the next page of a list; `n` are still hidden. */
  showMore(n: number): string;
  /** More matches than the list keeps. */
  truncated(n: number): string;
  /** `name` (what the citizen asked for) is served by another office. */
  elsewhere(name: string): string;
  elsewhereGo(office: string): string;
  elsewhereAlso: string;
  officialSite: string;
  retry: string;
  stale: string;
  back: string;
  /** Heading of the conditions to meet (`Sudah berusia 17 tahun`), shown apart from what to bring. */
  conditions: string;
  requirements: string;
  requirementsHint: string;
  steps: string;
  duration: string;
  fee: string;
  free: string;
  /** A fee set by a regulation or computed at the counter. */
  regulated: string;
  /** A regulated fee with a part known in advance (`Rp 50.000`, already formatted). */
  regulatedFrom(amount: string): string;
  location: string;
  product: string;
  legalBasis: string;
  complaints: string;
  book: string;
  noOnlineQueue: string;
  demo: string;
  checked(n: number, total: number): string;
  /** Every API problem and client failure in plain words (shared by all widgets). */
  problems: ProblemMessages;
}

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
