// The JSX typings of the published package: every mpp-kit tag, its attributes, properties and events.
import type {} from '@mpp-kit/elements/jsx';
import type { MppServiceSelectedEvent } from '@mpp-kit/elements';
import type { MppClient } from '@mpp-kit/core';
import { useEffect, useState } from 'react';
import { ServiceSearch } from './ServiceSearch.js';

export function App({ client }: { client: MppClient }) {
  const [store] = useState(() => client.catalog.createStore());
  const [opened, setOpened] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);

  const onSelected = (e: MppServiceSelectedEvent) => setSelected(store.summaryOf(e.detail.serviceId)?.name ?? e.detail.serviceId);

  return (
    <>
      <header>
        <h1>Dinas Contoh Kota Bogor</h1>
        <p>Situs React milik dinas sendiri (an agency&apos;s own React site).</p>
      </header>
      <main>
        <ServiceSearch store={store} onOpen={setOpened} />
        <section aria-label="Katalog layanan (service catalog)" className="card">
          {/* `heading` and `theme` as attributes; `bookingUrl`, `deepLink` and `service` are set as properties by React 19. */}
          <mpp-service-catalog
            heading="Katalog layanan dinas"
            theme="light"
            bookingUrl="/antrean/"
            deepLink=""
            service={opened}
            onmpp-service-selected={onSelected}
          />
          <p data-selected aria-live="polite">
            {selected ? `Terakhir dibuka: ${selected} (last opened)` : 'Belum ada layanan yang dibuka (no service opened yet).'}
          </p>
        </section>
      </main>
    </>
  );
}
