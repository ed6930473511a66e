// Starts the real server the way `npm start` does (the CLI), on a fresh PGlite folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function startCli(env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mpp-e2e-'));
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', join(root, 'packages/server/src/cli.ts')], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, MPP_BANNER: '0', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
    child.on('exit', (c) => reject(new Error(`server exited with ${c}`)));
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
  });
  return { url, child, dataDir };
}

/** Debian's Chromium (CHROME_PATH or /usr/bin/chromium); never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Stops a server from `startCli` and removes its data folder once it has closed its database. */
export async function stopCli(server: Awaited<ReturnType<typeof startCli>> | undefined): Promise<void> {
  if (!server) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(server.dataDir, { recursive: true, force: true });
}
