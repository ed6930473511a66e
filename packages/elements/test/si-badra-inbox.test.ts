import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createComplaintsApi, createHttp, type GeoPoint } from '@mpp-kit/core';
// @ts-expect-error virtual module served by the test server plugin
import * as env from '/__mpp-test-env.js';
import '../src/si-badra-inbox/define.js';
import type { SiBadraInbox } from '../src/si-badra-inbox/si-badra-inbox.js';
import type { SiBadraInboxActionEvent } from '../src/si-badra-inbox/events.js';
import { $, $$, codeFromMail, typeInto, until } from './helpers.js';
import { API } from './queue-helpers.js';

const HOSTILE =
  '<img src=x onerror="window.__pwned=1"> "><script>window.__pwned=2</script> <svg/onload=window.__pwned=3> {{constructor.constructor("window.__pwned=4")()}}';
const VERIFIER = ['verifikator@demo.mpp-kit.id', 'demo-verifikator-bogor'] as const;
const PDAM_OFFICER = ['pengaduan.pdam@demo.mpp-kit.id', 'demo-petugas-pdam'] as const;
const MAYOR_OFFICE = ['walikota@demo.mpp-kit.id', 'demo-walikota-bogor'] as const;
/**
 * The test server's clock (it started at SERVER_NOW and runs on): set again from each capture
 * token's `issuedAt`, so the inbox's answer clock reads the server's hours.
 */
let skew = Date.parse((env as { SERVER_NOW: string }).SERVER_NOW) - Date.now();
const serverNow = () => Date.now() + skew;
const HOUR = 3_600_000;

const complaints = createComplaintsApi(createHttp({ baseUrl: API, timeout: 15_000 }));
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const pwned = () => (window as { __pwned?: number }).__pwned;

/** A real JPEG from a canvas (the browser decodes it for the redaction): a checkerboard of 4-pixel cells. */
function photo(w = 320, h = 240): Promise<Blob> {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#000';
  for (let y = 0; y < h; y += 4) for (let x = (y / 4) % 2 ? 4 : 0; x < w; x += 8) ctx.fillRect(x, y, 4, 4);
  return new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.95));
}

/** The standard deviation of the grey levels of a region (fractions of the image) of a photo. */
async function spread(blob: Blob, x: number, y: number, w: number, h: number): Promise<number> {
  const bitmap = await createImageBitmap(blob);
  const c = document.createElement('canvas');
  c.width = bitmap.width;
  c.height = bitmap.height;
  const ctx = c.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const px = ctx.getImageData(Math.round(x * c.width), Math.round(y * c.height), Math.round(w * c.width), Math.round(h * c.height)).data;
  const grey: number[] = [];
  for (let i = 0; i < px.length; i += 4) grey.push((px[i]! + px[i + 1]! + px[i + 2]!) / 3);
  const mean = grey.reduce((a, b) => a + b, 0) / grey.length;
  return Math.sqrt(grey.reduce((a, b) => a + (b - mean) ** 2, 0) / grey.length);
}

const email = () => `warga.${Math.random().toString(36).slice(2, 10)}@example.id`;
/** Places inside Kota Bogor's boundary, a few hundred metres apart (each test its own, so nearby lists do not mix). */
const place = (n: number): GeoPoint => ({ lat: -6.595 - n * 0.01, lng: 106.797, accuracy: 10 });

/** Files a real complaint through the SDK (capture token, a photo, the complaint); `verified` confirms the e-mail with the code from the mail. */
async function file(o: { categoryId: string; text: string; location?: GeoPoint; verified?: boolean }) {
  const { token, issuedAt } = await complaints.captureToken();
  skew = Date.parse(issuedAt) - Date.now();
  const ph = await complaints.uploadPhoto(token, await photo());
  const to = email();
  const receipt = await complaints.create({
    categoryId: o.categoryId,
    text: o.text,
    location: o.location ?? null,
    address: 'Jl. Pajajaran 10, depan SDN Polisi 1',
    photoIds: [ph.id],
    privacy: 'anonim',
    name: 'Siti Aminah',
    email: to,
  });
  if (o.verified) await complaints.verifyContact(receipt.trackingCode, await codeFromMail(to));
  return { code: receipt.trackingCode, email: to, photoId: ph.id };
}

