import { createCatalogApi, createHttp, type CatalogApi, type Http } from '@mpp-kit/core';

/** Memoises a per-API-base factory. */
export const memo = <T>(make: (base: string) => T) => {
  const cache = new Map<string, T>();
  return (base: string): T => {
    let v = cache.get(base);
    if (!v) cache.set(base, (v = make(base)));
    return v;
  };
};

/** One HTTP layer per API base per page, shared by every widget. */
export const httpFor: (base: string) => Http = /* @__PURE__ */ memo((baseUrl) => createHttp({ baseUrl, timeout: 15_000 }));

/** The catalog calls only (a module of its own, so a page with just the catalog loads no queue code). */
export const catalogApiFor: (base: string) => CatalogApi = /* @__PURE__ */ memo((base) => createCatalogApi(httpFor(base)));
