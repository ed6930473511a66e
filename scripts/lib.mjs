import { spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './chromium.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs a command with inherited stdio, tee-ing output so callers can read the closing counts. */
export function run(cmd, args, { env = {}, cwd = root, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      if (!quiet) process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Newest modification time under a folder (skipping node_modules and dist). */
export function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the packages when the CDN bundle is missing or older than any source file. */
export async function buildIfStale() {
  const bundle = join(root, 'packages/elements/dist/cdn/mpp-kit.js');
  const src = Math.max(
    newest(join(root, 'packages/core/src')),
    newest(join(root, 'packages/elements/src')),
    statSync(join(root, 'rollup.config.mjs')).mtimeMs,
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= src) {
    // The PGlite template lives in node_modules/.cache: a fresh `npm ci` removes it.
    const t = await run(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', join(root, 'packages/server/src/db/template-cli.ts')],
      { quiet: true },
    );
    return t.code;
  }
  console.log('Building @mpp-kit/core and @mpp-kit/elements…');
  const r = await run('npm', ['run', 'build', '--silent']);
  return r.code;
}

export function findChromium() {
  return existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : null;
}
