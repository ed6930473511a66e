import type { Locale } from './i18n.js';

/**
 * A widget's message catalogue with Indonesian (the default) bundled and English fetched the first
 * time a widget on the page speaks English: an Indonesian page never downloads the English text.
 * While English is on its way `get` returns `null` (the widget renders nothing for those few
 * milliseconds) and every widget that asked is updated once it is there. Should the English chunk
 * fail to load, the widget speaks Indonesian rather than show nothing.
 */
export class LocaleCatalog<T> {
  #en: T | null = null;
  #loading = false;
  #waiting = new Set<{ requestUpdate(): void }>();

  constructor(
    readonly id: T,
    private readonly loadEn: () => Promise<T>,
  ) {}

  /** The messages for `locale`, or `null` while English loads (`host` is updated when it arrives). */
  get(locale: Locale, host: { requestUpdate(): void }): T | null {
    if (locale === 'id') return this.id;
    if (this.#en) return this.#en;
    this.#waiting.add(host);
    if (!this.#loading) {
      this.#loading = true;
      this.loadEn()
        .then(
          (en) => (this.#en = en),
          (e: unknown) => {
            console.error('[mpp-kit] could not load the English messages; using Indonesian', e);
            this.#en = this.id;
          },
        )
        .finally(() => {
          for (const h of this.#waiting) h.requestUpdate();
          this.#waiting.clear();
        });
    }
    return null;
  }

  /** The locale `get` really answers in (`id` when English could not load). */
  localeOf(locale: Locale): Locale {
    return locale === 'en' && this.#en === this.id ? 'id' : locale;
  }
}
