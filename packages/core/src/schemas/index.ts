export * from './common.js';
export * from './catalog.js';
export * from './catalog-index.js';
export * from './queue.js';
export * from './complaints.js';
export * from './routes.js';
export * from './text.js';
export * from './input.js';
