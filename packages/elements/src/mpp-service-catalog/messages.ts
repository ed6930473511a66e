import type { Locale } from '../shared/i18n.js';

/** Every string `<mpp-service-catalog>` shows, per locale. */
export interface CatalogMessages {
  title: string;
  searchLabel: string;
  searchPlaceholder: string;
  agencyLabel: string;
  allAgencies: string;
  loading: string;
  results(n: number, query: string): string;
  noResults(query: string): string;
  didYouMean: string;
  popular: string;
  showAll: string;
  retry: string;
  stale: string;
  back: string;
  requirements: string;
  requirementsHint: string;
  steps: string;
  duration: string;
  fee: string;
  free: string;
  location: string;
  product: string;
  legalBasis: string;
  complaints: string;
  book: string;
  noOnlineQueue: string;
  demo: string;
  checked(n: number, total: number): string;
}

export const CATALOG_MESSAGES: Record<Locale, CatalogMessages> = {
  id: {
    title: 'Katalog layanan',
    searchLabel: 'Cari layanan',
    searchPlaceholder: 'Contoh: bikin KTP, SKCK, paspor',
    agencyLabel: 'Instansi',
    allAgencies: 'Semua instansi',
    loading: 'Memuat layanan…',
    results: (n, q) => (q ? `${n} layanan cocok dengan “${q}”` : `${n} layanan`),
    noResults: (q) => `Tidak ada layanan yang cocok dengan “${q}”.`,
    didYouMean: 'Mungkin maksud Anda:',
    popular: 'Layanan yang sering dicari:',
    showAll: 'Tampilkan semua layanan',
    retry: 'Coba lagi',
    stale: 'Anda sedang luring. Data yang tampil adalah data tersimpan terakhir.',
    back: 'Kembali ke daftar',
    requirements: 'Persyaratan yang dibawa',
    requirementsHint: 'Centang yang sudah Anda siapkan.',
    steps: 'Alur layanan',
    duration: 'Waktu penyelesaian',
    fee: 'Biaya',
    free: 'Gratis',
    location: 'Lokasi',
    product: 'Hasil layanan',
    legalBasis: 'Dasar hukum',
    complaints: 'Pengaduan',
    book: 'Ambil nomor antrean',
    noOnlineQueue: 'Layanan ini tidak memakai antrean daring. Silakan datang langsung ke loket.',
    demo: 'Data contoh',
    checked: (n, t) => `${n} dari ${t} persyaratan siap`,
  },
  en: {
    title: 'Service catalog',
    searchLabel: 'Search services',
    searchPlaceholder: 'For example: ID card, police certificate, passport',
    agencyLabel: 'Agency',
    allAgencies: 'All agencies',
    loading: 'Loading services…',
    results: (n, q) => (q ? `${n} ${n === 1 ? 'service matches' : 'services match'} “${q}”` : `${n} ${n === 1 ? 'service' : 'services'}`),
    noResults: (q) => `No service matches “${q}”.`,
    didYouMean: 'Did you mean:',
    popular: 'Popular services:',
    showAll: 'Show all services',
    retry: 'Try again',
    stale: 'You are offline. Showing the last saved data.',
    back: 'Back to the list',
    requirements: 'What to bring',
    requirementsHint: 'Tick what you have ready.',
    steps: 'Procedure',
    duration: 'Completion time',
    fee: 'Fee',
    free: 'Free',
    location: 'Location',
    product: 'Result',
    legalBasis: 'Legal basis',
    complaints: 'Complaints',
    book: 'Get a queue number',
    noOnlineQueue: 'This service has no online queue. Please come to the counter.',
    demo: 'Demo data',
    checked: (n, t) => `${n} of ${t} requirements ready`,
  },
};
