import { createClient, createQueueApi, type MppClient, type QueueApi } from '@mpp-kit/core';
import { httpFor, memo } from './http.js';

export { httpFor, catalogApiFor } from './http.js';

export const queueApiFor: (base: string) => QueueApi = /* @__PURE__ */ memo((base) => createQueueApi(httpFor(base)));

/** The whole SDK client (every domain) for one API base. */
export const clientFor: (base: string) => MppClient = /* @__PURE__ */ memo((baseUrl) => createClient({ baseUrl, timeout: 15_000 }));
