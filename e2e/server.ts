// Starts the real server the way `npm start` does (the CLI), on a fresh PGlite folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts the CLI on a fresh data folder, or on `dataDir` of an earlier run (a restart). */
export async function startCli(
  env: Record<string, string> = {},
  dataDir: string = mkdtempSync(join(tmpdir(), 'mpp-e2e-')),
): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
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
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Chromium's fake camera (a moving test pattern) granted without a prompt. */
export const FAKE_CAMERA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** Stops a server from `startCli` and removes its data folder once it has closed its database. */
export async function stopCli(server: Awaited<ReturnType<typeof startCli>> | undefined, keepData = false): Promise<void> {
  if (!server) return;
  if (server.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
  }
  if (!keepData) {
    rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(`${server.dataDir}-photos`, { recursive: true, force: true });
  }
}
