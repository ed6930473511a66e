import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createCatalogIndex, normalizeIndonesian } from '../src/catalog/search.js';
import { stemIndonesian } from '../src/catalog/synonyms.js';
import { AGENCIES, SERVICES } from './fixtures/catalog.js';

const index = createCatalogIndex(SERVICES, AGENCIES);
const ids = (q: string, limit = 5, agencyId?: string | null) => index.search(q, { limit, agencyId }).map((s) => s.id);
const first = (q: string) => ids(q, 1)[0];
const SERVICE_IDS = new Set(SERVICES.map((s) => s.id));
const AGENCY_IDS = AGENCIES.map((a) => a.id);

describe('normalizeIndonesian', () => {
  it('lowercases, strips diacritics, punctuation and emoji, collapses spaces', () => {
    assert.equal(normalizeIndonesian('  Pénerbitan   KTP!!  🎉 (baru) '), 'penerbitan ktp baru');
    assert.equal(normalizeIndonesian('Café—Crème'), 'cafe creme');
    assert.equal(normalizeIndonesian('🙂🙂🙂'), '');
    assert.equal(normalizeIndonesian('?!.,;:'), '');
    assert.equal(normalizeIndonesian(''), '');
  });

  it('folds Indonesian spelling variants', () => {
    assert.equal(normalizeIndonesian('Akte Lahir'), 'akta lahir');
    assert.equal(normalizeIndonesian('sertipikat tanah'), 'sertifikat tanah');
    assert.equal(normalizeIndonesian('e-KTP'), 'ktp');
    assert.equal(normalizeIndonesian('KTP-el'), 'ktp');
    assert.equal(normalizeIndonesian('eKTP hilang'), 'ktp hilang');
    assert.equal(normalizeIndonesian('ijin usaha'), 'izin usaha');
    assert.equal(normalizeIndonesian('Passport'), 'paspor');
    assert.equal(normalizeIndonesian('e-Paspor'), 'epaspor');
    // the class of a driving licence survives as its own token
    assert.equal(normalizeIndonesian('SIM C'), 'sim simc');
  });

  it('caps the length at a word boundary', () => {
    const out = normalizeIndonesian('kata '.repeat(5000));
    assert.ok(out.length <= 200, `length ${out.length}`);
    assert.ok(out.startsWith('kata kata'));
    assert.ok(!out.endsWith(' '));
    assert.ok(normalizeIndonesian('x'.repeat(10_000)).length <= 200);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const once = normalizeIndonesian(s);
        assert.equal(normalizeIndonesian(once), once);
      }),
    );
  });
});

describe('stemIndonesian', () => {
  it('removes common confixes', () => {
    assert.ok(stemIndonesian('kelahiran').includes('lahir'));
    assert.ok(stemIndonesian('pemasangan').includes('pasang'));
    assert.ok(stemIndonesian('perpanjangan').includes('panjang'));
    assert.ok(stemIndonesian('pendaftaran').includes('daftar'));
    assert.ok(stemIndonesian('penggantian').includes('ganti'));
    assert.ok(stemIndonesian('tahunan').includes('tahun'));
    assert.deepEqual(stemIndonesian('kendaraan'), []);
    assert.deepEqual(stemIndonesian('ktp'), []);
  });
});

