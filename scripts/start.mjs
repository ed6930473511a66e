// `npm start`: builds what is missing or stale (packages, the docs site), then runs the reference server
// on its embedded database with the Kota Bogor demo, serving the examples and docs.
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { buildIfStale, root, run } from './lib.mjs';
import { siteIsStale } from './docs-sources.mjs';

/**
 * `MPP_NOW=office-hours`: the demo's clock starts at 09:00 in Jakarta on the office's today, or on
 * the next weekday when today is a weekend, and runs on from there. Counters call today's tickets
 * only, as at a real counter, so the live-queue walk-through (book, call next, see the ticket
 * move) needs a clock inside office hours; this gives one at any hour of the day. Holidays are not
 * skipped: on one, pass an ISO instant instead.
 * @param {Date} real
 */
function officeHours(real) {
  const jakarta = new Date(real.getTime() + 7 * 3600_000);
  const d = new Date(Date.UTC(jakarta.getUTCFullYear(), jakarta.getUTCMonth(), jakarta.getUTCDate(), 2, 0, 0));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

if ((await buildIfStale()) !== 0) {
  console.error('The build failed; see above.');
  process.exit(1);
}
if (siteIsStale(root)) {
  console.log('Building the docs site (docs/_site/)…');
  const docs = await run(process.execPath, [join(root, 'scripts/docs.mjs')], { quiet: true });
  // The server still runs without the site: it renders the Markdown guides per request instead.
  if (docs.code !== 0) console.error(`The docs site could not be built; /docs/ serves the Markdown guides instead.\n${docs.out}`);
}
const env = { ...process.env };
if (env.MPP_NOW === 'office-hours') {
  env.MPP_NOW = officeHours(new Date());
  console.log(`Demo clock (MPP_NOW=office-hours): starts at ${env.MPP_NOW}, 09:00 in Jakarta.`);
}
const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', join(root, 'packages/server/src/cli.ts')], {
  stdio: 'inherit',
  cwd: root,
  env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
