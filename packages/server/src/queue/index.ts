/** The queue domain's public API for other domains (counter, holidays) and the server start. */
export { queueRoutes } from './routes.js';
export { createQueueParts, type QueueParts } from './parts.js';
export { queueState } from './state.js';
export { queueEvent, queueZone } from './repository.js';
export { label } from './rules.js';
export { drawQr } from './fast-path/index.js';