const inbox = (lang = 'id') => fixture<SiBadraInbox>(html`<si-badra-inbox api=${API} lang=${lang} .now=${serverNow}></si-badra-inbox>`);

async function signIn(el: SiBadraInbox, [mail, password]: readonly [string, string]): Promise<void> {
  await until(() => $(el, '#email'), 'the sign-in form');
  typeInto($<HTMLInputElement>(el, '#email')!, mail);
  typeInto($<HTMLInputElement>(el, '#password')!, password);
  $<HTMLButtonElement>(el, '[data-action="sign-in"]')!.click();
  await until(() => $(el, '[data-field="account"]'), 'the signed-in account');
  await listed(el);
}

/** Waits until the list has loaded (its count line no longer says "loading"). */
/** Waits for the list to load: after the update that starts the load (a filter's change marks it busy), until it is not busy. */
const listed = async (el: SiBadraInbox) => {
  await el.updateComplete;
  await until(() => $(el, '.results')?.getAttribute('aria-busy') === 'false', 'the list');
};

/** Searches the list for one tracking code and waits for the answer (the results stop being busy). */
async function search(el: SiBadraInbox, q: string): Promise<void> {
  typeInto($<HTMLInputElement>(el, '#q')!, q);
  $<HTMLButtonElement>(el, '[data-action="apply"]')!.click();
  await el.updateComplete;
  expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('true');
  await until(() => $(el, '.results')!.getAttribute('aria-busy') === 'false', `the search for ${q}`);
}

/** Opens the complaint `code` from the list and waits for its detail and photos. */
async function open(el: SiBadraInbox, code: string): Promise<void> {
  await search(el, code);
  $<HTMLButtonElement>(el, `.row[data-code="${code}"]`)!.click();
  await until(() => $(el, '.complaint-status'), 'the detail');
  await until(() => $(el, '.staff-photos img'), 'the original photo');
}

const status = (el: SiBadraInbox) => $(el, '.complaint-status')?.dataset.status;
const act = async (el: SiBadraInbox, action: string) => {
  const b = await until(() => $<HTMLButtonElement>(el, `[data-action="${action}"]`), `the ${action} button`);
  b.click();
};
const actionEvent = (el: SiBadraInbox) => oneEvent(el, 'si-badra-inbox-action') as Promise<SiBadraInboxActionEvent>;
const fits320 = (el: SiBadraInbox) => expect(el.scrollWidth, 'no sideways scroll at 320 px').to.be.at.most(320);

