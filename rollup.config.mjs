// Builds @mpp-kit/core and @mpp-kit/elements for npm (ESM + .d.ts, dependencies external) and the
// self-contained, minified CDN bundle (`packages/elements/dist/cdn/mpp-kit.js` + lazy chunks).
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import typescript from '@rollup/plugin-typescript';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// zod 4 puts /*@__PURE__*/ notes where rollup can't use them and has one internal cycle: harmless.
const onwarn = (w, warn) => {
  if (w.code === 'INVALID_ANNOTATION' || w.code === 'CIRCULAR_DEPENDENCY') return;
  warn(w);
};

/** The CDN bundle compiles core from source so it never depends on a stale core build. */
const coreSrc = here('./packages/core/src/');
const coreFromSource = () => ({
  name: 'core-from-source',
  resolveId: (id) => (id === '@mpp-kit/core' ? here('./packages/core/src/index.ts') : null),
  // core declares "sideEffects": false; keep that promise when compiling it from source, so unused
  // schemas and routes are dropped from the bundle.
  transform: (code, id) => (id.startsWith(coreSrc) ? { code, map: null, moduleSideEffects: false } : null),
});

/**
 * Minifies the static text of Lit templates in the CDN bundle (terser leaves template strings
 * alone): in `css` templates comments and whitespace around `{ } ; , >` and after `:` go; in `html`
 * and `svg` templates a run of whitespace that holds a line break (indentation) becomes one space,
 * which renders the same in HTML. Whitespace inside a line is kept, so text never changes.
 */
const elementsSrc = here('./packages/elements/src/');
const TAGS = new Set(['html', 'svg', 'css']);
const minifyCss = (s) =>
  s
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2')
    .trim();
