import { defineOnce } from '../shared/define.js';
import { MppLauncher } from './mpp-launcher.js';

defineOnce('mpp-launcher', MppLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'mpp-launcher': MppLauncher;
  }
}
export { MppLauncher };
