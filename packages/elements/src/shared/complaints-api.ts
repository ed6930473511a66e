import { createComplaintsApi, type ComplaintsApi } from '@mpp-kit/core';
import { httpFor, memo } from './http.js';

/** The complaint calls for one API base, shared by the Si Badra widgets of a page (a module of its own: the catalog and queue pages do not load it). */
export const complaintsApiFor: (base: string) => ComplaintsApi = /* @__PURE__ */ memo((base) => createComplaintsApi(httpFor(base)));