describe('search: abbreviations and synonyms', () => {
  it('KTP <-> kartu tanda penduduk / e-ktp / ktp-el', () => {
    for (const q of ['ktp', 'KTP', 'kartu tanda penduduk', 'e-ktp', 'E-KTP', 'ktp-el', 'ktp el', 'KTP elektronik']) {
      assert.equal(first(q), 'disdukcapil-ktp-el', q);
    }
  });

  it('KK <-> kartu keluarga', () => {
    assert.equal(first('kk'), 'disdukcapil-kk');
    assert.equal(first('kartu keluarga'), 'disdukcapil-kk');
  });

  it('KIA <-> kartu identitas anak', () => {
    assert.equal(first('kia'), 'disdukcapil-kia');
    assert.equal(first('kartu identitas anak'), 'disdukcapil-kia');
  });

  it('SKCK <-> surat keterangan catatan kepolisian / surat kelakuan baik', () => {
    for (const q of ['skck', 'SKCK', 'surat keterangan catatan kepolisian', 'surat kelakuan baik', 'surat berkelakuan baik']) {
      assert.equal(first(q), 'polresta-skck', q);
    }
  });

  it('NPWP <-> nomor pokok wajib pajak', () => {
    assert.equal(first('npwp'), 'kpp-pratama-npwp');
    assert.equal(first('nomor pokok wajib pajak'), 'kpp-pratama-npwp');
  });

  it('PBB <-> pajak bumi dan bangunan; BPHTB', () => {
    assert.equal(first('pbb'), 'bapenda-pbb');
    assert.equal(first('pajak bumi dan bangunan'), 'bapenda-pbb');
    assert.equal(first('bphtb'), 'bapenda-bphtb');
    assert.equal(first('bea perolehan hak atas tanah dan bangunan'), 'bapenda-bphtb');
  });

  it('IMB <-> PBG <-> persetujuan bangunan gedung / izin mendirikan bangunan', () => {
    for (const q of [
      'imb',
      'IMB',
      'pbg',
      'persetujuan bangunan gedung',
      'izin mendirikan bangunan',
      'ijin mendirikan bangunan',
      'urus imb',
    ]) {
      assert.equal(first(q), 'dpmptsp-pbg', q);
    }
  });

  it('a one-word synonym is searched next to the word, not instead of it', () => {
    assert.equal(first('izin toko obat'), 'dpmptsp-izin-toko-obat');
    assert.equal(first('toko obat'), 'dpmptsp-izin-toko-obat');
    // toko ~ usaha: the NIB service ("izin usaha") is found too, after the exact match
    assert.ok(ids('toko', 5).includes('dpmptsp-nib'));
    // motor ~ kendaraan
    assert.ok(ids('motor', 5).includes('samsat-bbnkb'));
  });

  it('an e- document is not the paper one (e-paspor), but e-KTP is the KTP', () => {
    assert.equal(first('e-paspor'), 'imigrasi-paspor-elektronik');
    assert.equal(first('e-passport'), 'imigrasi-paspor-elektronik');
    assert.equal(first('paspor'), 'imigrasi-paspor-baru');
    assert.equal(first('e-ktp'), 'disdukcapil-ktp-el');
  });

  it('prefers the service whose alias is exactly the query', () => {
    assert.equal(first('skck'), 'polresta-skck');
    assert.equal(first('perpanjang skck'), 'polresta-skck-perpanjangan');
    assert.equal(first('skck perpanjangan'), 'polresta-skck-perpanjangan');
    // "PKB" is an alias of the payment; "info pajak motor" only counts as "pkb" once "info" is dropped
    assert.equal(first('pkb'), 'samsat-pkb-tahunan');
    assert.equal(first('cek pajak kendaraan'), 'samsat-info-pajak');
  });

  it('NIB, SIM, STNK, PKB', () => {
    assert.equal(first('nib'), 'dpmptsp-nib');
    assert.equal(first('nomor induk berusaha'), 'dpmptsp-nib');
    assert.equal(first('sim'), 'polresta-sim-perpanjangan');
    assert.equal(first('surat izin mengemudi'), 'polresta-sim-perpanjangan');
    assert.ok(ids('stnk', 3).includes('samsat-stnk-lima-tahunan'));
    assert.equal(first('pkb'), 'samsat-pkb-tahunan');
    assert.equal(first('pajak kendaraan'), 'samsat-pkb-tahunan');
    assert.equal(first('bayar pajak motor'), 'samsat-pkb-tahunan');
  });

  it('akta <-> akte, paspor <-> passport, sertifikat <-> sertipikat', () => {
    assert.equal(first('akte lahir'), 'disdukcapil-akta-kelahiran');
    assert.equal(first('akta kelahiran'), 'disdukcapil-akta-kelahiran');
    assert.equal(first('akte kematian'), 'disdukcapil-akta-kematian');
    assert.equal(first('passport'), 'imigrasi-paspor-baru');
    assert.deepEqual(ids('sertipikat tanah', 3).sort(), ids('sertifikat tanah', 3).sort());
    assert.ok(ids('sertipikat', 3).every((id) => id.startsWith('bpn-') || id === 'dpmptsp-slf'));
  });

  it('everyday phrasings', () => {
    assert.equal(first('pasang air'), 'pdam-pasang-baru');
    assert.equal(first('pasang air pdam'), 'pdam-pasang-baru');
    assert.equal(first('santunan kecelakaan'), 'jasaraharja-santunan');
    assert.equal(first('balik nama sertifikat'), 'bpn-peralihan-hak');
    assert.equal(first('kartu kuning'), 'disnaker-ak1');
    assert.equal(first('surat pindah'), 'disdukcapil-pindah');
    assert.equal(first('ktp hilang'), 'disdukcapil-ktp-el');
    assert.equal(first('lahir'), 'disdukcapil-akta-kelahiran');
  });
});

