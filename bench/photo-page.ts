/**
 * The part of the photo benchmark that runs inside the Chromium page (see `photo.ts`): makes a
 * 12 MP phone JPEG and times the widget's `compressPhoto` beside a bare re-encode and the worker
 * hop. Browser code only (bundled for the browser by `photo.ts`), type-checked with the DOM
 * library by `tsconfig.page.json` (the bench's own tsconfig is Node's and leaves it out).
 */
import { compressPhoto, PHOTO_QUALITY } from '../packages/elements/src/shared/photo.js';
import type { PhotoMeasure } from './photo-measure.js';

/** Makes the phone photo, then measures `rounds` rounds of each. */
export async function measurePhoto(rounds: number): Promise<PhotoMeasure> {
  const W = 4000;
  const H = 3000;

  // A photograph-like scene: sky gradient, ground, a road, some buildings, sensor noise.
  const canvas = new OffscreenCanvas(W, H);
  const ctx = canvas.getContext('2d')!;
  const sky = ctx.createLinearGradient(0, 0, 0, H * 0.55);
  sky.addColorStop(0, '#5b8fd0');
  sky.addColorStop(1, '#d9e6f2');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, W, H * 0.55);
  const ground = ctx.createLinearGradient(0, H * 0.55, 0, H);
  ground.addColorStop(0, '#7a8a5a');
  ground.addColorStop(1, '#3d4a2a');
  ctx.fillStyle = ground;
  ctx.fillRect(0, H * 0.55, W, H * 0.45);
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 60; i++) {
    const bw = 120 + rnd() * 400;
    const bh = 300 + rnd() * 900;
    ctx.fillStyle = `hsl(${rnd() * 360} ${20 + rnd() * 40}% ${35 + rnd() * 40}%)`;
    ctx.fillRect(rnd() * W, H * 0.55 - bh, bw, bh);
    for (let k = 0; k < 12; k++) {
      ctx.fillStyle = `rgba(20, 30, 40, ${0.3 + rnd() * 0.5})`;
      ctx.fillRect(rnd() * W, H * 0.55 - rnd() * bh, 30 + rnd() * 40, 40 + rnd() * 50);
    }
  }
  ctx.fillStyle = '#555';
  ctx.beginPath();
  ctx.moveTo(W * 0.4, H * 0.55);
  ctx.lineTo(W * 0.6, H * 0.55);
  ctx.lineTo(W * 0.95, H);
  ctx.lineTo(W * 0.05, H);
  ctx.fill();
  for (let i = 0; i < 300; i++) {
    ctx.fillStyle = `hsl(${rnd() * 360} ${rnd() * 60}% ${rnd() * 60 + 20}% / 0.6)`;
    ctx.beginPath();
    ctx.arc(rnd() * W, H * 0.55 + rnd() * H * 0.45, 5 + rnd() * 80, 0, Math.PI * 2);
    ctx.fill();
  }
  const img = ctx.getImageData(0, 0, W, H);
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rnd() - 0.5) * 28;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n;
  }
  ctx.putImageData(img, 0, 0);
  const encoded = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());

  // EXIF APP1 right after SOI: big-endian TIFF, IFD0 with one entry, Orientation (0x0112) SHORT 1 = 6.
  const exif = [
    ...[0x45, 0x78, 0x69, 0x66, 0, 0],
    ...[0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8],
    ...[0, 1],
    ...[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x06, 0, 0],
    ...[0, 0, 0, 0],
  ];
  const app1 = [0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 255, ...exif];
  const photo = new Blob([encoded.subarray(0, 2), new Uint8Array(app1), encoded.subarray(2)], { type: 'image/jpeg' });

  const sizeOf = async (b: Blob) => {
    const bm = await createImageBitmap(b);
    const s = { w: bm.width, h: bm.height };
    bm.close();
    return s;
  };

  /** The floor: decode, draw at the output size, encode at the same quality, on the main thread. */
  const bare = async (w: number, h: number) => {
    const bm = await createImageBitmap(photo);
    const c = new OffscreenCanvas(w, h);
    c.getContext('2d')!.drawImage(bm, 0, 0, w, h);
    bm.close();
    return c.convertToBlob({ type: 'image/jpeg', quality: PHOTO_QUALITY });
  };

  /** The worker hop alone: a throw-away blob-URL worker that posts the file back. */
  const hop = () =>
    new Promise<void>((resolve, reject) => {
      const url = URL.createObjectURL(new Blob(['self.onmessage = (e) => self.postMessage(e.data);'], { type: 'text/javascript' }));
      const w = new Worker(url);
      w.onmessage = () => (w.terminate(), URL.revokeObjectURL(url), resolve());
      w.onerror = (e) => reject(new Error(e.message));
      w.postMessage({ blob: photo });
    });

  // A warm-up of each (first decode, first worker), not measured.
  const first = await compressPhoto(photo);
  const out = await sizeOf(first.blob);
  await bare(out.w, out.h);
  await hop();

  const compressMs: number[] = [];
  const bareMs: number[] = [];
  const hopMs: number[] = [];
  let output = first.blob;
  let bareOut = first.blob;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    output = (await compressPhoto(photo)).blob;
    compressMs.push(performance.now() - t);
    t = performance.now();
    bareOut = await bare(out.w, out.h);
    bareMs.push(performance.now() - t);
    t = performance.now();
    await hop();
    hopMs.push(performance.now() - t);
  }
  const input = await sizeOf(photo);
  return {
    inputBytes: photo.size,
    input,
    outputBytes: output.size,
    bareBytes: bareOut.size,
    output: out,
    where: first.where,
    type: output.type,
    compressMs,
    bareMs,
    hopMs,
  };
}
