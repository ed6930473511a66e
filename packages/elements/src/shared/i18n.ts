/** Locales every widget ships. Indonesian is the default. */
export type Locale = 'id' | 'en';

/**
 * The widget's language: its own `lang`, else the nearest ancestor's (across shadow roots), else
 * `<html lang>`, else Indonesian. Anything starting with `en` is English; everything else Indonesian.
 */
export function resolveLocale(el: Element): Locale {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return /^en\b/i.test(lang) ? 'en' : 'id';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'id';
}

const currency = new Map<Locale, Intl.NumberFormat>();

/** `Rp 350.000` / `IDR 350,000`. */
export function formatRupiah(amount: number, locale: Locale): string {
  let f = currency.get(locale);
  if (!f)
    currency.set(
      locale,
      (f = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 })),
    );
  return f.format(amount);
}

/** Plural category for count-dependent messages. */
export const plural = (locale: Locale, n: number) => new Intl.PluralRules(locale).select(n);

/** Error messages shared by every widget, by the stable error code from the SDK/server. */
export interface ErrorMessages {
  network: string;
  timeout: string;
  invalid_response: string;
  internal_error: string;
  rate_limited: string;
  service_not_found: string;
  agency_not_found: string;
  fallback: string;
}

export const ERRORS: Record<Locale, ErrorMessages> = {
  id: {
    network: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.',
    timeout: 'Server terlalu lama menjawab. Silakan coba lagi.',
    invalid_response: 'Jawaban server tidak dapat dibaca. Silakan coba lagi nanti.',
    internal_error: 'Terjadi gangguan di server. Silakan coba lagi nanti.',
    rate_limited: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
    service_not_found: 'Layanan ini tidak ditemukan.',
    agency_not_found: 'Instansi ini tidak ditemukan.',
    fallback: 'Terjadi kesalahan. Silakan coba lagi.',
  },
  en: {
    network: 'Could not reach the server. Check your internet connection and try again.',
    timeout: 'The server took too long to answer. Please try again.',
    invalid_response: 'The server’s answer could not be read. Please try again later.',
    internal_error: 'Something went wrong on the server. Please try again later.',
    rate_limited: 'Too many requests. Wait a moment and try again.',
    service_not_found: 'This service was not found.',
    agency_not_found: 'This agency was not found.',
    fallback: 'Something went wrong. Please try again.',
  },
};

export const errorMessage = (locale: Locale, code: string | undefined): string =>
  (ERRORS[locale] as unknown as Record<string, string>)[code ?? ''] ?? ERRORS[locale].fallback;
