// Reads packages/elements/custom-elements.json for the generators of the typings and IDE data.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const elementsDir = fileURLToPath(new URL('../packages/elements/', import.meta.url));

/** The manifest, its tagged elements (with their module path) and where each class is declared. */
export function readManifest(dir = elementsDir) {
  const manifest = JSON.parse(readFileSync(`${dir}custom-elements.json`, 'utf8'));
  const classModule = new Map();
  const elements = [];
  for (const m of manifest.modules) {
    for (const d of m.declarations ?? []) {
      if (d.kind !== 'class') continue;
      if (!classModule.has(d.name)) classModule.set(d.name, m.path);
      if (d.customElement && d.tagName) elements.push({ ...d, modulePath: m.path });
    }
  }
  elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
  return { manifest, elements, classModule };
}

/** Public fields a page may set: not static, not read-only, not private or protected. */
export const settableFields = (el) =>
  (el.members ?? []).filter((x) => x.kind === 'field' && !x.static && !x.readonly && !x.privacy && !x.name.startsWith('#'));
