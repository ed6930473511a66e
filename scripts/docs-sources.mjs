// What the docs site (`scripts/docs.mjs`) is built from, and whether a built site is older than it.
// Shared by the build and by `npm start`, which rebuilds a missing or stale site before serving it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The built site, relative to the repository root (gitignored). */
export const SITE_DIR = 'docs/_site';

/**
 * The files and folders the site is made from, relative to the repository root: the Markdown
 * guides and the configurator in docs/ (not the built site nor an old typedoc folder), the element
 * manifest, the OpenAPI document, the SDK source typedoc reads, and the build scripts themselves.
 */
export const SITE_SOURCES = [
  'docs',
  'packages/elements/custom-elements.json',
  'packages/core/src',
  'typedoc.json',
  'scripts/docs.mjs',
  'scripts/docs-sources.mjs',
];

/** Built output inside docs/: the site (and a build's temporary folder beside it), an old typedoc folder. */
const isOutput = (root, path) => {
  const rel = relative(join(root, 'docs'), path);
  return rel === 'api' || rel.startsWith('_site');
};

/** Newest modification time of a file, or of any file under a folder (skipping built output). */
function newestUnder(root, path) {
  if (!existsSync(path) || isOutput(root, path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path, { withFileTypes: true }))
    if (e.name !== 'node_modules' && !e.name.startsWith('.')) t = Math.max(t, newestUnder(root, join(path, e.name)));
  return t;
}

/** The newest modification time among the site's sources. */
export function newestSource(root) {
  return Math.max(...SITE_SOURCES.map((p) => newestUnder(root, join(root, p))));
}

/** True when the site is missing or any of its sources changed after it was built. */
export function siteIsStale(root) {
  const stamp = join(root, SITE_DIR, 'index.html');
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource(root);
}
