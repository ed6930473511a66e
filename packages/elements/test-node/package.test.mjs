// What each package would publish: `npm pack --dry-run --json` lists exactly README, LICENSE,
// package.json and the built files (no src/ in core and elements, no tests anywhere); the published
// package.json has no export condition pointing at TypeScript; every source map carries its sources
// and points inside the package; custom-elements.json points at shipped files and every event has a
// name and a type; the IDE data lists every element, attribute, event and CSS property of the
// manifest. Needs `npm run build`. Run: node --test packages/elements/test-node/package.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { packDryRun, root } from './lib.mjs';

const read = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const COMMON = ['LICENSE', 'README.md', 'package.json'];
const BUILT = /^dist\/.+\.(js|js\.map|d\.ts|d\.ts\.map)$/;

function listed(workspace) {
  const files = packDryRun(workspace).files.map((f) => f.path);
  for (const f of COMMON) assert.ok(files.includes(f), `${workspace} packs ${f}`);
  for (const f of files) assert.doesNotMatch(f, /(^|\/)(test|tests|test-node)\/|\.test\.|\.orig$/, `${workspace} packs no test: ${f}`);
  return files;
}

test('@mpp-kit/core packs README, LICENSE and dist only', () => {
  const files = listed('@mpp-kit/core');
  const other = files.filter((f) => !COMMON.includes(f) && !BUILT.test(f));
  assert.deepEqual(other, []);
  assert.ok(files.includes('dist/index.js') && files.includes('dist/index.d.ts'));
});

test('@mpp-kit/elements packs README, LICENSE, dist, the manifest, the typings and the IDE data', () => {
  const files = listed('@mpp-kit/elements');
  const extra = [
    'custom-elements.json',
    'dist/jsx.d.ts',
    'dist/jsx.js',
    'dist/vscode.html-custom-data.json',
    'dist/vscode.css-custom-data.json',
    'dist/web-types.json',
  ];
  for (const f of extra) assert.ok(files.includes(f), f);
  const other = files.filter((f) => !COMMON.includes(f) && !extra.includes(f) && !BUILT.test(f) && !f.startsWith('dist/cdn/'));
  assert.deepEqual(other, []);
  assert.ok(!files.some((f) => f.includes('node_modules')), 'no bundled tslib copy');
  assert.ok(files.includes('dist/cdn/mpp-kit.js'));
  const pkg = read('packages/elements/package.json');
  assert.ok(files.includes(pkg['web-types'].replace(/^\.\//, '')), 'web-types field points at a packed file');
  assert.equal(pkg.dependencies.tslib, read('node_modules/tslib/package.json').version);
});

test('@mpp-kit/server packs README, LICENSE, its source and seed data, no tests', () => {
  const files = listed('@mpp-kit/server');
  assert.deepEqual(
    files.filter((f) => !COMMON.includes(f) && !/^(src|seed-data)\//.test(f)),
    [],
  );
});

test('the packed core package.json has no condition pointing at TypeScript source', async () => {
  const { stripSourceConditions } = await import(join(root, 'scripts/pack-manifest.mjs'));
  const exports = read('packages/core/package.json').exports;
  assert.ok(JSON.stringify(exports).includes('./src/index.ts'), 'the monorepo keeps its development condition');
  assert.deepEqual(stripSourceConditions(exports), {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './package.json': './package.json',
  });
  assert.deepEqual(read('packages/core/package.json').files, ['dist'], 'and src/ is not packed');
});

test('source maps carry their sources and point inside the package', () => {
  for (const ws of ['core', 'elements']) {
    const files = packDryRun(`@mpp-kit/${ws}`)
      .files.map((f) => f.path)
      .filter((f) => f.endsWith('.js.map') && !f.startsWith('dist/cdn/'));
    assert.ok(files.length > 5, `${ws} has maps`);
    const pkgDir = join(root, 'packages', ws);
    for (const f of files) {
      const map = read(join('packages', ws, f));
      assert.equal(map.sourcesContent?.length, map.sources.length, f);
      assert.ok(
        map.sourcesContent.every((s) => typeof s === 'string' && s.length > 0),
        `${f} has its sources`,
      );
      for (const s of map.sources) {
        const abs = normalize(join(pkgDir, dirname(f), s));
        assert.ok(abs.startsWith(`${pkgDir}/src/`), `${f}: ${s} stays inside the package`);
      }
    }
  }
});

const manifest = read('packages/elements/custom-elements.json');
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName));

test('custom-elements.json points at shipped files; every event has a name and a type', () => {
  const packed = new Set(packDryRun('@mpp-kit/elements').files.map((f) => f.path));
  for (const m of manifest.modules) assert.ok(packed.has(m.path), `${m.path} is packed`);
  for (const tag of [
    'mpp-service-catalog',
    'mpp-queue-booking',
    'mpp-queue-ticket',
    'si-badra-track',
    'si-badra-report',
    'si-badra-inbox',
  ]) {
    const el = elements.find((e) => e.tagName === tag);
    assert.ok(el, tag);
    assert.ok(el.events.length >= 2);
    for (const e of el.events) assert.ok(e.name && /Event$/.test(e.type?.text ?? ''), `${tag} ${JSON.stringify(e)}`);
    const css = el.cssProperties.map((p) => p.name);
    for (const p of ['--mpp-color-focus', '--mpp-font-size', '--mpp-color-primary-dark', '--mpp-color-text-dark'])
      assert.ok(css.includes(p), `${tag} ${p}`);
    assert.ok(el.attributes.some((a) => a.name === 'api') && el.cssParts.length > 0, tag);
  }
});

test('the IDE data lists every element, attribute, event and CSS property of the manifest', () => {
  const html = read('packages/elements/dist/vscode.html-custom-data.json');
  const css = read('packages/elements/dist/vscode.css-custom-data.json');
  const web = read('packages/elements/dist/web-types.json');
  assert.ok(elements.length >= 3);
  for (const el of elements) {
    const tag = html.tags.find((t) => t.name === el.tagName);
    const wt = web.contributions.html.elements.find((t) => t.name === el.tagName);
    assert.ok(tag && wt, el.tagName);
    assert.deepEqual(
      tag.attributes.map((a) => a.name),
      el.attributes.map((a) => a.name),
    );
    assert.deepEqual(
      wt.attributes.map((a) => a.name),
      el.attributes.map((a) => a.name),
    );
    assert.deepEqual(
      wt.events.map((e) => [e.name, e.type]),
      el.events.map((e) => [e.name, e.type.text]),
    );
    assert.deepEqual(
      wt.css.parts.map((p) => p.name),
      el.cssParts.map((p) => p.name),
    );
    assert.deepEqual(
      wt.css.properties.map((p) => p.name),
      el.cssProperties.map((p) => p.name),
    );
    for (const e of el.events) assert.match(tag.description, new RegExp(`\`${e.name}\``));
    for (const p of el.cssProperties)
      assert.ok(
        css.properties.some((x) => x.name === p.name),
        p.name,
      );
    for (const p of el.cssParts)
      assert.ok(
        css.pseudoElements.some((x) => x.name === `::part(${p.name})`),
        p.name,
      );
  }
  assert.equal(web.version, read('packages/elements/package.json').version);
});
