// Generates the IDE data of @mpp-kit/elements from custom-elements.json (run by its `cem` script):
// dist/vscode.html-custom-data.json and dist/vscode.css-custom-data.json (VS Code custom data) and
// dist/web-types.json (JetBrains), each listing every tag, attribute, event, slot, part and token.
import { readFileSync, writeFileSync } from 'node:fs';
import { elementsDir, readManifest } from './manifest-lib.mjs';

const dir = process.argv[2] ?? elementsDir;
const { elements } = readManifest(dir);
const pkg = JSON.parse(readFileSync(`${dir}package.json`, 'utf8'));
const write = (name, data) => writeFileSync(`${dir}dist/${name}`, `${JSON.stringify(data, null, 2)}\n`);

/** `'a' | 'b' | null` → ['a', 'b'] (the literal values of a union type), else []. */
const literals = (type) => {
  const parts = (type ?? '').split('|').map((s) => s.trim());
  const values = parts.filter((s) => /^'[^']*'$/.test(s)).map((s) => s.slice(1, -1));
  return values.length && parts.every((s) => /^'[^']*'$/.test(s) || s === 'null' || s === 'undefined') ? values : [];
};
const describe = (el) =>
  [
    el.summary ?? el.description ?? '',
    el.events?.length ? `Events: ${el.events.map((e) => `\`${e.name}\``).join(', ')}.` : '',
    el.slots?.length ? `Slots: ${el.slots.map((s) => `\`${s.name || '(default)'}\``).join(', ')}.` : '',
    el.cssParts?.length ? `Parts: ${el.cssParts.map((p) => `\`${p.name}\``).join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');

write('vscode.html-custom-data.json', {
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: describe(el),
    attributes: (el.attributes ?? []).map((a) => {
      const values = literals(a.type?.text);
      return { name: a.name, description: a.description ?? '', ...(values.length ? { values: values.map((name) => ({ name })) } : {}) };
    }),
  })),
});

const cssProps = new Map();
for (const el of elements) for (const p of el.cssProperties ?? []) if (!cssProps.has(p.name)) cssProps.set(p.name, p);
const parts = new Map();
for (const el of elements) for (const p of el.cssParts ?? []) parts.set(p.name, [...(parts.get(p.name) ?? []), el.tagName]);
write('vscode.css-custom-data.json', {
  version: 1.1,
  properties: [...cssProps.values()].map((p) => ({
    name: p.name,
    description: [p.description, p.default ? `Default: \`${p.default}\`.` : ''].filter(Boolean).join(' '),
  })),
  pseudoElements: [...parts].map(([name, tags]) => ({
    name: `::part(${name})`,
    description: `Part \`${name}\` of ${tags.map((t) => `<${t}>`).join(', ')}.`,
  })),
});

write('web-types.json', {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: el.summary ?? el.description ?? '',
        source: { module: `${pkg.name}`, symbol: el.name },
        attributes: (el.attributes ?? []).map((a) => ({
          name: a.name,
          description: a.description ?? '',
          value: { type: a.type?.text ?? 'string', required: false },
        })),
        events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '', type: e.type?.text })),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        css: {
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
});
console.log(`IDE data: ${elements.length} elements, ${cssProps.size} CSS properties, ${parts.size} parts`);
