// Configuration of the Custom Elements Manifest analyzer (`npm run cem`, run by `npm run build` after
// rollup). The analyzer reads the JSDoc of `src/**/*.ts`; the plugin below completes what it leaves
// out, so `custom-elements.json` describes the package as it is published:
// - every module path points at the shipped `dist/**/*.js` file (never at `src/*.ts`), and modules
//   that emit no JavaScript (type-only ones) are left out;
// - every event has a name and a type: the unnamed entries the analyzer makes from
//   `dispatchEvent(new XEvent())` go, and each named event gets the class whose `static type` is its
//   name (`mpp-error` → `MppErrorEvent`);
// - each `--mpp-*` colour token that has a dark-scheme twin in `src/shared/theme.ts`
//   (`var(--mpp-color-text-dark, #e3e3e6)`) is listed beside it with its default;
// - each element's `define` module carries a `custom-element-definition` export for its tag.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { posix } from 'node:path';

const pkgDir = fileURLToPath(new URL('.', import.meta.url));
const THEME = 'src/shared/theme.ts';

/** `src/a/b.ts` → `dist/a/b.js`; anything else unchanged. */
const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/** A declaration's `module` as a package path: relative ones (`./x.js`) resolve against the module that holds them. */
const resolveRef = (from, ref) => {
  if (!ref) return ref;
  if (ref.startsWith('.')) return posix.normalize(posix.join(posix.dirname(from), ref)).replace(/^src\//, 'dist/');
  return toDist(ref);
};

/** Dark-scheme tokens in theme.ts: `--mpp-color-text-dark` → its default value. */
function darkTokens() {
  const src = readFileSync(new URL(THEME, `file://${pkgDir}`), 'utf8');
  return new Map([...src.matchAll(/var\((--mpp-[\w-]+-dark),\s*([^)]+)\)/g)].map((m) => [m[1], m[2].trim()]));
}

function publishedManifest() {
  return {
    name: 'mpp-kit-published-manifest',
    packageLinkPhase({ customElementsManifest: cem }) {
      if (!existsSync(`${pkgDir}dist/index.js`)) {
        throw new Error('custom-elements.json points at dist/: run rollup (npm run build) before the analyzer');
      }
      const classes = cem.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class'));
      /** Event name → event class, from each class's `static readonly type = 'mpp-…'`. */
      const eventClass = new Map();
      for (const c of classes) {
        const type = c.members?.find((x) => x.static && x.name === 'type' && x.kind === 'field');
        const name = /^'([\w-]+)'$/.exec(type?.default ?? '')?.[1];
        if (name && c.superclass && /Event$/.test(c.superclass.name)) eventClass.set(name, c.name);
      }
      const dark = darkTokens();
      const tags = new Map();
      for (const c of classes) {
        if (!c.customElement) continue;
        if (c.tagName) tags.set(c.tagName, c.name);
        c.events = (c.events ?? []).filter((e) => e.name);
        for (const e of c.events) {
          const cls = eventClass.get(e.name);
          if (!cls) throw new Error(`<${c.tagName ?? c.name}> fires "${e.name}", but no event class has static type '${e.name}'`);
          e.type = { text: cls };
        }
        const props = c.cssProperties ?? [];
        const have = new Set(props.map((p) => p.name));
        for (const p of [...props]) {
          const twin = `${p.name}-dark`;
          if (!dark.has(twin) || have.has(twin)) continue;
          props.push({
            name: twin,
            description: `${p.description ?? p.name} In the dark scheme (\`theme="dark"\`, or \`theme="auto"\` on a dark page).`,
            default: dark.get(twin),
          });
          have.add(twin);
        }
        const unused = [...dark.keys()].filter((t) => have.has(t.replace(/-dark$/, '')) && !have.has(t));
        if (unused.length) throw new Error(`${c.name}: dark tokens without a light twin: ${unused}`);
      }

      cem.modules = cem.modules.filter((m) => existsSync(`${pkgDir}${toDist(m.path)}`));
      for (const m of cem.modules) {
        const from = m.path;
        m.path = toDist(from);
        const fix = (ref) => {
          if (ref?.module) ref.module = resolveRef(from, ref.module);
        };
        for (const d of m.declarations ?? []) {
          fix(d.superclass);
          for (const key of ['members', 'attributes', 'events', 'cssProperties', 'cssParts', 'slots']) {
            for (const x of d[key] ?? []) fix(x.inheritedFrom);
          }
        }
        // `customElements.define(tag, ctor)` inside the shared helper is no definition of a real tag.
        m.exports = (m.exports ?? []).filter((e) => e.kind !== 'custom-element-definition');
        for (const e of m.exports) fix(e.declaration);
        const define = /^src\/([\w-]+)\/define\.ts$/.exec(from);
        if (define && tags.has(define[1])) {
          const tag = define[1];
          m.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: tags.get(tag), module: `dist/${tag}/${tag}.js` },
          });
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [publishedManifest()],
};