describe('search: everyday verbs', () => {
  it('bikin/buat/urus/ngurus/cara/syarat/daftar are noise', () => {
    const base = ids('ktp');
    for (const verb of [
      'bikin',
      'buat',
      'urus',
      'ngurus',
      'mengurus',
      'pembuatan',
      'penerbitan',
      'cara',
      'syarat',
      'daftar',
      'cara bikin',
    ]) {
      assert.deepEqual(ids(`${verb} ktp`), base, verb);
    }
    assert.equal(first('syarat kk'), 'disdukcapil-kk');
    assert.equal(first('cara daftar npwp'), 'kpp-pratama-npwp');
  });

  it('a query of only noise words still searches them', () => {
    assert.ok(ids('daftar').length > 0);
  });

  it('perpanjang favours renewal services', () => {
    assert.equal(first('perpanjang paspor'), 'imigrasi-paspor-penggantian');
    assert.equal(first('paspor'), 'imigrasi-paspor-baru');
    assert.equal(first('ganti paspor'), 'imigrasi-paspor-penggantian');
    assert.equal(first('perpanjang sim'), 'polresta-sim-perpanjangan');
    assert.equal(first('perpanjang stnk'), 'samsat-stnk-lima-tahunan');
  });
});

describe('search: typing, typos and agencies', () => {
  it('prefix search on the last word (as you type)', () => {
    assert.equal(first('pasp'), 'imigrasi-paspor-baru');
    assert.equal(first('skc'), 'polresta-skck');
    assert.equal(first('akta kela'), 'disdukcapil-akta-kelahiran');
    assert.equal(first('santunan kec'), 'jasaraharja-santunan');
    assert.ok(ids('sertif').length > 0);
  });

  it('a finished word (trailing space) is not a prefix', () => {
    assert.deepEqual(ids('sim '), ['polresta-sim-perpanjangan']);
  });

  it('tolerates typos in words of 4+ letters', () => {
    assert.equal(first('pasport'), 'imigrasi-paspor-baru');
    assert.equal(first('pasprot'), 'imigrasi-paspor-baru');
    assert.equal(first('sertifkat tanah'), ids('sertifikat tanah', 1)[0]);
    assert.equal(first('santunan kecelakan'), 'jasaraharja-santunan');
    assert.equal(first('kelahran'), 'disdukcapil-akta-kelahiran');
  });

  it('one letter returns services starting with it', () => {
    const r = index.search('p', { limit: 5 });
    assert.ok(r.length > 0);
    assert.ok(r[0]!.name.toLowerCase().startsWith('p'));
  });

  it('agency names and aliases are searchable', () => {
    assert.ok(ids('dukcapil', 10).every((id) => id.startsWith('disdukcapil-')));
    assert.ok(ids('imigrasi').every((id) => id.startsWith('imigrasi-')));
    assert.ok(ids('tirta pakuan').every((id) => id.startsWith('pdam-')));
    assert.equal(first('jasa raharja'), 'jasaraharja-santunan');
  });

  it('filters by agency', () => {
    assert.deepEqual(ids('ktp', 20, 'imigrasi').sort(), [
      'imigrasi-paspor-baru',
      'imigrasi-paspor-elektronik',
      'imigrasi-paspor-penggantian',
    ]);
    assert.ok(ids('balik nama', 20, 'samsat').every((id) => id.startsWith('samsat-')));
    assert.deepEqual(ids('ktp', 20, 'no-such-agency'), []);
    assert.deepEqual(ids('k', 20, 'disnaker'), ['disnaker-ak1']);
    assert.equal(ids('ktp', 20, null)[0], 'disdukcapil-ktp-el');
  });

  it('respects the limit, default 20', () => {
    assert.equal(index.search('a').length <= 20, true);
    assert.ok(index.search('ktp').length > 5);
    assert.equal(index.search('ktp', { limit: 3 }).length, 3);
    assert.deepEqual(index.search('ktp', { limit: 0 }), []);
    const all = index.search('bogor', { limit: 1000 });
    assert.ok(all.length > 20);
    assert.equal(new Set(all.map((s) => s.id)).size, all.length);
  });

  it('results do not depend on earlier searches (caches only make them faster)', () => {
    const fresh = () => createCatalogIndex(SERVICES, AGENCIES);
    const queries = [
      'p',
      'pa',
      'pas',
      'pasp',
      'paspor',
      'paspor h',
      'ktp',
      'kartu',
      'kartu k',
      'surat',
      'izin',
      'pajak motor',
      'sertif',
      'balik nama s',
    ];
    const used = fresh();
    for (const q of [...queries].reverse()) used.search(q, { limit: 50 });
    for (const q of ['santunan', 'imb', 'akte lahir', 'dukcapil']) used.search(q, { agencyId: 'disdukcapil' });
    for (const q of queries) {
      assert.deepEqual(
        used.search(q, { limit: 50 }).map((s) => s.id),
        fresh()
          .search(q, { limit: 50 })
          .map((s) => s.id),
        q,
      );
    }
  });

  it('is deterministic', () => {
    assert.deepEqual(ids('pajak', 20), ids('pajak', 20));
    const again = createCatalogIndex(SERVICES, AGENCIES);
    assert.deepEqual(
      again.search('surat').map((s) => s.id),
      index.search('surat').map((s) => s.id),
    );
  });

  it('size is the number of services', () => {
    assert.equal(index.size, SERVICES.length);
    assert.equal(createCatalogIndex([], []).size, 0);
    assert.deepEqual(createCatalogIndex([], []).search('ktp'), []);
  });
});

