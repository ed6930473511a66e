/**
 * A 12 MP phone photo compressed in Chromium by `<si-badra-report>`'s own `compressPhoto`
 * (packages/elements/src/shared/photo.ts, bundled here with esbuild: a worker with
 * OffscreenCanvas, EXIF orientation honoured, longest side 1600 px), beside the floor: a bare
 * `createImageBitmap` + canvas re-encode of the same file on the main thread, to the same output
 * size and quality, in the same run. Beside both, the worker hop alone (a throw-away worker that
 * gets the file and posts it back, no decode), which `compressPhoto` pays and the floor does not.
 *
 * The photo is made in the page: 4000×3000, photograph-like (sky and ground gradients, shapes,
 * sensor noise), JPEG at quality 0.92, with an EXIF APP1 segment holding Orientation = 6 (the phone
 * held upright), so the output must be portrait. Rounds alternate compress and floor; medians.
 * The smoke run does one round and checks the output is a portrait JPEG.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import type { PhotoMeasure } from './photo-measure.js';
import type { BenchOptions, Row, SectionResult } from './rows.js';

const ORIGIN = 'http://photo.bench.localhost';

/** The page script: `photo-page.ts` (with the widget's own `photo.ts`) as `globalThis.__photoBench`. */
async function bundlePage(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { measurePhoto } from './photo-page.js'; globalThis.__photoBench = measurePhoto;`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
      sourcefile: 'photo-bench-page.ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    conditions: ['development'],
    logLevel: 'error',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export async function benchPhoto(o: BenchOptions): Promise<SectionResult> {
  const script = await bundlePage();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill(
        route.request().url().endsWith('/photo.js')
          ? { contentType: 'text/javascript', body: script }
          : {
              contentType: 'text/html',
              body: '<!doctype html><meta charset="utf-8"><title>photo bench</title><script type="module" src="/photo.js"></script>',
            },
      ),
    );
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction('typeof globalThis.__photoBench === "function"');
    const rounds = o.smoke ? 1 : 7;
    const m = (await page.evaluate(`globalThis.__photoBench(${rounds})`)) as PhotoMeasure;
    const figures: Record<string, number> = {
      'photo.input_kb': Math.round(m.inputBytes / 1024),
      'photo.output_kb': r1(m.outputBytes / 1024),
      'photo.input_to_output': r1(m.inputBytes / m.outputBytes),
      'photo.compress_ms': Math.round(median(m.compressMs)),
      'photo.bare_ms': Math.round(median(m.bareMs)),
      'photo.worker_hop_ms': r1(median(m.hopMs)),
      'photo.compress_to_bare': r2(median(m.compressMs) / median(m.bareMs)),
      'photo.compress_minus_hop_to_bare': r2((median(m.compressMs) - median(m.hopMs)) / median(m.bareMs)),
    };
    const rows: Row[] = [
      {
        name: `input: 4000×3000 JPEG q0.92, EXIF Orientation 6 (shown ${m.input.w}×${m.input.h})`,
        value: figures['photo.input_kb']!,
        unit: 'KB',
      },
      { name: `output: ${m.output.w}×${m.output.h} ${m.type} (${m.where})`, value: figures['photo.output_kb']!, unit: 'KB' },
      { name: 'input ÷ output', value: figures['photo.input_to_output']!, unit: '×' },
      { name: 'compressPhoto (the widget), median', value: figures['photo.compress_ms']!, unit: 'ms' },
      { name: 'bare createImageBitmap + canvas re-encode, same size and quality', value: figures['photo.bare_ms']!, unit: 'ms' },
      { name: 'worker hop alone (start, post the file, post it back)', value: figures['photo.worker_hop_ms']!, unit: 'ms' },
      { name: 'compressPhoto ÷ bare', value: figures['photo.compress_to_bare']!, unit: '×' },
      { name: '(compressPhoto − worker hop) ÷ bare', value: figures['photo.compress_minus_hop_to_bare']!, unit: '×' },
    ];
    const broken: string[] = [];
    if (m.type !== 'image/jpeg') broken.push(`photo: the output is ${m.type}, not image/jpeg`);
    if (!(m.output.h > m.output.w))
      broken.push(`photo: EXIF orientation not honoured (output ${m.output.w}×${m.output.h}, expected portrait)`);
    if (Math.max(m.output.w, m.output.h) > 1600) broken.push(`photo: output ${m.output.w}×${m.output.h} is over 1600 px`);
    if (m.where !== 'worker') broken.push(`photo: compressed on the ${m.where} thread, not in a worker`);
    return {
      rows,
      figures,
      broken,
      notes: [
        `median of ${rounds} round(s) after a warm-up; compress: ${m.compressMs.map(Math.round).join(', ')} ms; bare: ${m.bareMs.map(Math.round).join(', ')} ms; floor output ${r1(m.bareBytes / 1024)} KB`,
      ],
    };
  } finally {
    await browser?.close();
  }
}
