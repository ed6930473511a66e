import { defineOnce } from '../shared/define.js';
import { MppQueueTicket } from './mpp-queue-ticket.js';

defineOnce('mpp-queue-ticket', MppQueueTicket);

declare global {
  interface HTMLElementTagNameMap {
    'mpp-queue-ticket': MppQueueTicket;
  }
}
export { MppQueueTicket };
