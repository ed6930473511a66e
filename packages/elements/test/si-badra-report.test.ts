import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { StaffSession, createComplaintsApi, createHttp, createStaffComplaintsApi } from '@mpp-kit/core';
import { clear, createStore } from 'idb-keyval';
import '../src/si-badra-report/define.js';
import type { SiBadraReport } from '../src/si-badra-report/si-badra-report.js';
import type { SiBadraReportSubmittedEvent, SiBadraReportSupportedEvent } from '../src/si-badra-report/events.js';
import type { SiBadraErrorEvent } from '../src/shared/si-badra-events.js';
import { $, $$, codeFromMail, setProxy, typeInto, until } from './helpers.js';
import { API, PROXY_API } from './queue-helpers.js';

const complaints = createComplaintsApi(createHttp({ baseUrl: API, timeout: 15_000 }));
const TEXT = 'Jalan berlubang besar di depan SDN Polisi 1, berbahaya bagi pengendara motor di malam hari.';
const HOSTILE = '<img src=x onerror="window.__pwned=1"> "><script>window.__pwned=2</script>';

const step = (el: SiBadraReport) => $(el, 'form[part="step"]')?.dataset.step;
const atStep = (el: SiBadraReport, s: string) => until(() => step(el) === s, `step ${s}`);
const focused = (el: SiBadraReport) => el.shadowRoot!.activeElement as HTMLElement | null;
const click = (el: SiBadraReport, action: string) => $<HTMLButtonElement>(el, `[data-action="${action}"]`)!.click();

/** A 12-megapixel-like landscape photo drawn on a canvas and encoded as JPEG (the camera app's file). */
async function cameraFile(): Promise<File> {
  const c = new OffscreenCanvas(3000, 2000);
  const ctx = c.getContext('2d')!;
  const g = ctx.createLinearGradient(0, 0, 3000, 2000);
  g.addColorStop(0, '#704214');
  g.addColorStop(1, '#303030');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 3000, 2000);
  ctx.fillStyle = '#111';
  ctx.beginPath();
  ctx.ellipse(1500, 1200, 600, 250, 0, 0, Math.PI * 2);
  ctx.fill();
  const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
  return new File([blob], 'IMG_0001.jpg', { type: 'image/jpeg' });
}

