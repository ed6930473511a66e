// Helpers of the package tests: pack the workspaces as npm would publish them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** `npm pack --dry-run --json` of a workspace (runs its prepack/postpack scripts): the file list and more. */
export function packDryRun(workspace) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--workspace', workspace], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out)[0];
}

/**
 * A folder with `node_modules/@mpp-kit/{core,elements}` unpacked from real `npm pack` tarballs and
 * every other root dependency linked, as an app that installed the packages from npm sees them.
 */
export function installPacked() {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-packed-'));
  const nm = join(dir, 'node_modules');
  mkdirSync(join(nm, '@mpp-kit'), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== '@mpp-kit' && !name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(nm, name));
  }
  for (const ws of ['core', 'elements']) {
    const [{ filename }] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', dir, '--workspace', `@mpp-kit/${ws}`], { cwd: root, encoding: 'utf8' }),
    );
    mkdirSync(join(nm, '@mpp-kit', ws));
    execFileSync('tar', ['-xzf', join(dir, filename), '-C', join(nm, '@mpp-kit', ws), '--strip-components=1']);
  }
  return dir;
}
