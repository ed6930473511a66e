/**
 * A Si Badra photo made fit to upload, the one way for every widget: the citizen's report photos
 * (`<si-badra-report>`) and the agency's "after" photo (`<si-badra-inbox>`). Decoded with the EXIF
 * orientation honoured, scaled to `PHOTO_MAX_SIDE` on the longest side and re-encoded as a JPEG,
 * in a worker where the browser has one and the page allows it.
 */

/** The longest side of a photo sent to the server, in pixels. */
export const PHOTO_MAX_SIDE = 1600;
/** JPEG quality of the re-encoded photo. */
export const PHOTO_QUALITY = 0.8;
/** How long the worker may take before the main thread does the work itself. */
const WORKER_TIMEOUT_MS = 20_000;

export interface CompressedPhoto {
  blob: Blob;
  /** Where the pixels were scaled and encoded. */
  where: 'worker' | 'main';
}

/**
 * Decode (EXIF orientation applied), scale to `max` on the longest side, re-encode as JPEG. Only
 * pixels are drawn, so none of the original's metadata (EXIF with GPS, XMP, ICC) is carried over.
 * Self-contained: it is also the worker's body (stringified), so it uses globals only.
 */
async function shrink(source: Blob | ImageBitmap, max: number, quality: number): Promise<Blob> {
  const bitmap = source instanceof Blob ? await createImageBitmap(source, { imageOrientation: 'from-image' }) : source;
  try {
    const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    if (typeof OffscreenCanvas === 'function') {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0, w, h);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, w, h);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', quality),
    );
  } finally {
    bitmap.close();
  }
}

/** The worker: one photo in (`{ blob, max, quality }`), its JPEG out (`{ blob }` or `{ error }`). */
const WORKER_SOURCE = `const shrink = ${shrink.toString()};
self.onmessage = async (e) => {
  try { self.postMessage({ blob: await shrink(e.data.blob, e.data.max, e.data.quality) }); }
  catch (err) { self.postMessage({ error: String(err) }); }
};`;

/** Compresses in a throw-away worker; rejects when workers are blocked (CSP), fail or take too long. */
function inWorker(blob: Blob): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    let worker: Worker;
    try {
      worker = new Worker(url);
    } catch (e) {
      URL.revokeObjectURL(url);
      return reject(e);
    }
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    const timer = setTimeout(() => (done(), reject(new Error('worker timeout'))), WORKER_TIMEOUT_MS);
    worker.onmessage = (e: MessageEvent<{ blob?: Blob; error?: string }>) => {
      done();
      if (e.data.blob) resolve(e.data.blob);
      else reject(new Error(e.data.error ?? 'worker failed'));
    };
    worker.onerror = (e) => {
      done();
      reject(new Error(e.message || 'worker error'));
    };
    worker.postMessage({ blob, max: PHOTO_MAX_SIDE, quality: PHOTO_QUALITY });
  });
}

/**
 * Downscales a photo (longest side at most `PHOTO_MAX_SIDE`) and re-encodes it as JPEG, the EXIF
 * orientation applied. A file is done in a worker (OffscreenCanvas) where the browser has one and
 * the page allows it, else on the main thread; a camera frame (already decoded) on the main thread.
 * A file that is no image rejects.
 */
export async function compressPhoto(source: Blob | ImageBitmap): Promise<CompressedPhoto> {
  if (source instanceof Blob && typeof Worker === 'function' && typeof OffscreenCanvas === 'function') {
    try {
      return { blob: await inWorker(source), where: 'worker' };
    } catch {
      // A decode error is the same on the main thread; a blocked worker is not.
    }
  }
  return { blob: await shrink(source, PHOTO_MAX_SIDE, PHOTO_QUALITY), where: 'main' };
}
