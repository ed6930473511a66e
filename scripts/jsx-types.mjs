// Generates `packages/elements/dist/jsx.d.ts` (+ an empty `dist/jsx.js`) from custom-elements.json:
// JSX typings for React 19 (`@mpp-kit/elements/jsx`), run by the elements package's `cem` script.
// Each tag accepts its attributes (kebab-case, typed as the property behind them), its settable
// properties (camelCase, React 19 sets them as properties) and `on<event>` handlers typed with the
// event class (React 19 adds a listener for the name after `on`: `onmpp-booking-created`).
// `MppKitElements` (tag → props) is exported for other JSX runtimes (Preact, Solid) to reuse.
import { writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { elementsDir, readManifest, settableFields } from './manifest-lib.mjs';

const dir = process.argv[2] ?? elementsDir;
const { elements, classModule } = readManifest(dir);
const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
const spec = (path) => `./${posix.relative('dist', path)}`;
const doc = (text) => (text ? `  /** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

const imports = new Map();
const use = (name) => {
  const mod = classModule.get(name);
  if (!mod) throw new Error(`custom-elements.json declares no class ${name}`);
  imports.set(name, spec(mod));
  return name;
};

const blocks = elements.map((el) => {
  const cls = use(el.name);
  const lines = [];
  const seen = new Set();
  for (const a of el.attributes ?? []) {
    seen.add(a.name);
    const type = a.fieldName ? `${cls}[${JSON.stringify(a.fieldName)}]` : (a.type?.text ?? 'string');
    lines.push(`${doc(a.description)}  ${key(a.name)}?: ${type};`);
  }
  for (const f of settableFields(el)) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    lines.push(`${doc(f.description)}  ${key(f.name)}?: ${cls}[${JSON.stringify(f.name)}];`);
  }
  for (const e of el.events ?? []) {
    lines.push(`${doc(e.description)}  ${key(`on${e.name}`)}?: (event: ${use(e.type.text)}) => void;`);
  }
  const iface = `${el.name}JsxProps`;
  return {
    el,
    iface,
    text:
      `/** \`<${el.tagName}>\`: ${el.summary ?? el.description ?? ''}`.replace(/\s*\n\s*/g, ' ') +
      ` */\nexport interface ${iface} {\n${lines.join('\n')}\n}\n`,
  };
});

const byModule = new Map();
for (const [name, mod] of imports) byModule.set(mod, [...(byModule.get(mod) ?? []), name]);
const out = [
  '// Generated from custom-elements.json by scripts/jsx-types.mjs. Do not edit.',
  "// Use: `import type {} from '@mpp-kit/elements/jsx';` once in a React 19 + TypeScript app.",
  "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
  ...[...byModule].sort().map(([mod, names]) => `import type { ${names.sort().join(', ')} } from '${mod}';`),
  '',
  ...blocks.map((b) => b.text),
  '/** Every mpp-kit tag and its own props, for any JSX runtime. */',
  'export interface MppKitElements {',
  ...blocks.map((b) => `  '${b.el.tagName}': ${b.iface};`),
  '}',
  '',
  "declare module 'react' {",
  '  namespace JSX {',
  '    interface IntrinsicElements {',
  ...blocks.map((b) => `      '${b.el.tagName}': DetailedHTMLProps<HTMLAttributes<${b.el.name}>, ${b.el.name}> & ${b.iface};`),
  '    }',
  '  }',
  '}',
  '',
].join('\n');
writeFileSync(`${dir}dist/jsx.d.ts`, out);
writeFileSync(`${dir}dist/jsx.js`, '// Types only: see jsx.d.ts.\nexport {};\n');
console.log(`dist/jsx.d.ts: ${elements.map((e) => `<${e.tagName}>`).join(' ')}`);
