// `npm start`: builds what is missing or stale (packages, API docs), then runs the reference server
// on its embedded database with the Kota Bogor demo, serving the examples and docs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { buildIfStale, root, run } from './lib.mjs';

if ((await buildIfStale()) !== 0) {
  console.error('The build failed; see above.');
  process.exit(1);
}
if (!existsSync(join(root, 'docs/api/index.html'))) {
  console.log('Generating the SDK API docs (typedoc)…');
  await run('npm', ['run', 'docs', '--silent'], { quiet: true });
}
const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', join(root, 'packages/server/src/cli.ts')], {
  stdio: 'inherit',
  cwd: root,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
