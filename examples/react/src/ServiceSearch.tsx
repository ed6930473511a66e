import { formatRupiah, type CatalogStore } from '@mpp-kit/core';
import { useStore } from './useStore.js';

const SHOWN = 8;

/** The agency's own search box and list, rendered by React over the headless SDK's catalog store. */
export function ServiceSearch({ store, onOpen }: { store: CatalogStore; onOpen: (serviceId: string) => void }) {
  const s = useStore(store);
  const agencies = new Map(s.agencies.map((a) => [a.id, a.shortName]));
  const status =
    s.status === 'error'
      ? 'Layanan tidak dapat dimuat (could not load the services).'
      : s.status !== 'ready'
        ? 'Memuat layanan… (loading)'
        : s.results.length
          ? `${s.results.length} layanan ditemukan (${s.results.length} services found).`
          : 'Tidak ada layanan yang cocok (no matching service).';
  return (
    <section aria-labelledby="search-title" className="card">
      <h2 id="search-title">Pencarian kami sendiri (our own search, React + @mpp-kit/core)</h2>
      <label htmlFor="own-q">Cari layanan (search services)</label>
      <input id="own-q" type="search" value={s.query} onChange={(e) => store.setQuery(e.currentTarget.value)} />
      <p role="status" data-own-status>
        {status}
      </p>
      <ul data-own-results>
        {s.results.slice(0, SHOWN).map((svc) => (
          <li key={svc.id}>
            <span data-own-name>{svc.name}</span>
            <small>
              {' '}
              {agencies.get(svc.agencyId) ?? ''} · {svc.fee.kind === 'free' ? 'Gratis (free)' : formatRupiah(svc.fee.amount)}
            </small>{' '}
            <button type="button" data-open={svc.id} onClick={() => onOpen(svc.id)}>
              Buka di katalog<span className="sr-only"> {svc.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
