export * from './common.js';
export * from './catalog.js';
export * from './queue.js';
export * from './routes.js';
