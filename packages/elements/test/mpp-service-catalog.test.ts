import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
// @ts-expect-error virtual module served by the test server plugin
import { API, PROXY_API, DEAD_API } from '/__mpp-test-env.js';
import '../src/mpp-service-catalog/define.js';
import type { MppServiceCatalog } from '../src/mpp-service-catalog/mpp-service-catalog.js';
import type { MppBookingRequestedEvent } from '../src/shared/events.js';
import { $, $$, clearStorage, setProxy, typeInto, until } from './helpers.js';

const ready = (el: MppServiceCatalog) =>
  until(() => el.store?.getSnapshot().status === 'ready' && $$(el, '[data-service]').length > 0, 'catalog ready');
const ids = (el: MppServiceCatalog) => $$(el, 'ul.results [data-service]').map((b) => b.dataset.service);
const search = async (el: MppServiceCatalog, q: string) => {
  typeInto($<HTMLInputElement>(el, '#q')!, q);
  await el.updateComplete;
};

describe('<mpp-service-catalog>', () => {
  beforeEach(async () => {
    await clearStorage();
    history.replaceState(null, '', location.pathname + location.search);
    await setProxy('up');
    await setViewport({ width: 1024, height: 800 });
  });

  it('axe really runs (negative control)', async () => {
    const bad = await fixture(
      html`<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /><button aria-label="Go">Stop</button></div>`,
    );
    await expect(bad).not.to.be.accessible();
  });

  it('shows skeletons while loading, then the Bogor catalog, accessible in both states', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    expect($(el, 'ul[aria-busy="true"]'), 'skeleton').to.exist;
    await expect(el).to.be.accessible();
    await ready(el);
    expect($$(el, '#agency option')).to.have.length(14);
    expect($(el, '#status')!.textContent).to.match(/\d+ layanan/);
    await expect(el).to.be.accessible();
  });

  it('puts KTP-el first for "bikin ktp" and SKCK first for "skck"', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    await search(el, 'bikin ktp');
    expect(ids(el)[0]).to.equal('disdukcapil-ktp-el');
    await search(el, 'skck');
    expect(ids(el)[0]).to.equal('polresta-skck');
    await search(el, 'urus imb');
    expect(ids(el)[0]).to.match(/pbg/);
    await expect(el).to.be.accessible();
  });

  it('filters by agency, or is fixed to one agency by attribute', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    const select = $<HTMLSelectElement>(el, '#agency')!;
    select.value = 'pdam';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(ids(el).length).to.be.greaterThan(3);
    expect(ids(el).every((id) => id!.startsWith('pdam-'))).to.equal(true);

    const fixed = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API} agency="disdukcapil"></mpp-service-catalog>`);
    await ready(fixed);
    expect($(fixed, '#agency')).to.equal(null);
    expect(ids(fixed).every((id) => id!.startsWith('disdukcapil-'))).to.equal(true);
    await search(fixed, 'skck');
    expect(ids(fixed)).to.deep.equal([]);
  });

  it('shows an empty state with suggestions, and never breaks on absurd input', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    for (const q of ['😀🎉🔥', '!!!???...', 'x'.repeat(10_000), '\u0000\uFFFF\uD800', 'zzqqxx']) {
      await search(el, q);
      expect(ids(el), q.slice(0, 20)).to.deep.equal([]);
      expect($(el, '[part="empty"]'), 'empty state').to.exist;
    }
    expect($$(el, '[part="empty"] .chip').length, 'popular services offered').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await search(el, 'pasprot');
    const chips = $$(el, '[part="empty"] .chip');
    if (ids(el).length === 0) expect(chips.length).to.be.greaterThan(0);
    else expect(ids(el).some((id) => id!.startsWith('imigrasi-'))).to.equal(true);
  });

  it('opens a detail view with a requirements checklist and fires events without personal data', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    await search(el, 'ktp');
    const selected = oneEvent(el, 'mpp-service-selected');
    $(el, '[data-service="disdukcapil-ktp-el"]')!.click();
    expect((await selected).detail).to.deep.equal({ serviceId: 'disdukcapil-ktp-el', agencyId: 'disdukcapil' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id, 'heading focused').to.equal('svc-title');
    // The full record arrives after the name: the heading keeps the focus.
    await until(() => $(el, '[part="checklist"]'), 'the full record');
    expect(el.shadowRoot!.activeElement?.id, 'heading still focused').to.equal('svc-title');
    const boxes = $$<HTMLInputElement>(el, '[part="checklist"] input[type="checkbox"]');
    expect(boxes.length).to.be.greaterThan(0);
    boxes[0]!.click();
    await el.updateComplete;
    expect($(el, '#req-hint [role="status"]')!.textContent).to.match(/^1 dari/);
    expect($(el, '[part="detail"]')!.textContent).to.match(/Gratis/);
    await expect(el).to.be.accessible();

    const booked = oneEvent(el, 'mpp-booking-requested');
    $(el, '[part="book-button"]')!.click();
    const ev = (await booked) as MppBookingRequestedEvent;
    expect(ev.detail).to.deep.equal({ serviceId: 'disdukcapil-ktp-el', agencyId: 'disdukcapil' });
    expect(ev.bubbles && ev.composed && ev.cancelable).to.equal(true);
  });

  it('tells the fee by kind, never "Gratis" for a tariff, and lists conditions apart from what to bring', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    const open = async (q: string, id: string) => {
      await search(el, q);
      await until(() => $(el, `[data-service="${id}"]`), id);
      $(el, `[data-service="${id}"]`)!.click();
      return until(() => ($(el, '[part="checklist"]') ? $(el, '[part="detail"]') : null), `${id} detail`);
    };
    await search(el, 'pajak kendaraan tahunan');
    const pkbItem = await until(() => $(el, '[data-service="samsat-pkb-tahunan"]'), 'PKB in the list');
    expect(pkbItem.closest('li')!.textContent).to.match(/Sesuai ketentuan/);
    expect(pkbItem.closest('li')!.textContent).not.to.match(/Gratis/);

    let detail = await open('pajak kendaraan tahunan', 'samsat-pkb-tahunan');
    expect(detail.textContent).to.match(/Sesuai ketentuan — PKB sesuai NJKB/);
    expect(detail.textContent).not.to.match(/Gratis/);
    expect($(el, '[part="conditions"]'), 'no conditions listed for PKB').to.equal(null);
    $<HTMLButtonElement>(el, '[part="detail"] button')!.click();
    await el.updateComplete;

    detail = await open('balik nama sertifikat', 'bpn-balik-nama-sertifikat');
    expect(detail.textContent).to.contain(
      'Mulai Rp\u00a050.000, sesuai ketentuan — Rp50.000 ditambah 1/1000 × nilai tanah (PP Nomor 128 Tahun 2015)',
    );
    $<HTMLButtonElement>(el, '[part="detail"] button')!.click();
    await el.updateComplete;

    detail = await open('skck', 'polresta-skck');
    expect(detail.textContent).to.contain('Rp\u00a030.000 — PNBP penerbitan SKCK');
    $<HTMLButtonElement>(el, '[part="detail"] button')!.click();
    await el.updateComplete;

    await open('bikin ktp', 'disdukcapil-ktp-el');
    const conditions = $$(el, '[part="conditions"] li').map((li) => li.textContent!.trim());
    expect(conditions).to.include('Sudah berusia 17 tahun, sudah kawin, atau pernah kawin');
    expect($(el, '#cond-title')!.textContent).to.equal('Syarat yang harus dipenuhi');
    const toBring = $$(el, '[part="checklist"] li').map((li) => li.textContent!.trim());
    expect(
      toBring.some((r) => /berusia/i.test(r)),
      'the age is not something to bring',
    ).to.equal(false);
    expect(toBring.length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'en');
    await until(() => $(el, '#cond-title')?.textContent === 'Conditions to meet', 'English conditions heading');
    $<HTMLButtonElement>(el, '[part="detail"] button')!.click();
    await el.updateComplete;
    detail = await open('pajak kendaraan tahunan', 'samsat-pkb-tahunan');
    expect(detail.textContent).to.match(/Set by regulation — PKB sesuai NJKB/);
  });

  it('can be used with the keyboard only', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    $<HTMLInputElement>(el, '#q')!.focus();
    await sendKeys({ type: 'skck' });
    await el.updateComplete;
    expect(ids(el)[0]).to.equal('polresta-skck');
    await sendKeys({ press: 'Tab' }); // agency filter
    await sendKeys({ press: 'Tab' }); // first result
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.service).to.equal('polresta-skck');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('svc-title');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.service, 'focus returns to the result').to.equal('polresta-skck');
    expect($<HTMLInputElement>(el, '#q')!.value, 'query kept').to.equal('skck');
  });

  it('speaks English from the page language and follows changes', async () => {
    const wrap = await fixture(html`<div lang="en"><mpp-service-catalog api=${API}></mpp-service-catalog></div>`);
    const el = wrap.querySelector('mpp-service-catalog') as MppServiceCatalog;
    await ready(el);
    expect($(el, 'label[for="q"]')!.textContent).to.equal('Search services');
    expect($(el, '#title')!.textContent).to.equal('Service catalog');
    await expect(el).to.be.accessible();
    wrap.setAttribute('lang', 'id');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect($(el, 'label[for="q"]')!.textContent).to.equal('Cari layanan');
  });

  it('shows an error with retry that keeps the query, then recovers', async () => {
    await setProxy('down');
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${PROXY_API}></mpp-service-catalog>`);
    const errored = oneEvent(el, 'mpp-error');
    await until(() => el.store?.getSnapshot().status === 'error', 'error state', 30_000);
    expect((await errored).detail.code).to.equal('network');
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).to.match(/Tidak dapat terhubung/);
    await expect(el).to.be.accessible();
    await search(el, 'skck');
    await setProxy('up');
    $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
    await ready(el);
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('skck');
    expect(ids(el)[0]).to.equal('polresta-skck');
  });

  it('works offline from the cache of an earlier visit, and says so', async () => {
    const first = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${PROXY_API}></mpp-service-catalog>`);
    await ready(first);
    first.remove();
    await setProxy('down');
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${PROXY_API}></mpp-service-catalog>`);
    await ready(el);
    await until(() => el.store?.getSnapshot().error, 'revalidation failed', 30_000);
    await el.updateComplete;
    expect($(el, '[role="note"]')!.textContent).to.match(/luring/);
    await search(el, 'bikin ktp');
    expect(ids(el)[0]).to.equal('disdukcapil-ktp-el');
    await expect(el).to.be.accessible();
  });

  it('reports a dead API with a clear message', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${DEAD_API} lang="en"></mpp-service-catalog>`);
    await until(() => el.store?.getSnapshot().status === 'error', 'error state', 30_000);
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).to.match(/Could not reach the server/);
  });

  it('fits 320 px without horizontal scrolling, in dark theme too', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API} theme="dark"></mpp-service-catalog>`);
    await ready(el);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
    $(el, '[data-service]')!.click();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const b of $$(el, 'button')) expect(b.getBoundingClientRect().height, 'target ≥ 44 px').to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('keeps the query through a reload (session storage)', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    await search(el, 'paspor');
    el.remove();
    const again = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(again);
    expect($<HTMLInputElement>(again, '#q')!.value).to.equal('paspor');
  });

  it('opens with the most used services, then every service by agency with counts, all reachable', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    const total = el.store!.getSnapshot().services.length;
    expect($(el, '#top-title')!.textContent).to.equal('Paling banyak dipakai');
    const top = ids(el);
    expect(top).to.have.length(6);
    expect(top.slice(0, 2).sort()).to.deep.equal(['disdukcapil-ktp-el', 'samsat-pkb-tahunan']);
    const groups = $$<HTMLDetailsElement>(el, 'details[part="group"]');
    expect(groups.length).to.equal(el.store!.getSnapshot().agencies.filter((a) => a.serviceCount > 0).length);
    const counts = groups.map((g) => Number(/(\d+) layanan/.exec(g.querySelector('summary')!.textContent!)![1]));
    expect(
      counts.reduce((a, b) => a + b, 0),
      'the groups hold every service',
    ).to.equal(total);
    await expect(el).to.be.accessible();
    // Keyboard: a group opens with Enter and lists its services, most used first.
    const dukcapil = groups.find((g) => g.dataset.agency === 'disdukcapil')!;
    dukcapil.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dukcapil.querySelectorAll('[data-service]').length, 'group opened');
    const inGroup = [...dukcapil.querySelectorAll<HTMLElement>('[data-service]')].map((b) => b.dataset.service);
    expect(inGroup[0]).to.equal('disdukcapil-ktp-el');
    expect(inGroup.length).to.equal(counts[groups.indexOf(dukcapil)]);
    await expect(el).to.be.accessible();
  });

  it('shows every match of a broad search through "Tampilkan lebih banyak", no silent cap', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    await search(el, 'izin');
    const matches = el.store!.getSnapshot().results.length;
    expect(matches, 'a broad query').to.be.greaterThan(40);
    expect($(el, '#status')!.textContent).to.contain(`${matches} layanan cocok`);
    expect(ids(el)).to.have.length(30);
    let more = $<HTMLButtonElement>(el, '[data-action="more"]');
    expect(more!.textContent).to.contain(`${matches - 30} lagi`);
    while ((more = $<HTMLButtonElement>(el, '[data-action="more"]'))) {
      more.click();
      await el.updateComplete;
    }
    expect(ids(el)).to.have.length(matches);
    expect(new Set(ids(el)).size).to.equal(matches);
  });

  it('gives each opened service a link that opens it again after a reload; Back removes it', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    await search(el, 'skck');
    $(el, '[data-service="polresta-skck"]')!.click();
    await el.updateComplete;
    expect(location.hash).to.equal('#layanan=polresta-skck');
    el.remove();
    const again = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await until(() => $(again, '#svc-title')?.textContent?.match(/SKCK/), 'linked service opened');
    $<HTMLButtonElement>(again, '[part="detail"] button')!.click();
    await again.updateComplete;
    expect(location.hash).to.equal('');
    // A link on the host page opens a service too.
    location.hash = 'layanan=imigrasi-paspor-baru';
    await until(() => $(again, '#svc-title')?.textContent?.match(/Paspor/i), 'opened from the page link');
    // Other anchors are left alone; deep-link="" turns the link off.
    const off = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API} deep-link=""></mpp-service-catalog>`);
    history.replaceState(null, '', '#top');
    await ready(off);
    $(off, '[data-service]')!.click();
    await off.updateComplete;
    expect(location.hash).to.equal('#top');
  });

  it('loads a compact index, fetches a full record only when a service is opened, and revalidates the device copy with one 304', async () => {
    const api = (e: PerformanceEntry) => e.name.startsWith(API);
    const requests = () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(api).map((e) => ({
        path: new URL(e.name).pathname.replace(/^\/api\/v1\//, ''),
        status: e.responseStatus,
      }));
    performance.clearResourceTimings();
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    expect(requests().map((r) => r.path)).to.deep.equal(['catalog/index'], 'one request, no full records');
    expect(el.store!.getSnapshot().services[0]).not.to.have.property('requirements');
    $(el, '[data-service]')!.click();
    await until(() => $(el, '[part="checklist"]'), 'the opened service in full');
    const opened = el.store!.getSnapshot().selectedId!;
    expect(requests().map((r) => r.path)).to.deep.equal(['catalog/index', `services/${opened}`]);
    el.remove();

    // A repeat visit: the list comes from this device (IndexedDB) and one conditional request says it is current.
    sessionStorage.clear();
    history.replaceState(null, '', location.pathname + location.search);
    performance.clearResourceTimings();
    const again = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await until(() => $$(again, '[data-service]').length > 0, 'the device copy shown');
    expect(
      requests().filter((r) => r.status === 200),
      'nothing downloaded',
    ).to.deep.equal([]);
    await until(() => !again.store!.getSnapshot().stale, 'revalidated');
    await until(() => requests().length === 1, 'the conditional request finished');
    expect(requests()).to.deep.equal([{ path: 'catalog/index', status: 304 }]);
    await expect(again).to.be.accessible();
  });

  it('answers "bpjs" with where BPJS is served, not with a wrong service', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    await ready(el);
    await search(el, 'bpjs');
    expect(ids(el)).to.deep.equal([]);
    const note = $(el, '[part="elsewhere"]')!;
    expect(note.textContent).to.contain('BPJS Kesehatan (JKN-KIS) tidak dilayani di sini.');
    expect(note.textContent).to.contain('Kantor Cabang BPJS Kesehatan');
    expect(note.textContent).to.contain('Kantor Cabang BPJS Ketenagakerjaan');
    expect(note.querySelector('a')!.getAttribute('href')).to.match(/^https:\/\/www\.bpjs-kesehatan\.go\.id/);
    expect($(el, '#status')!.textContent).to.contain('tidak dilayani di sini');
    expect($(el, '[part="empty"]'), 'no "did you mean" box').to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.match(/Haji/);
    await expect(el).to.be.accessible();
    await search(el, 'sim');
    expect($(el, '[part="elsewhere"]')).to.equal(null);
    expect(ids(el)[0]).to.match(/^polresta-sim-/);
  });
});
