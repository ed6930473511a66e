import { defineOnce } from '../shared/define.js';
import { MppServiceCatalog } from './mpp-service-catalog.js';

defineOnce('mpp-service-catalog', MppServiceCatalog);

declare global {
  interface HTMLElementTagNameMap {
    'mpp-service-catalog': MppServiceCatalog;
  }
}
export { MppServiceCatalog };
