import { defineOnce } from '../shared/define.js';
// The booking ends with the ticket: its element comes with it.
import '../mpp-queue-ticket/define.js';
import { MppQueueBooking } from './mpp-queue-booking.js';

defineOnce('mpp-queue-booking', MppQueueBooking);

declare global {
  interface HTMLElementTagNameMap {
    'mpp-queue-booking': MppQueueBooking;
  }
}
export { MppQueueBooking };
