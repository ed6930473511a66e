// `npm test`: the whole suite. Type check and lint, core unit/property tests, server tests on PGlite
// and on PostgreSQL, element tests in Chromium against a real server, and the end-to-end test of the
// examples. Prints one closing line: "N passed, N failed, N skipped".
import { buildIfStale, findChromium, run } from './lib.mjs';
import { CHROMIUM_PATH } from './chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(
    `\nChromium was not found at ${CHROMIUM_PATH}.\nInstall Debian's Chromium (as root): apt-get install -y chromium\nor point CHROME_PATH at a Chromium binary. Test tools never download a browser.\n`,
  );
  process.exit(1);
}
const env = { CHROME_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1' };
const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

/** Reads the counts of node's test runner (spec or tap) or of our WTR reporter from a step's output. */
function counts(out) {
  // eslint-disable-next-line no-control-regex -- strips ANSI colours
  const clean = out.replace(/\x1b\[[0-9;]*m/g, '');
  const num = (re) => {
    const all = [...clean.matchAll(re)];
    return all.length ? Number(all[all.length - 1][1]) : null;
  };
  const plain = [...clean.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/gm)].pop();
  if (plain) return { passed: +plain[1], failed: +plain[2], skipped: +(plain[3] ?? 0) };
  const pass = num(/^(?:ℹ|#) pass (\d+)/gm);
  if (pass === null) return null;
  return {
    passed: pass,
    failed: num(/^(?:ℹ|#) fail (\d+)/gm) ?? 0,
    skipped: (num(/^(?:ℹ|#) skipped (\d+)/gm) ?? 0) + (num(/^(?:ℹ|#) todo (\d+)/gm) ?? 0),
  };
}

/**
 * Runs one step and counts its results. `together` steps run side by side (the machine has two
 * cores and these are single-threaded or wait on a database): their output is held and printed
 * whole when each ends, so the log stays readable.
 */
async function step(name, cmd, args, extraEnv = {}, together = false) {
  if (only.length && !only.some((o) => name.includes(o))) return;
  if (!together) console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const { code, out } = await run(cmd, args, { env: { ...env, ...extraEnv }, quiet: together });
  if (together) console.log(`\n━━ ${name} ━━\n${out}`);
  const c = counts(out) ?? (code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });
  if (code !== 0 && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  if (code !== 0) failures.push(name);
  console.log(
    `── ${name}: ${code === 0 ? 'ok' : 'FAILED'} (${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

const t0 = Date.now();
if ((await buildIfStale()) !== 0) {
  console.error('The build failed.');
  process.exit(1);
}
await Promise.all([
  step('typecheck', 'npm', ['run', 'typecheck', '--silent'], {}, true),
  step('lint', 'npm', ['run', 'lint', '--silent'], {}, true),
]);
await step('core', 'npm', ['test', '--workspace', '@mpp-kit/core', '--silent']);
// The server tests on PGlite (in process) and on PostgreSQL (its own server process) side by side.
const pglite = step(
  'server (PGlite)',
  'npm',
  ['test', '--workspace', '@mpp-kit/server', '--silent'],
  { MPP_TEST_DB: 'pglite' },
  !!process.env.TEST_DATABASE_URL,
);
if (process.env.TEST_DATABASE_URL) {
  await Promise.all([
    pglite,
    step('server (PostgreSQL)', 'npm', ['test', '--workspace', '@mpp-kit/server', '--silent'], { MPP_TEST_DB: 'postgres' }, true),
  ]);
} else if (process.env.CI) {
  await pglite;
  console.error('\nCI needs TEST_DATABASE_URL for the PostgreSQL server tests (.ci/run starts one).');
  failures.push('server (PostgreSQL): TEST_DATABASE_URL not set');
  totals.failed++;
} else {
  await pglite;
  console.log('\n(server tests on PostgreSQL skipped: set TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/postgres to run them)');
  totals.skipped++;
}
await step('elements (Chromium)', 'npm', ['test', '--workspace', '@mpp-kit/elements', '--silent']);
// The packages as published: each tarball's file list, maps, manifest and IDE data, and a React 19 app
// type-checked against the packed typings. One file at a time: both pack core, whose package.json is
// rewritten while it packs.
await step('packages (npm pack)', process.execPath, [
  '--test',
  '--test-concurrency=1',
  'packages/elements/test-node/package.test.mjs',
  'packages/elements/test-node/jsx.test.mjs',
]);
await step('end to end (playwright-core)', process.execPath, [
  '--conditions=development',
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  'e2e/agency-site.test.ts',
  'e2e/booking.test.ts',
  'e2e/ticket.test.ts',
  'e2e/layout.test.ts',
  'e2e/national.test.ts',
  'e2e/csp.test.ts',
  'e2e/embed.test.ts',
  'e2e/kelurahan-portal.test.ts',
  'e2e/configurator.test.ts',
  'e2e/docs.test.ts',
  'e2e/react.test.ts',
  'e2e/city-portal.test.ts',
  'e2e/si-badra.test.ts',
  'e2e/hosts.test.ts',
]);

console.log(`\nWhole suite in ${((Date.now() - t0) / 1000).toFixed(0)} s${failures.length ? `; failed: ${failures.join(', ')}` : ''}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
