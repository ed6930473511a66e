import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
// @ts-expect-error virtual module served by the test server plugin
import { API } from '/__mpp-test-env.js';
import '../src/mpp-launcher/define.js';
import '../src/mpp-service-catalog/define.js';
import type { MppLauncher } from '../src/mpp-launcher/mpp-launcher.js';
import { $, $$, clearStorage, until } from './helpers.js';

const dialog = (el: MppLauncher) => $<HTMLDialogElement>(el, 'dialog')!;

describe('<mpp-launcher>', () => {
  beforeEach(async () => {
    await clearStorage();
    await setViewport({ width: 360, height: 740 });
  });

  it('opens its widget in a modal window, accessible closed and open, and closes by Escape with the focus back', async () => {
    const el = await fixture<MppLauncher>(html`<mpp-launcher widget="catalog" api=${API}></mpp-launcher>`);
    const button = $<HTMLButtonElement>(el, '[part="launcher"]')!;
    expect(button.textContent).to.match(/Cari layanan/);
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    await expect(el).to.be.accessible();
    button.focus();
    const opened = oneEvent(el, 'mpp-launcher-toggled');
    button.click();
    expect((await opened).detail).to.deep.equal({ widget: 'catalog', open: true });
    expect(dialog(el).open).to.equal(true);
    const catalog = el.querySelector('mpp-service-catalog')!;
    expect(catalog.getAttribute('api')).to.equal(API);
    await until(() => $$(catalog, '[data-service]').length > 0, 'the catalog inside');
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'mpp-launcher-toggled');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.open).to.equal(false);
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('fits 320 px and floats in the corner with mode="floating"; reset() starts the widget afresh', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<MppLauncher>(html`<mpp-launcher widget="catalog" mode="floating" api=${API} label="Layanan"></mpp-launcher>`);
    const r = $(el, '[part="launcher"]')!.getBoundingClientRect();
    expect(r.right).to.be.at.most(320);
    expect(r.right).to.be.greaterThan(280);
    expect(r.bottom).to.be.greaterThan(600);
    expect(r.height).to.be.at.least(44);
    await el.open();
    expect(dialog(el).getBoundingClientRect().width).to.be.at.most(320);
    const first = el.querySelector('mpp-service-catalog');
    el.reset();
    expect(el.querySelector('mpp-service-catalog')).not.to.equal(first);
    expect(el.querySelectorAll('mpp-service-catalog')).to.have.length(1);
    el.close();
    expect(dialog(el).open).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
