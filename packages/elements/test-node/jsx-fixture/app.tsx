// A React 19 app's use of the widgets, type-checked against the packed @mpp-kit/elements (no
// hand-written declarations). The test copies it with a broken variant as the negative control.
import type {} from '@mpp-kit/elements/jsx';
import { MppBookingCreatedEvent, MppErrorEvent, type MppQueueTicket } from '@mpp-kit/elements';
import { useRef } from 'react';

export function Page() {
  const ticket = useRef<MppQueueTicket>(null);
  return (
    <main>
      <mpp-service-catalog api="https://mpp.example.go.id/api/v1/" agency="disdukcapil" booking-url="/antrean/" theme="dark" />
      <mpp-queue-booking
        api="https://mpp.example.go.id/api/v1/"
        ticket-url="/tiket/"
        onmpp-booking-created={(e: MppBookingCreatedEvent) => console.log(e.detail.code)}
        onmpp-error={(e: MppErrorEvent) => console.log(e.detail.code)}
      />
      <mpp-queue-ticket ref={ticket} code="AB12-CD34" lang="en" />
    </main>
  );
}
