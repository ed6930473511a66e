/** The catalog domain's public API for other domains. */
export { catalogRoutes, createCatalogParts, type CatalogParts } from './routes.js';
export { agencyExists, agencyOfService } from './repository.js';
