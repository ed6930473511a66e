// Server start on PGlite: cold (new data folder: initdb, migrations, Bogor seed) and warm (same folder again).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

async function startOnce(dataDir: string): Promise<{ wallMs: number; serverMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', join(root, 'packages/server/src/cli.ts')], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, MPP_BANNER: '0', SERVE_DEMO: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const serverMs = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.on('exit', (c) => reject(new Error(`server exited ${c}`)));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"listening"'));
      if (line) resolve((JSON.parse(line) as { startupMs: number }).startupMs);
    });
  });
  const wallMs = performance.now() - t0;
  child.removeAllListeners('exit');
  await new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });
  return { wallMs, serverMs };
}

export async function benchStartup() {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-bench-start-'));
  try {
    const cold = await startOnce(dir);
    const warm = await startOnce(dir);
    const figures = {
      'server.pglite.cold_start_ms': Math.round(cold.wallMs),
      'server.pglite.cold_start_in_process_ms': cold.serverMs,
      'server.pglite.warm_start_ms': Math.round(warm.wallMs),
    };
    return {
      figures,
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