describe('suggest', () => {
  it('corrects misspelled words', () => {
    assert.deepEqual(index.suggest('pasprot', 1), ['paspor']);
    assert.equal(index.suggest('sertifkat tanah', 1)[0], 'sertifikat tanah');
    assert.equal(index.suggest('bikin pasprot', 1)[0], 'bikin paspor');
    assert.ok(index.suggest('skkc').includes('skck'));
  });

  it('returns at most `limit` suggestions, each finding something', () => {
    for (const q of ['pasprot', 'kelahran', 'sertifkat', 'imgrasi', 'santunn']) {
      const s = index.suggest(q, 2);
      assert.ok(s.length <= 2, q);
      assert.ok(s.length >= 1, q);
      for (const x of s) assert.ok(index.search(x).length > 0, `${q} -> ${x}`);
    }
  });

  it('returns nothing for correct, empty or absurd queries', () => {
    assert.deepEqual(index.suggest('ktp'), []);
    assert.deepEqual(index.suggest(''), []);
    assert.deepEqual(index.suggest('!!!'), []);
    assert.deepEqual(index.suggest('qqqqqqqqqqqqqqqq'), []);
    assert.deepEqual(index.suggest('ktp', 0), []);
  });
});

describe('search: bad input', () => {
  it('returns [] for empty, punctuation-only and emoji-only input', () => {
    for (const q of ['', ' ', '   ', '!!!', '?', '.,;:-_', '🙂', '🚗💨🚗', '\u0000\u0001', '\u200b\u200d', '\ud800', '\udfff']) {
      assert.deepEqual(index.search(q), [], JSON.stringify(q));
    }
  });

  it('handles a 10,000-character string quickly', () => {
    const started = performance.now();
    assert.ok(Array.isArray(index.search('a'.repeat(10_000))));
    assert.ok(Array.isArray(index.search('ktp '.repeat(2_500))));
    assert.equal(index.search('ktp '.repeat(2_500))[0]?.id, 'disdukcapil-ktp-el');
    assert.ok(Array.isArray(index.search('🙂'.repeat(5_000))));
    assert.ok(performance.now() - started < 500);
  });

  it('keeps the valid part of mixed input', () => {
    assert.equal(first('🙂 ktp!!! 🎉'), 'disdukcapil-ktp-el');
    assert.equal(first('<script>alert(1)</script> skck'), 'polresta-skck');
  });

  it('does not throw on non-string input from untyped callers', () => {
    for (const q of [undefined, null, 42, {}, [], Symbol('x')]) {
      assert.deepEqual(index.search(q as unknown as string), []);
      assert.deepEqual(index.suggest(q as unknown as string), []);
    }
    const odd = createCatalogIndex(
      [null, 42, { id: 'x', agencyId: 'a', name: 'KTP', aliases: 'ktp' }, ...SERVICES] as unknown as typeof SERVICES,
      [null] as unknown as typeof AGENCIES,
    );
    assert.ok(odd.search('ktp').every((s) => typeof s === 'object' && s !== null));
    assert.ok(Array.isArray(index.search('ktp', { limit: Number.NaN })));
    assert.ok(Array.isArray(index.search('ktp', { limit: -5 })));
    assert.ok(index.search('ktp', { limit: 1e12 }).length <= SERVICES.length);
  });
});

