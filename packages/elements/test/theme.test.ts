import { html, fixture, expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
// @ts-expect-error virtual module served by the test server plugin
import { API } from '/__mpp-test-env.js';
import '../src/mpp-service-catalog/define.js';
import type { MppServiceCatalog } from '../src/mpp-service-catalog/mpp-service-catalog.js';
import { $$, clearStorage, until } from './helpers.js';

const ready = (el: MppServiceCatalog) =>
  until(() => el.store?.getSnapshot().status === 'ready' && $$(el, '[data-service]').length > 0, 'catalog ready');
const surface = (el: Element) => getComputedStyle(el).backgroundColor;
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(27, 28, 31)';
const tick = () => new Promise((r) => setTimeout(r));

describe('theme="auto" follows the host page, not the phone', () => {
  beforeEach(() => clearStorage());
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.documentElement.style.removeProperty('color-scheme');
    document.body.removeAttribute('style');
  });

  it('is light on a white page on a phone that prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(matchMedia('(prefers-color-scheme: dark)').matches, 'emulation works').to.equal(true);
    const wrap = await fixture(html`<div style="background:#fff"><mpp-service-catalog api=${API}></mpp-service-catalog></div>`);
    const el = wrap.firstElementChild as MppServiceCatalog;
    await ready(el);
    expect(el.dataset.scheme).to.equal('light');
    expect(surface(el)).to.equal(WHITE);
    await expect(el).to.be.accessible();
  });

  it('is light by default: a page that says nothing, on a dark phone', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    expect(el.dataset.scheme).to.equal('light');
  });

  it('is dark on a dark host page (its background), accessible, and follows the page when it switches', async () => {
    const wrap = await fixture(
      html`<div style="background:rgb(18, 18, 18); color:#eee">
        <div><mpp-service-catalog api=${API}></mpp-service-catalog></div>
      </div>`,
    );
    const el = wrap.querySelector('mpp-service-catalog') as MppServiceCatalog;
    await ready(el);
    expect(el.dataset.scheme).to.equal('dark');
    expect(surface(el)).to.equal(DARK);
    expect(getComputedStyle(el).colorScheme, 'native controls dark too').to.equal('dark');
    await expect(el).to.be.accessible();
    // The site's own theme switch: the wrapper turns white.
    (wrap as HTMLElement).style.background = 'white';
    await tick();
    expect(el.dataset.scheme).to.equal('light');
  });

  it('reads the host color-scheme, and re-checks when <html> changes', async () => {
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    expect(el.dataset.scheme).to.equal('light');
    document.documentElement.style.setProperty('color-scheme', 'dark');
    await tick();
    expect(el.dataset.scheme).to.equal('dark');
    document.documentElement.style.setProperty('color-scheme', 'light');
    await tick();
    expect(el.dataset.scheme).to.equal('light');
  });

  it('a page that allows both schemes and sets no colour follows the phone, live', async () => {
    document.documentElement.style.setProperty('color-scheme', 'light dark');
    const el = await fixture<MppServiceCatalog>(html`<mpp-service-catalog api=${API}></mpp-service-catalog>`);
    expect(el.dataset.scheme).to.equal('light');
    await emulateMedia({ colorScheme: 'dark' });
    await until(() => el.dataset.scheme === 'dark', 'dark after the media change');
  });

  it('theme="dark" and theme="light" override the page', async () => {
    const wrap = await fixture(
      html`<div style="background:#111">
        <mpp-service-catalog api=${API} theme="light"></mpp-service-catalog>
      </div>`,
    );
    const el = wrap.firstElementChild as MppServiceCatalog;
    await el.updateComplete;
    expect(el.dataset.scheme).to.equal('light');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.dataset.scheme).to.equal('dark');
    expect(surface(el)).to.equal(DARK);
    el.theme = 'auto';
    await el.updateComplete;
    expect(el.dataset.scheme).to.equal('dark');
  });
});
