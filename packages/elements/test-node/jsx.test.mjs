// The JSX typings (`@mpp-kit/elements/jsx`, generated from custom-elements.json) make a React 19 +
// TypeScript app type-check against the packed package, and they do reject a wrong attribute type
// and an unknown tag. Needs `npm run build`. Run: node --test packages/elements/test-node/jsx.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPacked, root } from './lib.mjs';

const fixture = new URL('./jsx-fixture/', import.meta.url);
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** Type-checks `app` in an app folder with the packed packages: tsc's exit code and output. */
function check(dir, app) {
  writeFileSync(join(dir, 'app.tsx'), app);
  try {
    return { code: 0, out: execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' }) };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

test('JSX typings from the packed package', async (t) => {
  const dir = installPacked();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(new URL('tsconfig.json', fixture), join(dir, 'tsconfig.json'));
  const app = readFileSync(new URL('app.tsx', fixture), 'utf8');

  await t.test('the packed core resolves to dist/ under every condition (no TypeScript source)', () => {
    const core = JSON.parse(readFileSync(join(dir, 'node_modules/@mpp-kit/core/package.json'), 'utf8'));
    assert.doesNotMatch(JSON.stringify(core.exports), /src\/|(?<!\.d)\.ts"/);
    assert.equal(core.exports['.'].default, './dist/index.js');
  });

  await t.test('a React 19 app type-checks', () => {
    const r = check(dir, app);
    assert.equal(r.code, 0, r.out);
  });
  await t.test('a wrong attribute type fails', () => {
    const r = check(dir, app.replace('theme="dark"', 'theme="purple"'));
    assert.notEqual(r.code, 0);
    assert.match(r.out, /"purple"/);
  });
  await t.test('a wrong event handler type fails', () => {
    const r = check(
      dir,
      app.replace('(e: MppErrorEvent) => console.log(e.detail.code)', '(e: MppErrorEvent) => console.log(e.detail.nope)'),
    );
    assert.notEqual(r.code, 0);
    assert.match(r.out, /nope/);
  });
  await t.test('an unknown tag fails', () => {
    const r = check(dir, app.replace('<mpp-queue-ticket ref', '<mpp-queue-tiket ref'));
    assert.notEqual(r.code, 0);
    assert.match(r.out, /mpp-queue-tiket/);
  });
  await t.test('without the typings the tags are unknown', () => {
    const r = check(dir, app.replace("import type {} from '@mpp-kit/elements/jsx';", ''));
    assert.notEqual(r.code, 0);
    assert.match(r.out, /mpp-service-catalog/);
  });
});
