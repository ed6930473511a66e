/**
 * The redaction of a complaint photo in the browser: boxes in fractions of the image (0…1, so they
 * do not depend on the size the photo is shown at), moved and resized by keyboard steps, and the
 * pixelation of those regions on a canvas, re-encoded as a JPEG the server stores as the public copy.
 */

/** A region to hide, in fractions of the image's width and height. */
export interface RedactBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The smallest box side (2 % of the image): a box never collapses to nothing. */
export const MIN_BOX = 0.02;
/** One arrow-key step: 2 % of the image (Shift + arrow resizes by the same step). */
export const STEP = 0.02;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A box kept inside the image and at least `MIN_BOX` on each side. */
export function clampBox(b: RedactBox): RedactBox {
  const w = clamp(b.w, MIN_BOX, 1);
  const h = clamp(b.h, MIN_BOX, 1);
  return { x: clamp(b.x, 0, 1 - w), y: clamp(b.y, 0, 1 - h), w, h };
}

/** The box spanned by two corners (a pointer drag), clamped. */
export const boxFromCorners = (ax: number, ay: number, bx: number, by: number): RedactBox =>
  clampBox({ x: Math.min(ax, bx), y: Math.min(ay, by), w: Math.abs(bx - ax), h: Math.abs(by - ay) });

/** What an arrow key does to a box: moves it, or with `resize` grows or shrinks its width or height. */
export function nudge(b: RedactBox, key: string, resize: boolean): RedactBox | null {
  const d = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] }[key];
  if (!d) return null;
  const [dx, dy] = d as [number, number];
  return clampBox(resize ? { ...b, w: b.w + dx, h: b.h + dy } : { ...b, x: b.x + dx, y: b.y + dy });
}

/** Replaces each `block`-sized square of `px` (RGBA, `w` wide, `h` high) by its average colour. */
export function averageBlocks(px: Uint8ClampedArray, w: number, h: number, block: number): void {
  for (let by = 0; by < h; by += block) {
    const ye = Math.min(h, by + block);
    for (let bx = 0; bx < w; bx += block) {
      const xe = Math.min(w, bx + block);
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let y = by; y < ye; y++)
        for (let x = bx; x < xe; x++) {
          const i = (y * w + x) * 4;
          r += px[i]!;
          g += px[i + 1]!;
          b += px[i + 2]!;
          n++;
        }
      for (let y = by; y < ye; y++)
        for (let x = bx; x < xe; x++) {
          const i = (y * w + x) * 4;
          px[i] = r / n;
          px[i + 1] = g / n;
          px[i + 2] = b / n;
        }
    }
  }
}

/**
 * Draws `image` with every box pixelated (each box cut into blocks of about 1/12 of its shorter
 * side, at least 8 pixels, each filled with its average colour, so a face or a plate cannot be
 * read) and encodes it as a JPEG.
 */
export async function pixelate(image: Blob, boxes: readonly RedactBox[], quality = 0.88): Promise<Blob> {
  const bitmap = await createImageBitmap(image);
  try {
    const { width, height } = bitmap;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('No 2D canvas');
    ctx.drawImage(bitmap, 0, 0);
    for (const b of boxes) {
      const x = Math.floor(b.x * width);
      const y = Math.floor(b.y * height);
      const w = Math.max(1, Math.min(width - x, Math.ceil(b.w * width)));
      const h = Math.max(1, Math.min(height - y, Math.ceil(b.h * height)));
      const data = ctx.getImageData(x, y, w, h);
      averageBlocks(data.data, w, h, Math.max(8, Math.round(Math.min(w, h) / 12)));
      ctx.putImageData(data, x, y);
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality),
    );
  } finally {
    bitmap.close();
  }
}
