// `npm run bench [-- --smoke] [section…]`: builds if needed, then runs bench/index.ts (sizes, search vs
// Fuse.js, server start, booking rush, SSE watchers). `--smoke` is the brief run CI does.
import { buildIfStale, findChromium, run } from './lib.mjs';

if (!findChromium()) {
  console.error('The search benchmark runs in Chromium: apt-get install -y chromium (or set CHROME_PATH).');
  process.exit(1);
}
if ((await buildIfStale()) !== 0) process.exit(1);
const r = await run(process.execPath, ['--conditions=development', '--import', 'tsx', 'bench/index.ts', ...process.argv.slice(2)]);
process.exit(r.code);