describe('search: properties', () => {
  const emoji = fc.constantFrom('🙂', '🎉', '🚗', '👨‍👩‍👧', '🇮🇩', '❤️', '🔥', '⚠️', '👍🏽');
  const words = fc.constantFrom(
    'ktp',
    'kk',
    'akta',
    'akte',
    'lahir',
    'paspor',
    'bikin',
    'perpanjang',
    'pajak',
    'motor',
    'sim',
    'skck',
    'sertifikat',
    'imb',
    'pdam',
    'a',
    'di',
    'dan',
  );
  const queries = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'binary-ascii', maxLength: 80 }),
    fc.array(emoji, { maxLength: 30 }).map((a) => a.join('')),
    fc.array(fc.oneof(words, emoji, fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 12 }).map((a) => a.join(' ')),
    fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 12_000 }),
  );
  const limits = fc.option(fc.integer({ min: -5, max: 60 }), { nil: undefined });
  const agencyIds = fc.option(fc.constantFrom(...AGENCY_IDS, 'unknown-agency'), { nil: undefined });

  it('never throws and returns at most `limit` services of the index', () => {
    fc.assert(
      fc.property(queries, limits, agencyIds, (q, limit, agencyId) => {
        const r = index.search(q, { limit, agencyId });
        assert.ok(Array.isArray(r));
        assert.ok(r.length <= Math.max(0, limit ?? 20));
        for (const s of r) assert.ok(SERVICE_IDS.has(s.id));
        assert.equal(new Set(r).size, r.length);
      }),
      { numRuns: 400 },
    );
  });

  it('results are restricted to the agency filter', () => {
    fc.assert(
      fc.property(queries, fc.constantFrom(...AGENCY_IDS), (q, agencyId) => {
        for (const s of index.search(q, { agencyId, limit: 50 })) assert.equal(s.agencyId, agencyId);
      }),
      { numRuns: 300 },
    );
  });

  it('the filtered results are a subset of what the unfiltered index knows', () => {
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 3 }), fc.constantFrom(...AGENCY_IDS), (ws, agencyId) => {
        const q = ws.join(' ');
        const filtered = index.search(q, { agencyId, limit: 1000 }).map((s) => s.id);
        const all = new Set(index.search(q, { limit: 1000 }).map((s) => s.id));
        for (const id of filtered) assert.ok(all.has(id), `${q} ${agencyId} ${id}`);
      }),
      { numRuns: 200 },
    );
  });

  it('suggest never throws and returns at most `limit` strings', () => {
    fc.assert(
      fc.property(queries, fc.integer({ min: -2, max: 12 }), (q, limit) => {
        const s = index.suggest(q, limit);
        assert.ok(Array.isArray(s));
        assert.ok(s.length <= Math.max(0, limit));
        for (const x of s) assert.equal(typeof x, 'string');
      }),
      { numRuns: 200 },
    );
  });

  it('normalizeIndonesian never throws and stays short and clean', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const n = normalizeIndonesian(q);
        assert.ok(n.length <= 200);
        assert.ok(!/\s\s/.test(n) && n === n.trim());
        assert.ok(/^[\p{L}\p{N} ]*$/u.test(n));
      }),
      { numRuns: 300 },
    );
  });
});
