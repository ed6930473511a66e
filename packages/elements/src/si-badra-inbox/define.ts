import { defineOnce } from '../shared/define.js';
import { SiBadraInbox } from './si-badra-inbox.js';

defineOnce('si-badra-inbox', SiBadraInbox);

declare global {
  interface HTMLElementTagNameMap {
    'si-badra-inbox': SiBadraInbox;
  }
}
export { SiBadraInbox };
