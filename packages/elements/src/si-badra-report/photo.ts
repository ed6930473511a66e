/** The longest side of a photo sent to the server, in pixels. */
export const PHOTO_MAX_SIDE = 1600;
/** JPEG quality of the re-encoded photo. */
export const PHOTO_QUALITY = 0.8;

/**
 * Downscales a photo (longest side at most `PHOTO_MAX_SIDE`) and re-encodes it as JPEG: the EXIF
 * orientation is applied (`imageOrientation: 'from-image'`) and every metadata segment of the
 * original is left behind, since only pixels are drawn. Runs on the main thread (an OffscreenCanvas
 * when the browser has one, else a canvas element); `createImageBitmap` decodes off the main thread.
 */
export async function compressPhoto(source: Blob | ImageBitmapSource): Promise<Blob> {
  const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    if (typeof OffscreenCanvas === 'function') {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0, w, h);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_QUALITY });
    }
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, w, h);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', PHOTO_QUALITY),
    );
  } finally {
    bitmap.close();
  }
}
