// @ts-check
// Element tests in Debian's Chromium against a real mpp-kit server (PGlite, Bogor demo seed) that
// this config starts for the run, plus a loopback proxy the tests can switch "down" to see the
// widgets' offline and retry paths, and a real SMTP server (smtp-server, in process) the server's mail
// job delivers to: `/__mpp-mail/last?to=<address>` answers the last mail to that address, so a test
// reads the e-mail code the way a citizen does.
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { nextWeekdayNine } from '../../scripts/test-clock.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { startSmtpCatcher } from '../../scripts/smtp-catcher.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const executablePath = CHROMIUM_PATH;
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}. Install it with "apt-get install -y chromium" or set CHROME_PATH.`);
  process.exit(1);
}

const SERVER_NOW = nextWeekdayNine();
const ADMIN_TOKEN = `test-admin-${Math.random().toString(36).slice(2)}`;
const MAIL_FROM = 'Si Badra <sibadra@demo.mpp-kit.id>';

/**
 * Sends `signal` to `child` and waits for its 'exit' event, at most `ms`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 * @param {number} ms
 * @returns {Promise<boolean>} whether it has exited
 */
function stopped(child, signal, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
    child.kill(signal);
  });
}

/** Starts the real server as a child process and a switchable proxy in front of it. */
function mppServerPlugin() {
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  /** @type {import('node:http').Server | null} */
  let proxy = null;
  let apiUrl = '';
  let proxyUrl = '';
  let down = false;
  /** @type {import('../../scripts/smtp-catcher.d.mts').SmtpCatcher | null} */
  let smtp = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'mpp-wtr-'));
  return {
    name: 'mpp-server',
    async serverStart() {
      smtp = await startSmtpCatcher();
      child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', join(root, 'packages/server/src/cli.ts')], {
        env: {
          ...process.env,
          PORT: '0',
          DATA_DIR: dataDir,
          SERVE_DEMO: '0',
          MPP_BANNER: '0',
          DATABASE_URL: '',
          MPP_NOW: SERVER_NOW,
          MPP_ADMIN_TOKEN: ADMIN_TOKEN,
          MAIL_URL: smtp.url,
          MAIL_FROM,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      apiUrl = await new Promise((resolve, reject) => {
        let buf = '';
        const timer = setTimeout(() => reject(new Error('mpp server did not start within 60 s')), 60_000);
        child?.on('exit', (code) => reject(new Error(`mpp server exited with ${code}`)));
        child?.stdout?.on('data', (d) => {
          buf += d;
          for (const line of buf.split('\n')) {
            if (line.includes('"listening"')) {
              clearTimeout(timer);
              resolve(JSON.parse(line).url);
            }
          }
        });
      });
      const target = new URL(apiUrl);
      proxy = createServer((req, res) => {
        if (down) return req.socket.destroy();
        const fwd = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        fwd.on('error', () => req.socket.destroy());
        req.pipe(fwd);
      });
      await new Promise((r) => proxy?.listen(0, '127.0.0.1', () => r(null)));
      const addr = /** @type {import('node:net').AddressInfo} */ (proxy.address());
      proxyUrl = `http://127.0.0.1:${addr.port}`;
    },
    async serverStop() {
      proxy?.close();
      // The data folder goes once the server has exited: PGlite still closes its files after
      // SIGTERM, and a folder removed under it ends the run with an ENOENT stack. SIGKILL after 10 s.
      if (child && !(await stopped(child, 'SIGTERM', 10_000))) await stopped(child, 'SIGKILL', 2_000);
      child = null;
      await smtp?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    /** @param {{ path: string, query: Record<string, string | string[] | undefined> }} context */
    serve(context) {
      if (context.path === '/__mpp-mail/last') {
        // The last mail to `to` and how many that address has had (a test waits for a new one).
        const to = String(context.query.to ?? '').toLowerCase();
        const list = (smtp?.mails ?? []).filter((m) => m.to.split(',').includes(to));
        const last = list[list.length - 1];
        return {
          body: JSON.stringify(last ? { subject: last.subject, text: last.text, count: list.length } : { count: 0 }),
          type: 'json',
        };
      }
      if (context.path === '/__mpp-test-env.js') {
        return {
          body: `export const API = ${JSON.stringify(apiUrl + '/api/v1/')};\nexport const PROXY_API = ${JSON.stringify(proxyUrl + '/api/v1/')};\nexport const DEAD_API = 'http://127.0.0.1:9/api/v1/';\nexport const ADMIN_TOKEN = ${JSON.stringify(ADMIN_TOKEN)};\nexport const SERVER_NOW = ${JSON.stringify(SERVER_NOW)};\n`,
          type: 'js',
        };
      }
      if (context.path === '/__mpp-proxy/down') {
        down = true;
        return { body: 'down', type: 'txt' };
      }
      if (context.path === '/__mpp-proxy/up') {
        down = false;
        return { body: 'up', type: 'txt' };
      }
      return undefined;
    },
  };
}

/** Plain 'N passed, N failed, N skipped' line at the very end, for CI log parsers. */
function countReporter() {
  return {
    /** @param {any} arg */
    stop({ sessions }) {
      const c = { passed: 0, failed: 0, skipped: 0 };
      /** @param {any} s */
      const walk = (s) => {
        for (const t of s.tests) c[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed']++;
        s.suites.forEach(walk);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (!s.passed && !s.testResults?.tests.length && !s.testResults?.suites.length) c.failed++;
      }
      process.once('exit', () => process.stdout.write(`${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped\n`));
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: root,
  files: [fileURLToPath(new URL('./test/**/*.test.ts', import.meta.url))],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    mppServerPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 90_000,
  testsFinishTimeout: 300_000,
  reporters: [defaultReporter(), countReporter()],
  testFramework: { config: { timeout: 20_000 } },
};