const minifyLitTemplates = () => ({
  name: 'minify-lit-templates',
  transform(code, id) {
    if (!id.startsWith(elementsSrc) || !/\b(html|svg|css)`/.test(code)) return null;
    const edits = [];
    const visit = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS.has(node.tag.name)) {
        const { quasis } = node.quasi;
        const isCss = node.tag.name === 'css';
        for (const q of quasis) {
          const raw = code.slice(q.start, q.end);
          // A css template with bindings could glue tokens together; none exists, so leave one alone.
          if (raw.includes('\\\n') || (isCss && quasis.length > 1)) continue;
          const min = isCss ? minifyCss(raw) : raw.replace(/\s*\n\s*/g, ' ');
          if (min !== raw) edits.push([q.start, q.end, min]);
        }
      }
      for (const v of Object.values(node)) {
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object') visit(v);
      }
    };
    visit(this.parse(code));
    if (!edits.length) return null;
    let out = code;
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
    return { code: out, map: null };
  },
});

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every file of the CDN bundle, at maximum
 * quality (brotli 11, gzip 9): the server sends them by `Accept-Encoding` and never compresses a
 * bundle file per request. `writeBundle` runs only when files are written, not on `generate()`.
 */
const br = promisify(brotliCompress);
const gz = promisify(gzip);
const precompress = () => ({
  name: 'precompress',
  async writeBundle(options, bundle) {
    await Promise.all(
      Object.keys(bundle).map(async (name) => {
        const file = join(options.dir, name);
        const raw = await readFile(file);
        const params = {
          [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
          [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
          [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
        };
        await Promise.all([
          br(raw, { params }).then((b) => writeFile(`${file}.br`, b)),
          gz(raw, { level: zlib.Z_BEST_COMPRESSION }).then((b) => writeFile(`${file}.gz`, b)),
        ]);
      }),
    );
  },
});

const ELEMENTS = [
  'mpp-service-catalog',
  'mpp-queue-booking',
  'mpp-queue-ticket',
  'mpp-launcher',
  'si-badra-track',
  'si-badra-report',
  'si-badra-inbox',
];

/**
 * The CDN loader's preload list: for each element, every chunk its lazy chunk imports (all the way
 * down), written into `mpp-kit.js` in place of the `__MPP_PRELOAD__` string. The loader then asks
 * for all of an element's chunks at once (`<link rel="modulepreload">`) instead of discovering the
 * shared chunks only after the element's chunk arrived: one round trip less on a first visit.
 */
const preloadList = () => ({
  name: 'preload-list',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    const closure = (file, seen = new Set()) => {
      for (const dep of bundle[file]?.imports ?? []) if (!seen.has(dep)) closure(dep, seen.add(dep));
      return seen;
    };
    /** @type {Record<string, string[]>} */
    const map = {};
    for (const tag of ELEMENTS) {
      // The chunk holding the element's `define.ts` (a chunk of its own, or shared with an element that imports it).
      const define = new RegExp(`src[\\\\/]${tag}[\\\\/]define\\.ts$`);
      const c = chunks.find((x) => x.moduleIds.some((id) => define.test(id)));
      if (c) map[tag] = [c.fileName, ...closure(c.fileName)].filter((f) => f !== 'mpp-kit.js');
    }
    const entry = chunks.find((c) => c.isEntry && c.fileName === 'mpp-kit.js');
    if (!entry) return; // another build from this config (the bench's size breakdown)
    if (!/["']__MPP_PRELOAD__["']/.test(entry.code)) this.error('mpp-kit.js has no __MPP_PRELOAD__ placeholder');
    if (Object.keys(map).length !== ELEMENTS.length) this.error(`preload list for ${Object.keys(map)} only`);
    entry.code = entry.code.replace(/["']__MPP_PRELOAD__["']/, JSON.stringify(JSON.stringify(map)));
  },
});

/**
 * Stale chunks from an earlier build must never be served or measured: each npm build empties its
 * output folder when it starts (not when this file is imported, so the bench can reuse the configs).
 */
const clean = (dir) => ({ name: 'clean', buildStart: () => rmSync(here(dir), { recursive: true, force: true }) });

export default [
  {
    input: here('./packages/core/src/index.ts'),
    external: [/^ky(\/|$)/, /^zod(\/|$)/, /^minisearch(\/|$)/],
    output: {
      dir: here('./packages/core/dist'),
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: here('./packages/core/src'),
    },
    onwarn,
    plugins: [
      clean('./packages/core/dist'),
      // `inlineSources`: the maps carry the TypeScript they were made from (`src/` is not published).
      typescript({ tsconfig: here('./packages/core/tsconfig.build.json'), outDir: here('./packages/core/dist'), inlineSources: true }),
    ],
  },
  {
    input: [
      here('./packages/elements/src/index.ts'),
      here('./packages/elements/src/autoloader.ts'),
      ...ELEMENTS.flatMap((e) => [here(`./packages/elements/src/${e}/${e}.ts`), here(`./packages/elements/src/${e}/define.ts`)]),
    ],
    // tslib (the decorator helpers) is a dependency, imported rather than copied into dist/.
    external: [/^lit(\/|$)/, /^@lit\//, /^@mpp-kit\/core$/, /^tslib$/, /^idb-keyval$/],
    output: {
      dir: here('./packages/elements/dist'),
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: here('./packages/elements/src'),
    },
    onwarn,
    plugins: [
      clean('./packages/elements/dist'),
      typescript({
        tsconfig: here('./packages/elements/tsconfig.build.json'),
        outDir: here('./packages/elements/dist'),
        inlineSources: true,
        importHelpers: true,
      }),
    ],
  },
  {
    input: { 'mpp-kit': here('./packages/elements/src/autoloader.ts') },
    output: {
      dir: here('./packages/elements/dist/cdn'),
      format: 'esm',
      entryFileNames: '[name].js',
      // Each element's lazy chunk is named after its tag; code they share lands in `shared-*` chunks.
      // English message catalogues (`messages.en.ts`), loaded only on English pages, are `locale-en-*`.
      chunkFileNames: (c) => {
        const m = /src[\\/]([^\\/]+)[\\/]define\.ts$/.exec(c.facadeModuleId ?? '');
        if (m) return `chunks/${m[1]}-[hash].js`;
        if (c.moduleIds.length && c.moduleIds.every((id) => /\.en\.ts$/.test(id))) return 'chunks/locale-en-[hash].js';
        return 'chunks/shared-[hash].js';
      },
    },
    onwarn,
    plugins: [
      coreFromSource(),
      nodeResolve({ browser: true }),
      esbuild({ tsconfig: here('./packages/elements/tsconfig.json'), target: 'es2022', minify: false }),
      minifyLitTemplates(),
      terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
      preloadList(),
      precompress(),
    ],
  },
];
