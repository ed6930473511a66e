// Pack-time rewrite of a package's package.json (run by npm from the package folder as its
// `prepack` / `postpack` script, so `npm pack` and `npm publish` both see it):
//   node ../../scripts/pack-manifest.mjs strip    drops every export condition that points at
//                                                  TypeScript source (`"development": "./src/index.ts"`)
//   node ../../scripts/pack-manifest.mjs restore  puts the original package.json back
// Inside the monorepo the `development` condition lets tests and the server run core from source
// (`node --conditions=development`); a published package must resolve to `dist/` under every
// condition (a Vite dev server sets `development`). npm has no `publishConfig.exports`, hence this.
// The original is kept beside it as `package.json.orig` (not in `files`, so never packed).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `exports` without the conditions whose target is a `.ts` file (declaration files `.d.ts` stay). */
export function stripSourceConditions(exports) {
  if (typeof exports === 'string' || exports === null) return exports;
  if (Array.isArray(exports)) return exports.map(stripSourceConditions);
  const out = {};
  for (const [key, value] of Object.entries(exports)) {
    if (typeof value === 'string' && /\.(c|m)?ts$/.test(value) && !/\.d\.(c|m)?ts$/.test(value)) continue;
    out[key] = stripSourceConditions(value);
  }
  return out;
}

function main(command, dir) {
  const file = join(dir, 'package.json');
  const orig = `${file}.orig`;
  if (command === 'strip') {
    // A pack that failed half way left the original here: start from it, never from a stripped copy.
    if (existsSync(orig)) renameSync(orig, file);
    const text = readFileSync(file, 'utf8');
    const pkg = JSON.parse(text);
    writeFileSync(orig, text);
    writeFileSync(file, `${JSON.stringify({ ...pkg, exports: stripSourceConditions(pkg.exports) }, null, 2)}\n`);
  } else if (command === 'restore') {
    if (existsSync(orig)) renameSync(orig, file);
  } else {
    console.error('usage: node scripts/pack-manifest.mjs strip|restore  (run from the package folder)');
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv[2], process.cwd());
