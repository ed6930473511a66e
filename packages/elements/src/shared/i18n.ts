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

// Rupiah amounts: `formatRupiah` from @mpp-kit/core, the kit's one format.

/** Plural category for count-dependent messages. */
export const plural = (locale: Locale, n: number) => new Intl.PluralRules(locale).select(n);