describe('<si-badra-inbox>', () => {
  beforeEach(async () => {
    await setViewport({ width: 320, height: 900 });
    delete (window as { __pwned?: number }).__pwned;
  });

  it('signs in (a wrong password said clearly), shows the account, the list and the shortcuts help, signs out — accessible at 320 px', async function () {
    this.timeout(30_000);
    const el = await inbox();
    await until(() => $(el, '#email'), 'the sign-in form');
    expect($(el, 'h2')!.textContent).to.equal('Masuk petugas Si Badra');
    await expect(el).to.be.accessible();
    fits320(el);

    typeInto($<HTMLInputElement>(el, '#email')!, VERIFIER[0]);
    typeInto($<HTMLInputElement>(el, '#password')!, 'not-the-password');
    $<HTMLButtonElement>(el, '[data-action="sign-in"]')!.click();
    await until(() => $(el, '[role="alert"]'), 'the wrong-password message');
    expect($(el, '[role="alert"]')!.textContent).to.contain('E-mail atau kata sandi salah.');
    expect($(el, '#password')!.getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#email')!.value, 'the e-mail stays').to.equal(VERIFIER[0]);
    await expect(el).to.be.accessible();

    typeInto($<HTMLInputElement>(el, '#password')!, VERIFIER[1]);
    $<HTMLButtonElement>(el, '[data-action="sign-in"]')!.click();
    await until(() => $(el, '[data-field="account"]'), 'the account');
    await listed(el);
    expect($(el, '[data-field="account"]')!.textContent).to.contain('Verifikator Si Badra (demo) · Verifikator');
    expect($(el, '#f-agency'), 'a city-wide desk filters by agency').not.to.equal(null);
    expect($(el, '[data-action="briefing"]'), 'no briefing for the desk').to.equal(null);
    expect(text(el)).to.contain('Pintasan keyboard');
    await expect(el).to.be.accessible();
    fits320(el);

    $<HTMLButtonElement>(el, '[data-action="sign-out"]')!.click();
    await until(() => $(el, '#email'), 'the sign-in form again');
    expect($<HTMLInputElement>(el, '#password')!.value).to.equal('');
  });

  it('the desk filters, opens a complaint (original photo, masked contact), verifies and rejects it with a reason; hostile text inert', async function () {
    this.timeout(45_000);
    const c = await file({ categoryId: 'jalan-rusak', text: `Jalan berlubang besar di depan sekolah. ${HOSTILE}` });
    const el = await inbox();
    await signIn(el, VERIFIER);

    // Filters: status and category (each reloads), then the code in the search box.
    const statusSel = $<HTMLSelectElement>(el, '#f-status')!;
    statusSel.value = 'received';
    statusSel.dispatchEvent(new Event('change'));
    await listed(el);
    expect($$(el, '.row').every((r) => r.dataset.status === 'received')).to.equal(true);
    const cat = $<HTMLSelectElement>(el, '#f-category')!;
    await until(() => cat.options.length > 1, 'the categories');
    cat.value = 'jalan-rusak';
    cat.dispatchEvent(new Event('change'));
    await listed(el);
    await search(el, c.code);
    const rows = $$(el, '.row');
    expect(rows).to.have.length(1);
    expect(rows[0]!.textContent).to.contain('Jalan rusak');
    expect(rows[0]!.textContent).to.contain('belum diteruskan');
    expect(rows[0]!.textContent).to.contain('Kontak belum dikonfirmasi');
    expect(rows[0]!.querySelector('.row-text')!.textContent).to.contain('<img src=x onerror=');
    await expect(el).to.be.accessible();
    fits320(el);

    await open(el, c.code);
    expect($(el, 'h2')!.textContent).to.equal(`Aduan ${c.code}`);
    expect($<HTMLImageElement>(el, '.staff-photos img')!.src).to.match(/^blob:/);
    expect($(el, '[data-field="contact"]')!.textContent).to.match(/w\*\*\*@example\.id \(e-mail\)/);
    expect(text(el), 'never the full contact').not.to.contain(c.email);
    expect(text(el), 'the name of an anonim complaint is not shown').not.to.contain('Siti Aminah');
    expect($(el, '.complaint-text')!.textContent).to.contain('<script>window.__pwned=2</script>');
    expect(el.shadowRoot!.querySelectorAll('script, svg, img:not(.staff-photos img)')).to.have.length(0);
    expect($(el, '[data-action="answer"]'), 'the desk does not answer').to.equal(null);
    await expect(el).to.be.accessible();
    fits320(el);

    let ev = actionEvent(el);
    await act(el, 'verify');
    expect((await ev).detail).to.deep.equal({ trackingCode: c.code, action: 'verify' });
    await until(() => status(el) === 'verified', 'verified');
    expect($(el, '#done')!.textContent).to.contain('Aduan diverifikasi.');
    expect($(el, '[data-action="verify"]'), 'verify is gone once verified').to.equal(null);

    await act(el, 'reject');
    await until(() => $(el, '#panel'), 'the reject form');
    $<HTMLInputElement>(el, 'input[name="reason"][value="duplicate"]')!.click();
    const note = $<HTMLTextAreaElement>(el, '#note')!;
    note.value = `Sudah dilaporkan. ${HOSTILE}`;
    note.dispatchEvent(new Event('input'));
    await expect(el).to.be.accessible();
    ev = actionEvent(el);
    await act(el, 'reject-submit');
    expect((await ev).detail).to.deep.equal({ trackingCode: c.code, action: 'reject' });
    await until(() => status(el) === 'rejected', 'rejected');
    expect(text(el)).to.contain('Ditolak: duplikat');
    expect($$(el, '.note').some((n) => n.textContent!.includes('<script>'))).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('script, svg')).to.have.length(0);
    expect(pwned()).to.equal(undefined);
    expect((await complaints.track(c.code)).rejectReason).to.equal('duplicate');
    await expect(el).to.be.accessible();
    fits320(el);

    // The page switches to English and to the dark scheme: the same complaint, still accessible.
    el.setAttribute('lang', 'en');
    await until(() => text(el).includes('Rejected: duplicate'), 'the English texts');
    expect($(el, 'h2')!.textContent).to.equal(`Complaint ${c.code}`);
    expect($(el, '[data-field="contact"]')!.textContent).to.contain('Contact not confirmed');
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(el.dataset.scheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('dispatches once the contact is verified; the PDAM officer sees only PDAM, answers with an "after" photo', async function () {
    this.timeout(60_000);
    const water = await file({
      categoryId: 'air-pdam',
      text: 'Air PDAM mati sejak pagi di seluruh RT 03.',
      location: place(1),
      verified: true,
    });
    const road = await file({ categoryId: 'jalan-rusak', text: 'Jalan amblas di dekat pasar, mohon segera.' });
    const el = await inbox();
    await signIn(el, VERIFIER);
    await open(el, road.code);
    await act(el, 'dispatch');
    expect($(el, '[data-field="needs-contact"]'), 'an unverified contact cannot be dispatched').not.to.equal(null);
    expect($(el, '[data-action="dispatch-submit"]')).to.equal(null);
    await act(el, 'back');
    await until(() => $(el, '#q'), 'the list');

    await open(el, water.code);
    expect($(el, '[data-field="contact"]')!.textContent).to.contain('Kontak terverifikasi');
    await act(el, 'dispatch');
    await until(() => $(el, '#dispatch-agency'), 'the dispatch form');
    expect($<HTMLSelectElement>(el, '#dispatch-agency')!.value).to.equal('pdam');
    await expect(el).to.be.accessible();
    const ev = actionEvent(el);
    await act(el, 'dispatch-submit');
    expect((await ev).detail).to.deep.equal({ trackingCode: water.code, action: 'dispatch' });
    await until(() => status(el) === 'dispatched', 'dispatched');
    expect($(el, '.complaint-status [part="clock"]')!.textContent).to.equal('sisa 24 jam');
    // 30 hours later by the inbox's clock: past the first deadline by 6 hours.
    el.now = () => serverNow() + 30 * HOUR;
    await until(() => $(el, '.complaint-status [part="clock"]')!.textContent === 'lewat 6 jam — ke Kepala OPD', 'the late clock');
    el.now = serverNow;
    $<HTMLButtonElement>(el, '[data-action="sign-out"]')!.click();
    await until(() => $(el, '#email'), 'signed out');

    await signIn(el, PDAM_OFFICER);
    await until(() => $(el, '[data-field="account"]')!.textContent!.includes('Petugas instansi · PDAM'), 'the account with its agency');
    expect($(el, '#f-agency'), 'no agency filter for an agency account').to.equal(null);
    expect($$(el, '.row').length).to.be.greaterThan(0);
    expect(
      $$(el, '.row').every((r) => r.textContent!.includes('PDAM')),
      'PDAM complaints only',
    ).to.equal(true);
    await search(el, road.code);
    expect($$(el, '.row'), "another agency's complaint is never listed").to.have.length(0);
    expect($(el, '#count')!.textContent).to.contain('Tidak ada aduan yang cocok.');
    await expect(el).to.be.accessible();

    await open(el, water.code);
    expect($(el, '[data-action="verify"]')).to.equal(null);
    expect($(el, '[data-action="reject"]')).to.equal(null);
    await act(el, 'answer');
    await until(() => $(el, '#answer-text'), 'the answer form');
    // Too short: said at once, nothing sent.
    typeInto($<HTMLInputElement>(el, '#answer-text')!, 'x');
    await act(el, 'answer-submit');
    await until(() => $(el, '[role="alert"]')?.textContent?.includes('minimal 2 karakter'), 'the too-short message');
    const answer = `Petugas sudah memperbaiki pipa yang bocor. ${HOSTILE}`;
    typeInto($<HTMLInputElement>(el, '#answer-text')!, answer);
    const input = $<HTMLInputElement>(el, '#answer-photo')!;
    const dt = new DataTransfer();
    dt.items.add(new File([await photo(800, 600)], 'sesudah.jpg', { type: 'image/jpeg' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await expect(el).to.be.accessible();
    const answered = actionEvent(el);
    await act(el, 'answer-submit');
    expect((await answered).detail).to.deep.equal({ trackingCode: water.code, action: 'answer' });
    await until(() => status(el) === 'answered', 'answered');
    await until(() => $$(el, '.staff-photos .photo-meta').some((m) => m.textContent!.includes('dari instansi')), 'the after photo');
    expect(pwned()).to.equal(undefined);
    const pub = await complaints.track(water.code);
    const entry = pub.timeline.find((e) => e.status === 'answered')!;
    expect(entry.note).to.equal(answer);
    expect(entry.photos, 'the after photo is public with the answer').to.have.length(1);
    expect($(el, '[data-action="answer"]'), 'answer again or resolve').not.to.equal(null);
    await expect(el).to.be.accessible();
    fits320(el);
  });

  it('merges a duplicate into a nearby complaint, then redacts a region of a photo with the keyboard and the pointer', async function () {
    this.timeout(60_000);
    const first = await file({ categoryId: 'air-pdam', text: 'Air PDAM keruh dan berbau di Jl. Merdeka.', location: place(2) });
    const again = await file({ categoryId: 'air-pdam', text: 'Air keruh berbau di Jl. Merdeka sejak kemarin.', location: place(2) });
    const el = await inbox();
    await signIn(el, VERIFIER);
    await open(el, again.code);
    await act(el, 'merge');
    await until(() => $(el, 'input[name="into"]'), 'the merge candidates');
    const candidate = $<HTMLInputElement>(el, `input[name="into"][value="${first.code}"]`)!;
    expect(candidate.checked, 'the nearby complaint is offered first').to.equal(true);
    await expect(el).to.be.accessible();
    // A typed code wins over the choice: one that cannot be a code is said at once, one nobody filed by the server.
    typeInto($<HTMLInputElement>(el, '#merge-code')!, 'abc');
    await act(el, 'merge-submit');
    await until(() => $(el, '#panel [role="alert"]')?.textContent?.includes('SB-XXXXX-XXXXX'), 'the code format message');
    expect($(el, '#merge-code')!.getAttribute('aria-invalid')).to.equal('true');
    typeInto($<HTMLInputElement>(el, '#merge-code')!, 'sb 00000 00000');
    await act(el, 'merge-submit');
    await until(
      () => $(el, '#panel [role="alert"]') && !$(el, '#panel [role="alert"]')!.textContent!.includes('SB-XXXXX'),
      'the server refusal',
    );
    expect(status(el), 'nothing changed').to.equal('received');
    expect($<HTMLInputElement>(el, '#merge-code')!.value, 'the typed code is kept').to.equal('sb 00000 00000');
    await expect(el).to.be.accessible();
    typeInto($<HTMLInputElement>(el, '#merge-code')!, '');
    const merged = actionEvent(el);
    await act(el, 'merge-submit');
    expect((await merged).detail).to.deep.equal({ trackingCode: again.code, action: 'merge' });
    await until(() => status(el) === 'rejected', 'merged');
    expect(text(el)).to.contain(`Digabung ke aduan ${first.code}`);
    expect((await complaints.track(again.code)).mergedInto).to.equal(first.code);

    await act(el, 'back');
    await until(() => $(el, '#q'), 'the list');
    await open(el, first.code);
    await act(el, 'redact');
    const stage = await until(() => $(el, '.stage img') as HTMLImageElement | null, 'the photo to redact');
    await until(() => stage.complete && stage.naturalWidth > 0, 'the photo decoded');
    expect($<HTMLButtonElement>(el, '[data-action="redact-submit"]')!.disabled).to.equal(true);

    // Keyboard: add a box, move it right 3 steps, make it 2 steps taller.
    $<HTMLButtonElement>(el, '[data-action="add-box"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement?.classList.contains('box'), 'the new box focused');
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Shift+ArrowDown' });
    await sendKeys({ press: 'Shift+ArrowDown' });
    await until(
      () => $(el, '[data-box="0"]')!.getAttribute('aria-label') === 'Kotak 1: kiri 46%, atas 40%, lebar 20%, tinggi 24%',
      'the box moved',
    );

    // Pointer: drag a second box.
    const r = $(el, '.stage')!.getBoundingClientRect();
    const at = (fx: number, fy: number, type: string) =>
      $(el, '.stage')!.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          composed: true,
          pointerId: 7,
          button: 0,
          clientX: r.left + fx * r.width,
          clientY: r.top + fy * r.height,
        }),
      );
    at(0.05, 0.05, 'pointerdown');
    at(0.15, 0.1, 'pointermove');
    at(0.25, 0.3, 'pointerup');
    await until(() => $$(el, '.box:not(.draft)').length === 2, 'the dragged box');
    expect($(el, '[data-box="1"]')!.getAttribute('aria-label')).to.equal('Kotak 2: kiri 5%, atas 5%, lebar 20%, tinggi 25%');
    await expect(el).to.be.accessible();
    fits320(el);

    const before = (await complaints.track(first.code)).photos[0]!;
    expect(before).to.contain(first.photoId);
    const orig = await fetch(complaints.photoUrl(before)).then((x) => x.blob());
    const redacted = actionEvent(el);
    await act(el, 'redact-submit');
    expect((await redacted).detail).to.deep.equal({ trackingCode: first.code, action: 'redact' });
    await until(
      () => $$(el, '.staff-photos .photo-meta').some((m) => m.textContent!.includes('disamarkan untuk publik')),
      'the redacted note',
    );
    const after = (await complaints.track(first.code)).photos[0]!;
    expect(after, 'the public now sees the redacted copy').not.to.contain(first.photoId);
    // The copy differs from the original where the box was: its pixels are blocks.
    expect((await fetch(complaints.photoUrl(before), { cache: 'no-store' })).status, 'the original is no longer public').to.equal(404);
    const copy = await fetch(complaints.photoUrl(after)).then((x) => x.blob());
    // Inside the keyboard box (46–66 %, 40–64 %, a margin off) the checkerboard became flat blocks; outside both boxes it is untouched.
    expect(await spread(orig, 0.48, 0.42, 0.16, 0.2), 'the original is a checkerboard there').to.be.above(80);
    expect(await spread(copy, 0.48, 0.42, 0.16, 0.2), 'the copy is pixelated there').to.be.below(30);
    expect(await spread(copy, 0.75, 0.75, 0.2, 0.2), 'the rest of the copy is as it was').to.be.above(80);
  });

  it('works by keyboard alone: / search, j/k, Enter, v, r with a reason, Escape back to the row', async function () {
    this.timeout(60_000);
    const c = await file({ categoryId: 'ketertiban', text: 'Pedagang kaki lima menutup trotoar di depan stasiun.' });
    const el = await inbox();
    (await until(() => $<HTMLInputElement>(el, '#email'), 'the form')).focus();
    await sendKeys({ type: VERIFIER[0] });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: VERIFIER[1] });
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[data-field="account"]'), 'signed in');
    await listed(el);

    await sendKeys({ press: '/' });
    expect(el.shadowRoot!.activeElement?.id, '/ goes to the search box').to.equal('q');
    await sendKeys({ type: `j${c.code}` });
    expect($<HTMLInputElement>(el, '#q')!.value, 'j is typed, not a shortcut, in a field').to.equal(`j${c.code}`);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Delete' });
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, '.row').length === 1 && $(el, '.row')!.dataset.code === c.code, 'the search result');
    await sendKeys({ press: 'Tab' }); // the Apply button: not a field, shortcuts work
    await sendKeys({ press: 'j' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-code')).to.equal(c.code);
    await sendKeys({ press: 'k' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-code'), 'k stays on the first row').to.equal(c.code);
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === 'received', 'the detail');
    expect(el.shadowRoot!.activeElement?.id, 'the heading takes the focus').to.equal('title');

    await sendKeys({ press: 'v' });
    await until(() => status(el) === 'verified', 'verified by v');
    await sendKeys({ press: 'r' });
    await until(() => el.shadowRoot!.activeElement?.id === 'panel-title', 'the reject form focused');
    await sendKeys({ press: 'Tab' }); // the first reason (hoax)
    await sendKeys({ press: 'ArrowDown' }); // duplicate
    expect($<HTMLInputElement>(el, 'input[name="reason"][value="duplicate"]')!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' }); // the note
    await sendKeys({ type: 'Sama dengan aduan kemarin.' });
    await sendKeys({ press: 'Tab' }); // reject
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('reject-submit');
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === 'rejected', 'rejected by keyboard');
    expect(text(el)).to.contain('Ditolak: duplikat');
    expect((await complaints.track(c.code)).timeline.at(-1)!.note).to.equal('Sama dengan aduan kemarin.');

    $<HTMLElement>(el, '#title')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, '.row'), 'back to the list');
    await until(() => el.shadowRoot!.activeElement?.getAttribute('data-code') === c.code, 'the row focused again');
    expect($(el, `.row[data-code="${c.code}"]`)!.dataset.status).to.equal('rejected');
  });

  it("gives the mayor's office the printable briefing report, in English too", async function () {
    this.timeout(30_000);
    const el = await inbox('en');
    await until(() => $(el, '#email'), 'the sign-in form');
    expect($(el, 'h2')!.textContent).to.equal('Si Badra staff sign-in');
    await signIn(el, MAYOR_OFFICE);
    expect($(el, '[data-field="account"]')!.textContent).to.contain("Mayor's office");
    await act(el, 'briefing');
    await until(() => $(el, '[role="status"]')?.textContent?.includes('Oldest first'), 'the report');
    expect($(el, 'h2')!.textContent).to.equal('Complaints past their deadline');
    // The test server's clock has not run 24 hours: nothing is late yet.
    expect(text(el)).to.contain('No complaint is past its deadline.');
    expect($(el, '[data-action="print"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    fits320(el);
    const level = $<HTMLSelectElement>(el, '#briefing-level')!;
    level.value = '2';
    level.dispatchEvent(new Event('change'));
    await until(() => $(el, '[role="status"]')?.textContent?.includes('Oldest first'), 'the level-2 report');
    $<HTMLButtonElement>(el, '[data-action="back"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, '#q'), 'back to the list');
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('briefing');
  });
});
