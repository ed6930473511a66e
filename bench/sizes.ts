// Minified and gzip sizes of the CDN bundle (all files) and of each entry with the chunks it loads.
// Broken when the autoloader has no chunk for one of the catalog, booking and ticket elements.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SectionResult } from './rows.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdn = join(root, 'packages/elements/dist/cdn');
const autoloader = join(cdn, 'mpp-kit.js');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.js') ? [p] : [];
  });

const kb = (n: number) => Math.round((n / 1024) * 100) / 100;
const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;
/** Brotli at its highest quality, as the build's `.br` copies are made. */
const br = (buf: Buffer) => brotliCompressSync(buf).length;

/** Relative module specifiers in a chunk: static `import … from`/`export … from`, and dynamic `import("…")`. */
const STATIC_IMPORT = /(?:import|export)\s*(?:[^"'()]*?from\s*)?["'](\.\.?\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g;
const specifiers = (file: string, re: RegExp) => [...readFileSync(file, 'utf8').matchAll(re)].map((m) => join(file, '..', m[1]!));

/** Files a chunk needs before it runs: its static imports, transitively (not the autoloader's lazy `import()`s). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const f of specifiers(file, STATIC_IMPORT)) closure(f, seen);
  return seen;
}

/**
 * English message catalogues (`chunks/locale-en-*.js`) load only on English pages: an Indonesian
 * page (the default) never fetches them.
 */
const isEnglish = (file: string) => /[\\/]locale-en-[^\\/]*\.js$/.test(file);

/**
 * What an element really loads: its static closure plus every chunk that code in it imports lazily
 * (`import()`), with their static closures, transitively. Lazy code still counts: an `import()` the
 * normal flow always reaches is a download like any other. Not followed: the autoloader's own
 * `import()`s (those are the other elements, loaded only when their tag is on the page) and, when
 * `english` is false, the English catalogues (reported on their own row instead).
 */
function loaded(file: string, english: boolean): Set<string> {
  const seen = closure(file);
  const todo = [...seen];
  while (todo.length) {
    const f = todo.pop()!;
    if (f === autoloader) continue;
    for (const d of specifiers(f, DYNAMIC_IMPORT)) {
      if (seen.has(d) || (!english && isEnglish(d))) continue;
      for (const g of closure(d)) {
        if (seen.has(g)) continue;
        seen.add(g);
        todo.push(g);
      }
    }
  }
  return seen;
}

/** Tag → the chunk the autoloader imports for it (`"mpp-queue-ticket":()=>import("./chunks/…")`). */
function elementChunks(): Map<string, string> {
  const code = readFileSync(autoloader, 'utf8');
  const out = new Map<string, string>();
  for (const m of code.matchAll(/["']((?:mpp|si-badra)-[a-z-]+)["']\s*:\s*\(\)\s*=>\s*import\(\s*["'](\.\/[^"']+)["']/g))
    out.set(m[1]!, join(cdn, m[2]!));
  return out;
}

/**
 * Who the queue elements' weight belongs to: the CDN build again, one file per module (rollup's
 * `preserveModules`, in memory), keeping the modules booking and ticket load and the catalog does
 * not (English catalogues aside), grouped into our elements code (templates, texts, styles,
 * helpers), the core SDK, and libraries. Each group is gzipped as one file: the smallest it could
 * weigh in any chunking.
 */
async function queueShares(): Promise<Record<string, number>> {
  const { rollup } = await import('rollup');
  const configs = ((await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)) as { default: Array<Record<string, unknown>> })
    .default;
  const cdnConfig = configs.find((c) => JSON.stringify(c.output ?? {}).includes('cdn'));
  if (!cdnConfig) throw new Error('no CDN config in rollup.config.mjs');
  const src = (e: string) => join(root, `packages/elements/src/${e}/define.ts`);
  const bundle = await rollup({
    ...cdnConfig,
    input: { booking: src('mpp-queue-booking'), ticket: src('mpp-queue-ticket'), catalog: src('mpp-service-catalog') },
  } as import('rollup').RollupOptions);
  const { output } = await bundle.generate({ format: 'esm', preserveModules: true });
  await bundle.close();
  const chunks = new Map(output.flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
  const reach = (name: string) => {
    const seen = new Set<string>();
    const todo = [...chunks.values()].filter((c) => c.isEntry && c.name === name).map((c) => c.fileName);
    for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
      const c = chunks.get(f);
      if (!c || seen.has(f)) continue;
      seen.add(f);
      todo.push(...c.imports, ...c.dynamicImports);
    }
    return seen;
  };
  const catalog = reach('catalog');
  const groups: Record<string, string[]> = { elements_own: [], core: [], libraries: [] };
  for (const f of new Set([...reach('booking'), ...reach('ticket')])) {
    if (catalog.has(f) || /\.en\.js$/.test(f)) continue;
    const group = f.includes('node_modules') ? 'libraries' : f.includes('packages/core/') ? 'core' : 'elements_own';
    groups[group]!.push(chunks.get(f)!.code);
  }
  return Object.fromEntries(
    Object.entries(groups).map(([g, codes]) => [`size.queue_${g}_gzip_kb`, codes.length ? kb(gz(Buffer.from(codes.join('\n')))) : 0]),
  );
}

/** The elements whose sizes the targets hold: the catalog, and the booking → ticket flow on top of it. */
const ELEMENTS = ['mpp-service-catalog', 'mpp-queue-booking', 'mpp-queue-ticket'] as const;

export async function benchSizes(): Promise<SectionResult> {
  if (!existsSync(autoloader)) throw new Error('Build first: npm run build');
  const all = files(cdn);
  const figures: Record<string, number> = {};
  const rows: Array<{ name: string; value: number; unit: string }> = [];
  const add = (key: string, name: string, list: Iterable<string>) => {
    let min = 0;
    let g = 0;
    let b2 = 0;
    for (const f of list) {
      const b = readFileSync(f);
      min += b.length;
      g += gz(b);
      b2 += br(b);
    }
    figures[`size.${key}_min_kb`] = kb(min);
    figures[`size.${key}_gzip_kb`] = kb(g);
    figures[`size.${key}_br_kb`] = kb(b2);
    rows.push(
      { name: `${name} (min)`, value: kb(min), unit: 'KB' },
      { name: `${name} (gzip)`, value: kb(g), unit: 'KB' },
      { name: `${name} (brotli)`, value: kb(b2), unit: 'KB' },
    );
  };
  add('cdn_all', 'CDN bundle, all files', all);
  add('cdn_loader', 'CDN autoloader mpp-kit.js alone', [join(cdn, 'mpp-kit.js')]);
  // Each element's chunk is found through the autoloader's table (an element imported by another one,
  // like the ticket by the booking, may sit in a `shared-*` chunk rather than one named after it).
  const elements = new Map<string, Set<string>>();
  for (const [name, chunk] of elementChunks()) {
    const files = loaded(chunk, false);
    elements.set(name, files);
    add(`element.${name.replace(/\W+/g, '_')}`, `<${name}> with everything it loads (Lit, core)`, files);
  }
  const broken = ELEMENTS.filter((e) => !elements.has(e)).map((e) => `size: the autoloader has no chunk for <${e}>`);
  const catalog = elements.get('mpp-service-catalog');
  const booking = elementChunks().get('mpp-queue-booking');
  const ticket = elementChunks().get('mpp-queue-ticket');
  if (catalog && booking && ticket) {
    // What the booking → ticket flow adds on an Indonesian page that already shows the catalog: all
    // it loads, statically or lazily (see `loaded`), less what the catalog already loaded.
    const queue = new Set([...elements.get('mpp-queue-booking')!, ...elements.get('mpp-queue-ticket')!]);
    add(
      'queue_elements',
      'booking + ticket elements on top of the catalog (what they add)',
      [...queue].filter((f) => !catalog.has(f)),
    );
    const shares = await queueShares();
    Object.assign(figures, shares);
    const names: Record<string, string> = {
      elements_own: 'of which our elements code: templates, texts, styles, helpers (gzip as one file)',
      core: 'of which core SDK code (gzip as one file)',
      libraries: 'of which libraries the catalog does not load (gzip as one file)',
    };
    for (const [g, name] of Object.entries(names)) rows.push({ name: `  ${name}`, value: shares[`size.queue_${g}_gzip_kb`]!, unit: 'KB' });
    // On an English page the booking and ticket also fetch their English catalogues.
    const english = new Set([...loaded(booking, true), ...loaded(ticket, true)]);
    add(
      'queue_elements_en_extra',
      'English messages of booking + ticket (English pages only, on top of the above)',
      [...english].filter((f) => !queue.has(f) && !catalog.has(f)),
    );
  }
  const launcher = elements.get('mpp-launcher');
  const bookingFiles = elements.get('mpp-queue-booking');
  if (launcher && bookingFiles) {
    // The popup and the floating button: the launcher's chunks a page with a widget does not load
    // anyway. (The loader's own part, `data-mpp-open` and `mppKit`, is in its row above.)
    add(
      'launcher_over_widget',
      '<mpp-launcher> (popup, floating button) on top of a widget',
      [...launcher].filter((f) => !bookingFiles.has(f)),
    );
  } else broken.push('size: the autoloader has no chunk for <mpp-launcher>');
  return { rows, figures, notes: [], broken };
}
