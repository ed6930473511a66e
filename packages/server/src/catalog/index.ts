/** The catalog domain's public API for other domains. */
export { catalogRoutes } from './routes.js';
export { agencyExists, agencyOfService } from './repository.js';
