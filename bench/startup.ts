// Server start on PGlite: cold (new data folder: initdb, migrations, Bogor seed) and warm (same
// folder again), through the server's command line as `npm start` runs it. Broken when the server
// exits, does not report listening within a minute, or does not answer /healthz.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SectionResult } from './rows.js';
import { SERVER_CLI } from './server.js';

const LISTEN_TIMEOUT_MS = 60_000;

async function startOnce(dataDir: string, secret: string): Promise<{ wallMs: number; serverMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', fileURLToPath(SERVER_CLI)], {
    // A deployment secret as production has one (outside demo mode the server needs it).
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, MPP_BANNER: '0', SERVE_DEMO: '0', DATABASE_URL: '', MPP_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const { serverMs, url } = await new Promise<{ serverMs: number; url: string }>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`server not listening after ${LISTEN_TIMEOUT_MS} ms`)), LISTEN_TIMEOUT_MS);
      child.on('exit', (c) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${c} before listening`));
      });
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const line = buf.split('\n').find((l) => l.includes('"listening"'));
        if (!line) return;
        clearTimeout(timer);
        const m = JSON.parse(line) as { startupMs: number; url: string };
        resolve({ serverMs: m.startupMs, url: m.url });
      });
    });
    const wallMs = performance.now() - t0;
    const health = await fetch(`${url}/healthz`);
    if (health.status !== 200) throw new Error(`/healthz answered HTTP ${health.status}`);
    return { wallMs, serverMs };
  } finally {
    child.removeAllListeners('exit');
    if (child.exitCode === null)
      await new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      });
  }
}

export async function benchStartup(): Promise<SectionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-bench-start-'));
  const secret = randomBytes(32).toString('base64url');
  try {
    const cold = await startOnce(dir, secret);
    const warm = await startOnce(dir, secret);
    const figures = {
      'server.pglite.cold_start_ms': Math.round(cold.wallMs),
      'server.pglite.cold_start_in_process_ms': cold.serverMs,
      'server.pglite.warm_start_ms': Math.round(warm.wallMs),
    };
    return {
      figures,
      notes: [],
      broken: [],
      rows: [
        {
          name: 'server cold start on PGlite (new data dir, process spawn → listening)',
          value: figures['server.pglite.cold_start_ms'],
          unit: 'ms',
        },
        {
          name: '  of which in-process (open, migrate, seed, listen)',
          value: figures['server.pglite.cold_start_in_process_ms'],
          unit: 'ms',
        },
        { name: 'server warm start on PGlite (existing data dir)', value: figures['server.pglite.warm_start_ms'], unit: 'ms' },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
