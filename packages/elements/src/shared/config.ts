let pageDefault: string | null = null;

/**
 * Sets the page-level API base used by every widget without an `api` attribute. The CDN bundle
 * calls it with the API next to the bundle's own origin; a page overrides it with
 * `<meta name="mpp-kit:api" content="https://…/api/v1/">`.
 */
export function setDefaultApiBase(base: string): void {
  pageDefault = base;
}

/** API base for an element: its `api` attribute, else the page's meta tag, else the page-level default, else `/api/v1/` on this origin. */
export function resolveApiBase(attr: string | null | undefined): string {
  const meta = typeof document !== 'undefined' ? document.querySelector<HTMLMetaElement>('meta[name="mpp-kit:api"]')?.content : undefined;
  const raw = attr?.trim() || meta?.trim() || pageDefault || '/api/v1/';
  const abs = new URL(raw, typeof location !== 'undefined' ? location.href : 'http://localhost/');
  if (!abs.pathname.endsWith('/')) abs.pathname += '/';
  return abs.href;
}

/** `url` (relative to the page) with `?name=value` set, or null without a URL or for one that cannot be read. */
export function pageLink(url: string | null, name: string, value: string | null): string | null {
  if (!url || !value) return null;
  try {
    const u = new URL(url, location.href);
    u.searchParams.set(name, value);
    return u.href;
  } catch {
    return null;
  }
}

/** The page-address parameter that holds a booking code on the ticket page (`tiket.html?kode=7KQ2-M9XA`). */
export const TICKET_CODE_PARAM = 'kode';