/** Chooses a file in the file input, as the camera app gives it back. */
async function choosePhoto(el: SiBadraReport): Promise<void> {
  const input = $<HTMLInputElement>(el, '#photo-file')!;
  const dt = new DataTransfer();
  dt.items.add(await cameraFile());
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The phone's position (the test browser has no GPS): by default inside Kota Bogor, 12 m accuracy. */
function fakeGeolocation(latitude = -6.595, longitude = 106.8): () => void {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
  const fake = {
    getCurrentPosition: (ok: PositionCallback) =>
      setTimeout(() => ok({ coords: { latitude, longitude, accuracy: 12 } } as GeolocationPosition), 10),
  };
  Object.defineProperty(navigator, 'geolocation', { configurable: true, get: () => fake });
  return () => {
    delete (navigator as { geolocation?: unknown }).geolocation;
    Object.defineProperty(Navigator.prototype, 'geolocation', original);
  };
}

const ready = (el: SiBadraReport) => until(() => step(el), 'the form to load');
const mount = async (key: string, api = API, extra = '') => {
  const el = await fixture<SiBadraReport>(
    extra === 'preselect'
      ? html`<si-badra-report api=${api} draft-key=${key} category="jalan-rusak"></si-badra-report>`
      : html`<si-badra-report api=${api} draft-key=${key}></si-badra-report>`,
  );
  await ready(el);
  return el;
};

/** Fills every step up to the review: address typed, e-mail contact. */
async function fillToReview(el: SiBadraReport, email: string): Promise<void> {
  if (!$<HTMLInputElement>(el, '#category-jalan-rusak')!.checked) $<HTMLInputElement>(el, '#category-jalan-rusak')!.click();
  click(el, 'next');
  await atStep(el, 'text');
  typeInto($<HTMLInputElement>(el, '#text-input')!, TEXT);
  click(el, 'next');
  await atStep(el, 'photo');
  await choosePhoto(el);
  await until(() => $(el, '[data-photo]'), 'the photo uploaded');
  click(el, 'next');
  await atStep(el, 'location');
  $<HTMLInputElement>(el, '#where-address')!.click();
  await until(() => $(el, '#address-input'), 'the address field');
  typeInto($<HTMLInputElement>(el, '#address-input')!, 'Jl. Pajajaran 10, depan SDN Polisi 1');
  click(el, 'next');
  await atStep(el, 'contact');
  typeInto($<HTMLInputElement>(el, '#email-input')!, email);
  click(el, 'next');
  await atStep(el, 'privacy');
  click(el, 'next');
  await atStep(el, 'review');
}

const email = () => `warga.${Math.random().toString(36).slice(2, 8)}@example.id`;

describe('<si-badra-report>', () => {
  beforeEach(async () => {
    await setViewport({ width: 320, height: 900 });
    await clear(createStore('mpp-kit-si-badra', 'drafts'));
    sessionStorage.clear();
    delete (window as { __pwned?: number }).__pwned;
  });

  it('walks every step (checks, focus on each heading, axe at 320 px), files a complaint the server knows, and asks for the contact code', async function () {
    this.timeout(60_000);
    const restore = fakeGeolocation();
    try {
      const el = await mount('t-walk');
      const errors: string[] = [];
      el.addEventListener('si-badra-error', (e: SiBadraErrorEvent) => errors.push(e.detail.code));

      // Category: from the server, one required.
      expect(step(el)).to.equal('category');
      expect($$(el, 'input[name="category"]').length).to.be.greaterThan(5);
      expect($(el, '#step-of')!.textContent).to.contain('Langkah 1 dari 7');
      await expect(el).to.be.accessible();
      click(el, 'next');
      await until(() => $(el, '[role="alert"]'), 'the category check');
      expect($(el, '[role="alert"]')!.textContent).to.contain('Pilih kategori');
      $<HTMLInputElement>(el, '#category-jalan-rusak')!.click();
      click(el, 'next');

      // Description: at least 10 characters, a counter.
      await atStep(el, 'text');
      expect(focused(el)?.id, 'focus moves to the step heading').to.equal('step-title');
      const text = $<HTMLInputElement>(el, '#text-input')!;
      typeInto(text, 'Rusak');
      click(el, 'next');
      await until(() => $(el, '[role="alert"]'), 'the length check');
      expect(step(el)).to.equal('text');
      typeInto(text, `${TEXT} ${HOSTILE}`);
      await el.updateComplete;
      expect($(el, '#text-counter')!.textContent).to.contain(`${TEXT.length + 1 + HOSTILE.length} / 4.000`);
      await expect(el).to.be.accessible();
      click(el, 'next');

      // Photo: the camera app's file, compressed on the device, uploaded with a capture token.
      await atStep(el, 'photo');
      expect(focused(el)?.id).to.equal('step-title');
      const input = $<HTMLInputElement>(el, '#photo-file')!;
      expect(input.accept).to.equal('image/*');
      expect(input.getAttribute('capture')).to.equal('environment');
      click(el, 'next');
      await until(() => $(el, '[role="alert"]'), 'the photo check');
      await choosePhoto(el);
      await until(() => $(el, '[data-photo]'), 'the photo uploaded');
      const photo = el.currentDraft!.photos[0]!;
      expect(photo.id).to.match(/^ph_[\w-]{22}$/);
      expect(photo.blob.type).to.equal('image/jpeg');
      expect(photo.compressedIn, 'Chromium compresses in a worker').to.equal('worker');
      expect(photo.blob.size).to.be.below(400_000);
      const bmp = await createImageBitmap(photo.blob);
      expect([bmp.width, bmp.height], 'longest side 1600 px').to.deep.equal([1600, 1067]);
      expect($<HTMLImageElement>(el, '.photos img')!.alt).to.equal('Foto aduan 1');
      await expect(el).to.be.accessible();
      click(el, 'next');

      // Location: the phone's, with its accuracy.
      await atStep(el, 'location');
      click(el, 'next');
      await until(() => $(el, '[role="alert"]'), 'the location check');
      click(el, 'locate');
      await until(() => $(el, '#located'), 'the location');
      expect($(el, '#located')!.textContent).to.contain('± 12 m');
      await expect(el).to.be.accessible();
      click(el, 'next');

      // Contact: a wrong e-mail is refused before sending.
      await atStep(el, 'contact');
      typeInto($<HTMLInputElement>(el, '#email-input')!, 'bukan-email');
      click(el, 'next');
      await until(() => $(el, '[role="alert"]'), 'the e-mail check');
      expect($<HTMLInputElement>(el, '#email-input')!.getAttribute('aria-invalid')).to.equal('true');
      const mail = email();
      typeInto($<HTMLInputElement>(el, '#email-input')!, mail);
      typeInto($<HTMLInputElement>(el, '#name-input')!, 'Siti Aminah');
      await expect(el).to.be.accessible();
      click(el, 'next');

      // Privacy, explained.
      await atStep(el, 'privacy');
      expect($(el, 'form[part="step"]')!.textContent).to.contain('hanya petugas dan pemegang kode aduan');
      $<HTMLInputElement>(el, '#privacy-rahasia')!.click();
      await expect(el).to.be.accessible();
      click(el, 'next');

      // Review, hostile text inert, then send.
      await atStep(el, 'review');
      expect($(el, '[data-field="text"]')!.textContent).to.contain('<script>');
      expect(el.shadowRoot!.querySelectorAll('script, img:not(.photos img)')).to.have.length(0);
      await expect(el).to.be.accessible();
      const submitted = oneEvent(el, 'si-badra-report-submitted');
      click(el, 'submit');
      const ev = (await submitted) as SiBadraReportSubmittedEvent;
      expect(Object.keys(ev.detail).sort()).to.deep.equal(['categoryId', 'trackingCode']);
      expect(ev.detail.categoryId).to.equal('jalan-rusak');
      await until(() => $(el, '[part="code"]'), 'the tracking code');
      expect($(el, '[part="code"]')!.textContent).to.equal(ev.detail.trackingCode);
      expect(focused(el)?.id).to.equal('step-title');

      const view = await complaints.track(ev.detail.trackingCode);
      expect(view.category.id).to.equal('jalan-rusak');
      expect(view.privacy).to.equal('rahasia');
      expect(view.photos).to.have.length(1);
      expect(view.location).to.deep.include({ lat: -6.595, lng: 106.8, accuracy: 12 });
      expect(view.text).to.contain(TEXT);

      // The contact code: a wrong one is refused clearly; a new one can be asked.
      await expect(el).to.be.accessible();
      typeInto($<HTMLInputElement>(el, '#otp-input')!, '12');
      click(el, 'verify');
      await until(() => $(el, '#otp-input-error'), 'the code format check');
      typeInto($<HTMLInputElement>(el, '#otp-input')!, '000000');
      click(el, 'verify');
      // A six-digit code guessed right is a one-in-a-million chance: the answer is "wrong".
      await until(() => $(el, '#otp-input-error')?.textContent?.includes('Kode konfirmasi salah'), 'the wrong-code answer');
      expect($<HTMLInputElement>(el, '#otp-input')!.getAttribute('aria-invalid')).to.equal('true');
      click(el, 'resend');
      await until(() => $(el, '#otp-note'), 'the new code note');
      expect($(el, '#otp-note')!.textContent).to.match(/Kode baru sudah dikirim ke .+@example\.id/);
      // The second code, read from the mail the real SMTP server received, confirms the contact.
      typeInto($<HTMLInputElement>(el, '#otp-input')!, await codeFromMail(mail, 2));
      click(el, 'verify');
      await until(() => $(el, '#verified'), 'the contact confirmed');
      expect((await complaints.track(ev.detail.trackingCode)).contactVerified).to.equal(true);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(el.scrollWidth).to.be.at.most(320);
      expect(errors).to.include.members(['category_missing', 'text_too_short', 'photo_missing', 'location_missing', 'email_invalid']);
    } finally {
      restore();
    }
  });

  it('keeps the draft through a server error and a reload (IndexedDB), then files it once with the same Idempotency-Key', async function () {
    this.timeout(60_000);
    let el = await mount('t-draft', PROXY_API, 'preselect');
    expect($<HTMLInputElement>(el, '#category-jalan-rusak')!.checked, 'category preselected').to.equal(true);
    const mail = email();
    await fillToReview(el, mail);
    const key = el.currentDraft!.idempotencyKey;

    await setProxy('down');
    try {
      click(el, 'submit');
      await until(() => $(el, '[role="alert"]'), 'the network error');
      expect(step(el), 'still on the review').to.equal('review');
      expect($(el, '[data-field="text"]')!.textContent).to.contain(TEXT);
      await until(() => $(el, '#queued'), 'the queued note');
      expect(el.currentDraft!.queued).to.equal(true);
      await expect(el).to.be.accessible();

      // A reload while still offline: a new element with the same key finds the draft where it was.
      el.remove();
      el = await mount('t-draft', PROXY_API);
      expect(step(el)).to.equal('review');
      const d = el.currentDraft!;
      expect([d.text, d.email, d.photos.length, d.idempotencyKey, d.queued]).to.deep.equal([TEXT, mail, 1, key, true]);
      expect($(el, '[data-field="place"]')!.textContent).to.contain('Jl. Pajajaran 10');
      // The categories come from the device (the server is unreachable), so the draft reads as before.
      expect($(el, '[data-field="category"]')!.textContent).to.contain('Jalan rusak');
      expect(el.currentDraft!.receipt).to.equal(null);
    } finally {
      await setProxy('up');
    }

    // The connection returns: the report goes by itself.
    const submitted = oneEvent(el, 'si-badra-report-submitted');
    window.dispatchEvent(new Event('online'));
    const { trackingCode } = ((await submitted) as SiBadraReportSubmittedEvent).detail;
    await until(() => $(el, '[part="code"]'), 'the receipt');
    expect(el.currentDraft!.queued).to.equal(false);
    const d = el.currentDraft!;
    // The same key again (a retry whose first answer was lost) gets the same complaint, not a second one.
    const again = await complaints.create(
      {
        categoryId: 'jalan-rusak',
        text: TEXT,
        location: null,
        address: 'Jl. Pajajaran 10, depan SDN Polisi 1',
        photoIds: d.photos.map((p) => p.id!),
        privacy: 'anonim',
        name: null,
        email: mail,
        phone: null,
      },
      { idempotencyKey: key },
    );
    expect(again.trackingCode).to.equal(trackingCode);
    expect((await complaints.track(trackingCode)).status).to.equal('received');

    // After the receipt, a reload still shows the code; a new report starts empty.
    el.remove();
    el = await mount('t-draft', PROXY_API);
    await until(() => $(el, '[part="code"]'), 'the receipt restored');
    expect($(el, '[part="code"]')!.textContent).to.equal(trackingCode);
    click(el, 'new-report');
    await atStep(el, 'category');
    expect(el.currentDraft!.text).to.equal('');
    expect(el.currentDraft!.idempotencyKey).not.to.equal(key);
  });

  it('keeps a photo taken without a connection (with its capture token) and sends it, then the report, once, when the connection returns', async function () {
    this.timeout(60_000);
    let el = await mount('t-offline-photo', PROXY_API, 'preselect');
    click(el, 'next');
    await atStep(el, 'text');
    typeInto($<HTMLInputElement>(el, '#text-input')!, TEXT);
    click(el, 'next');
    await atStep(el, 'photo');
    // The camera app opens (the token is asked now, online), then the connection drops.
    $<HTMLInputElement>(el, '#photo-file')!.dispatchEvent(new MouseEvent('click'));
    await new Promise((r) => setTimeout(r, 500));
    await setProxy('down');
    const mail = email();
    try {
      await choosePhoto(el);
      await until(() => $(el, '[data-photo="pending"]'), 'the photo kept on the device');
      expect($(el, '[data-field="photo-pending"]')!.textContent).to.contain('saat koneksi kembali');
      expect(el.currentDraft!.photos[0]!.token, 'kept with its token').to.be.a('string');
      await expect(el).to.be.accessible();
      click(el, 'next');
      await atStep(el, 'location');
      $<HTMLInputElement>(el, '#where-address')!.click();
      await until(() => $(el, '#address-input'), 'the address field');
      typeInto($<HTMLInputElement>(el, '#address-input')!, 'Jl. Pajajaran 10, depan SDN Polisi 1');
      click(el, 'next');
      await atStep(el, 'contact');
      typeInto($<HTMLInputElement>(el, '#email-input')!, mail);
      click(el, 'next');
      await atStep(el, 'privacy');
      click(el, 'next');
      await atStep(el, 'review');
      click(el, 'submit');
      await until(() => $(el, '#queued'), 'the queued note');
      // A reload while offline: the kept photo's bytes and token come back from IndexedDB.
      el.remove();
      el = await mount('t-offline-photo', PROXY_API);
      expect(step(el)).to.equal('review');
      expect([el.currentDraft!.photos.length, el.currentDraft!.photos[0]!.id]).to.deep.equal([1, null]);
    } finally {
      await setProxy('up');
    }
    const submitted = oneEvent(el, 'si-badra-report-submitted');
    window.dispatchEvent(new Event('online'));
    const { trackingCode } = ((await submitted) as SiBadraReportSubmittedEvent).detail;
    const view = await complaints.track(trackingCode);
    expect(view.photos.length, 'the photo arrived with the report').to.equal(1);
    expect(el.currentDraft!.photos[0]!.id).to.be.a('string');
  });

  it('keeps what was typed when the server refuses a photo, and speaks English', async function () {
    this.timeout(30_000);
    const el = await fixture<SiBadraReport>(html`<si-badra-report api=${API} draft-key="t-en" lang="en"></si-badra-report>`);
    await until(() => step(el), 'the form');
    await until(() => $(el, '#step-of')?.textContent?.includes('Step 1 of 7'), 'English');
    $<HTMLInputElement>(el, '#category-jalan-rusak')!.click();
    click(el, 'next');
    await atStep(el, 'text');
    typeInto($<HTMLInputElement>(el, '#text-input')!, TEXT);
    click(el, 'next');
    await atStep(el, 'photo');
    // Not an image: the device cannot decode it, the form says so and keeps the rest.
    const input = $<HTMLInputElement>(el, '#photo-file')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['not a photo'], 'x.jpg', { type: 'image/jpeg' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => $(el, '[role="alert"]'), 'the photo error');
    expect($(el, '[role="alert"]')!.textContent).to.contain('could not be read');
    expect(el.currentDraft!.text).to.equal(TEXT);
    await expect(el).to.be.accessible();
  });
  it('is usable with the keyboard alone: arrows choose, Enter goes on, Tab reaches the back button', async function () {
    this.timeout(30_000);
    const el = await mount('t-keys');
    $<HTMLElement>(el, '#step-title')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('name'), 'Tab reaches the first category').to.equal('category');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    const chosen = $$<HTMLInputElement>(el, 'input[name="category"]').find((r) => r.checked)!;
    expect(chosen.id).to.equal($$<HTMLInputElement>(el, 'input[name="category"]')[1]!.id);
    expect(el.currentDraft!.categoryId).to.equal(chosen.value);
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'text');
    expect(focused(el)?.id).to.equal('step-title');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('text-input');
    await sendKeys({ type: 'Lampu jalan mati sejak seminggu.' });
    expect(el.currentDraft!.text).to.equal('Lampu jalan mati sejak seminggu.');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.dataset.action).to.equal('back');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.dataset.action).to.equal('next');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'photo');
    expect(focused(el)?.id).to.equal('step-title');
  });

  it('a location outside the city is refused by the server: back on the location step with a clear message, the draft kept', async function () {
    this.timeout(60_000);
    const el = await mount('t-outside');
    const mail = email();
    await fillToReview(el, mail);
    const restore = fakeGeolocation(-6.2, 106.82); // Jakarta
    try {
      click(el, 'edit-location');
      await atStep(el, 'location');
      $<HTMLInputElement>(el, '#where-gps')!.click();
      await until(() => $(el, '[data-action="locate"]'), 'the locate button');
      click(el, 'locate');
      await until(() => $(el, '#located'), 'the location');
      click(el, 'next');
      for (const s of ['contact', 'privacy', 'review']) {
        await atStep(el, s);
        if (s !== 'review') click(el, 'next');
      }
      const errors: string[] = [];
      el.addEventListener('si-badra-error', (e: SiBadraErrorEvent) => errors.push(e.detail.code));
      click(el, 'submit');
      await atStep(el, 'location');
      await until(() => $(el, '[role="alert"]'), 'the refusal');
      expect($(el, '[role="alert"]')!.textContent).to.contain('di luar wilayah kota');
      expect(errors).to.deep.equal(['location_outside_area']);
      const d = el.currentDraft!;
      expect([d.text, d.email, d.photos.length, d.receipt]).to.deep.equal([TEXT, mail, 1, null]);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });
  it('takes the photo with the camera (rear camera asked; a canvas stream stands in, the runner has none) and accepts a mobile number', async function () {
    this.timeout(60_000);
    const canvas = document.createElement('canvas');
    canvas.width = 1920;
    canvas.height = 1080;
    const ctx = canvas.getContext('2d')!;
    const paint = setInterval(() => {
      ctx.fillStyle = `hsl(${Date.now() % 360} 60% 40%)`;
      ctx.fillRect(0, 0, 1920, 1080);
    }, 30);
    const asked: MediaStreamConstraints[] = [];
    const media = navigator.mediaDevices;
    const original = media.getUserMedia;
    media.getUserMedia = async (c?: MediaStreamConstraints) => (asked.push(c ?? {}), canvas.captureStream(30));
    try {
      const el = await mount('t-camera', API, 'preselect');
      click(el, 'next');
      await atStep(el, 'text');
      typeInto($<HTMLInputElement>(el, '#text-input')!, TEXT);
      click(el, 'next');
      await atStep(el, 'photo');
      click(el, 'open-camera');
      await until(() => $<HTMLVideoElement>(el, 'video')?.videoWidth, 'the camera view');
      expect(asked[0]!.video).to.deep.equal({ facingMode: { ideal: 'environment' } });
      // The focus moves once the camera view plays (which may come a moment after its first frame).
      await until(() => focused(el)?.dataset.action === 'capture', 'focus on the capture button');
      await expect(el).to.be.accessible();
      click(el, 'capture');
      await until(() => $(el, '[data-photo]'), 'the photo uploaded');
      expect($(el, 'video'), 'the camera is closed after the shot').to.equal(null);
      const photo = el.currentDraft!.photos[0]!;
      expect(photo.compressedIn).to.equal('main');
      const bmp = await createImageBitmap(photo.blob);
      expect([bmp.width, bmp.height]).to.deep.equal([1600, 900]);
      click(el, 'next');
      await atStep(el, 'location');
      $<HTMLInputElement>(el, '#where-address')!.click();
      await until(() => $(el, '#address-input'), 'the address field');
      typeInto($<HTMLInputElement>(el, '#address-input')!, 'Depan Balai Kota Bogor');
      click(el, 'next');
      await atStep(el, 'contact');
      $<HTMLInputElement>(el, '#contact-kind-phone')!.click();
      await until(() => $(el, '#phone-input'), 'the phone field');
      typeInto($<HTMLInputElement>(el, '#phone-input')!, '0812 34');
      click(el, 'next');
      await until(() => $(el, '[role="alert"]'), 'the phone check');
      expect($(el, '[role="alert"]')!.textContent).to.contain('Nomor ponsel belum benar');
      typeInto($<HTMLInputElement>(el, '#phone-input')!, `0812 ${String(Math.random()).slice(2, 6)} ${String(Math.random()).slice(2, 6)}`);
      click(el, 'next');
      await atStep(el, 'privacy');
      click(el, 'next');
      await atStep(el, 'review');
      const submitted = oneEvent(el, 'si-badra-report-submitted');
      click(el, 'submit');
      const { trackingCode } = ((await submitted) as SiBadraReportSubmittedEvent).detail;
      await until(() => $(el, '[part="code"]'), 'the receipt');
      expect(el.shadowRoot!.textContent).to.match(/dikirim ke 0812-\*{4}-\d{4}/);
      expect((await complaints.track(trackingCode)).photos).to.have.length(1);
    } finally {
      clearInterval(paint);
      media.getUserMedia = original;
    }
  });
  it('shows the open complaints of the category nearby; "saya juga" with the e-mail code counts once, a second time not; filing after it is verified at once', async function () {
    this.timeout(120_000);
    // Another citizen's complaint at this spot (away from the other tests' location), verified by the desk.
    const [lat, lng] = [-6.58, 106.81];
    const { token } = await complaints.captureToken();
    const photo = await complaints.uploadPhoto(token, await cameraFile());
    const near = await complaints.create({
      categoryId: 'jalan-rusak',
      text: `Lubang besar di tengah jalan. ${HOSTILE}`,
      location: { lat: lat + 0.0005, lng, accuracy: 10 },
      photoIds: [photo.id],
      privacy: 'anonim',
      name: 'Budi',
      email: email(),
    });
    const session = new StaffSession({ baseUrl: API, timeout: 15_000 });
    await session.signIn('verifikator@demo.mpp-kit.id', 'demo-verifikator-bogor');
    await createStaffComplaintsApi(session).verify(near.trackingCode);
    const before = (await complaints.track(near.trackingCode)).supporters;

    const restore = fakeGeolocation(lat, lng);
    const mail = email();
    const details: unknown[] = [];
    try {
      const el = await fixture<SiBadraReport>(
        html`<si-badra-report api=${API} draft-key="t-metoo" category="jalan-rusak" track-url="/lacak.html"></si-badra-report>`,
      );
      await ready(el);
      for (const type of ['si-badra-error', 'si-badra-report-supported', 'si-badra-report-submitted'])
        el.addEventListener(type, (e) => details.push((e as CustomEvent).detail));
      click(el, 'next');
      await atStep(el, 'text');
      typeInto($<HTMLInputElement>(el, '#text-input')!, TEXT);
      click(el, 'next');
      await atStep(el, 'photo');
      await choosePhoto(el);
      await until(() => $(el, '[data-photo]'), 'the photo uploaded');
      click(el, 'next');
      await atStep(el, 'location');
      click(el, 'locate');
      await until(() => $(el, '#located'), 'the location');
      click(el, 'next');

      // The similar complaint nearby: its text inert, a link to the tracker, its supporters.
      await atStep(el, 'similar');
      expect(focused(el)?.id).to.equal('step-title');
      expect($(el, '#step-of')!.textContent).to.contain('Langkah 4 dari 7');
      const card = await until(() => $(el, `[part="nearby"] li[data-code="${near.trackingCode}"]`), 'the nearby complaint');
      expect(card.textContent).to.contain('Lubang besar di tengah jalan');
      expect(card.querySelector('script, img:not(.card-photo)')).to.equal(null);
      expect(card.querySelector<HTMLAnchorElement>('a[data-action="open-nearby"]')!.href).to.match(
        new RegExp(`/lacak\\.html\\?kode=${near.trackingCode}$`),
      );
      await expect(el).to.be.accessible();
      expect(el.scrollWidth).to.be.at.most(320);

      // "Saya juga": the contact, a wrong code, then the code from the real mail.
      // With the keyboard: Enter on "Saya juga mengalami ini", the address typed, Enter sends the code.
      card.querySelector<HTMLButtonElement>('[data-action="support"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '#support-email'), 'the contact field');
      expect(focused(el)?.id).to.equal('support-title');
      typeInto($<HTMLInputElement>(el, '#support-email')!, 'bukan-email');
      click(el, 'support-send');
      await until(() => $(el, '#support-email-error'), 'the e-mail check');
      $<HTMLInputElement>(el, '#support-email')!.select();
      await sendKeys({ type: mail });
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '#support-otp'), 'the code field');
      expect(focused(el)?.id).to.equal('support-otp');
      expect($(el, '#support-sent')!.textContent).not.to.contain(mail);
      await expect(el).to.be.accessible();
      typeInto($<HTMLInputElement>(el, '#support-otp')!, '000000');
      click(el, 'support-confirm');
      await until(() => $(el, '#support-otp-error')?.textContent?.includes('Kode konfirmasi salah'), 'the wrong-code answer');
      const supported = oneEvent(el, 'si-badra-report-supported');
      typeInto($<HTMLInputElement>(el, '#support-otp')!, await codeFromMail(mail));
      click(el, 'support-confirm');
      await until(() => $(el, '#supported'), 'the support counted');
      const ev = (await supported) as SiBadraReportSupportedEvent;
      expect(ev.detail).to.deep.equal({ trackingCode: near.trackingCode, categoryId: 'jalan-rusak', counted: true });
      expect($(el, '#supported')!.textContent).to.contain(`Kini ${before + 1} warga mendukung`);
      expect((await complaints.track(near.trackingCode)).supporters).to.equal(before + 1);
      await expect(el).to.be.accessible();

      // The same contact again (the proof is held): not counted twice.
      const again = oneEvent(el, 'si-badra-report-supported');
      card.querySelector<HTMLButtonElement>('[data-action="support"]')!.click();
      await until(() => $(el, '#supported')?.textContent?.includes('Anda sudah mendukung aduan ini'), 'already supported');
      expect(((await again) as SiBadraReportSupportedEvent).detail.counted).to.equal(false);
      expect((await complaints.track(near.trackingCode)).supporters).to.equal(before + 1);

      // Filing anyway: the contact is filled in, and the complaint is verified at once (the proof).
      click(el, 'file-anyway');
      await atStep(el, 'contact');
      expect($<HTMLInputElement>(el, '#email-input')!.value).to.equal(mail);
      click(el, 'back');
      await atStep(el, 'similar');
      click(el, 'next');
      await atStep(el, 'contact');
      click(el, 'next');
      await atStep(el, 'privacy');
      click(el, 'next');
      await atStep(el, 'review');
      const submitted = oneEvent(el, 'si-badra-report-submitted');
      click(el, 'submit');
      const { trackingCode } = ((await submitted) as SiBadraReportSubmittedEvent).detail;
      await until(() => $(el, '#verified'), 'verified at once');
      expect($(el, '#otp-input')).to.equal(null);
      expect((await complaints.track(trackingCode)).contactVerified).to.equal(true);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      // The page never learns the contact or the place; the proof is never in the URL.
      const told = JSON.stringify(details);
      expect(told).not.to.contain(mail);
      expect(told).not.to.contain(String(lat));
      expect(location.href).not.to.contain('proof');
    } finally {
      restore();
    }
  });

  it('goes straight on to the contact when nothing similar is near, and when the location was typed', async function () {
    this.timeout(60_000);
    const restore = fakeGeolocation(-6.64, 106.76);
    try {
      const el = await mount('t-nothing-near', API, 'preselect');
      click(el, 'next');
      await atStep(el, 'text');
      typeInto($<HTMLInputElement>(el, '#text-input')!, TEXT);
      click(el, 'next');
      await atStep(el, 'photo');
      await choosePhoto(el);
      await until(() => $(el, '[data-photo]'), 'the photo uploaded');
      click(el, 'next');
      await atStep(el, 'location');
      click(el, 'locate');
      await until(() => $(el, '#located'), 'the location');
      click(el, 'next');
      await atStep(el, 'contact');
      expect($(el, '#step-of')!.textContent).to.contain('Langkah 5 dari 7');
      click(el, 'back');
      await atStep(el, 'location');
    } finally {
      restore();
    }
  });
});
