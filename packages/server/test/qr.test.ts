import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BookingCodes } from '../src/queue/fast-path/codes.js';

const codes$ = new BookingCodes();
const drawCodesAhead = () => codes$.drawAhead();
const codesAhead = () => codes$.ahead;
const nextBookingCode = () => codes$.next();
const qrCodesDrawn = () => codes$.qrDrawn;
const qrOf = (c: string) => codes$.qr(c);
const returnBookingCode = (c: string) => codes$.giveBack(c);

describe('booking codes drawn ahead', () => {
  it('draws codes with their QR codes while the server is quiet, and hands them out', async () => {
    drawCodesAhead();
    const start = Date.now();
    while (codesAhead() < 512 && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
    assert.equal(codesAhead(), 512, 'a quiet server fills the pool within seconds');
    const codes = Array.from({ length: 100 }, () => nextBookingCode());
    assert.equal(codesAhead(), 412);
    assert.equal(new Set(codes).size, 100);
    const drawn = qrCodesDrawn();
    for (const c of codes) {
      assert.match(c, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      assert.ok(qrOf(c).path.length > 100);
    }
    assert.equal(qrCodesDrawn(), drawn, 'their QR codes were drawn ahead: answering the tickets draws none');
    qrOf('ZZZZ-ZZZZ');
    assert.equal(qrCodesDrawn(), drawn + 1);
  });

  it('takes back a code whose booking was not made, up to a full pool', () => {
    const before = codesAhead();
    const code = nextBookingCode();
    assert.equal(codesAhead(), before - 1);
    returnBookingCode(code);
    assert.equal(codesAhead(), before);
    const drawn = qrCodesDrawn();
    assert.equal(nextBookingCode(), code, 'the next booking gets it, its QR code still drawn');
    qrOf(code);
    assert.equal(qrCodesDrawn(), drawn);
    returnBookingCode(code);
    while (codesAhead() < 512) returnBookingCode('ABCD-EFGH');
    returnBookingCode('JKLM-NPQR');
    assert.equal(codesAhead(), 512, 'never more than the pool holds');
    while (codesAhead() > before) nextBookingCode();
  });

  it('waits while the server is busy', async () => {
    while (codesAhead() > 300) nextBookingCode();
    const before = codesAhead();
    // 400 ms of a loop kept 90 % busy: no code is drawn meanwhile.
    const end = Date.now() + 400;
    while (Date.now() < end) {
      const s = performance.now();
      while (performance.now() - s < 9);
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(codesAhead(), before);
    codes$.stop();
  });

  it('belongs to one app: two sets of codes share no pool, and a stopped one draws nothing', async () => {
    const a = new BookingCodes();
    const b = new BookingCodes();
    a.drawAhead();
    const start = Date.now();
    while (a.ahead < 512 && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
    assert.equal(a.ahead, 512);
    assert.equal(b.ahead, 0, 'the other app has drawn nothing');
    a.stop();
    b.stop();
    b.next();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(b.ahead, 0, 'stopped: no background drawing');
  });
});
