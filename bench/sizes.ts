// Minified and gzip sizes of the CDN bundle (all files) and of each entry with the chunks it loads.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdn = join(root, 'packages/elements/dist/cdn');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.js') ? [p] : [];
  });

const kb = (n: number) => Math.round((n / 1024) * 100) / 100;
const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** Files a chunk needs before it runs: its static imports, transitively (not the autoloader's lazy `import()`s). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^"'()]*?from\s*)?["'](\.\.?\/[^"']+)["']/g))
    closure(join(file, '..', m[1]!), seen);
  return seen;
}

export function benchSizes(): { rows: Array<{ name: string; value: number; unit: string }>; figures: Record<string, number> } {
  if (!existsSync(join(cdn, 'mpp-kit.js'))) throw new Error('Build first: npm run build');
  const all = files(cdn);
  const figures: Record<string, number> = {};
  const rows: Array<{ name: string; value: number; unit: string }> = [];
  const add = (key: string, name: string, list: Iterable<string>) => {
    let min = 0;
    let g = 0;
    for (const f of list) {
      const b = readFileSync(f);
      min += b.length;
      g += gz(b);
    }
    figures[`size.${key}_min_kb`] = kb(min);
    figures[`size.${key}_gzip_kb`] = kb(g);
    rows.push({ name: `${name} (min)`, value: kb(min), unit: 'KB' }, { name: `${name} (gzip)`, value: kb(g), unit: 'KB' });
  };
  add('cdn_all', 'CDN bundle, all files', all);
  add('cdn_loader', 'CDN autoloader mpp-kit.js alone', [join(cdn, 'mpp-kit.js')]);
  const elements = new Map<string, Set<string>>();
  for (const f of all.filter((x) => /\/chunks\/mpp-|\/chunks\/si-badra-/.test(x))) {
    const name = relative(cdn, f)
      .replace(/^chunks\//, '')
      .replace(/-[A-Za-z0-9_-]{8}\.js$/, '');
    const files = closure(f);
    elements.set(name, files);
    add(`element.${name.replace(/\W+/g, '_')}`, `<${name}> with everything it loads (Lit, core)`, files);
  }
  const catalog = elements.get('mpp-service-catalog');
  const queue = new Set([...(elements.get('mpp-queue-booking') ?? []), ...(elements.get('mpp-queue-ticket') ?? [])]);
  if (catalog && queue.size) {
    add(
      'queue_elements',
      'booking + ticket elements on top of the catalog (what they add)',
      [...queue].filter((f) => !catalog.has(f)),
    );
  }
  return { rows, figures };
}
