import { defineOnce } from '../shared/define.js';
import { SiBadraTrack } from './si-badra-track.js';

defineOnce('si-badra-track', SiBadraTrack);

declare global {
  interface HTMLElementTagNameMap {
    'si-badra-track': SiBadraTrack;
  }
}
export { SiBadraTrack };
