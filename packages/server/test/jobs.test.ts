// The job runner: each job on its own interval, once at start, never overlapping itself, and stop()
// waits for the runs in progress (so the database is closed after them).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createJobRunner } from '../src/jobs/runner.js';
import { createLogger } from '../src/log.js';

const logger = createLogger(() => undefined);

describe('job runner', () => {
  it('runs each job once at start, then on its own interval, one run at a time, and stop() waits for a run in progress', async () => {
    const log: string[] = [];
    let inFast = 0;
    let overlap = false;
    let slowDone = false;
    const runner = createJobRunner(
      [
        {
          name: 'slow',
          run: async () => {
            log.push('slow');
            await sleep(150);
            slowDone = true;
          },
        },
        {
          name: 'fast',
          everyMs: 20,
          run: async () => {
            if (inFast++) overlap = true;
            log.push('fast');
            await sleep(30);
            inFast--;
          },
        },
      ],
      logger,
    );
    runner.start(10_000);
    await sleep(60);
    // The slow job started at once (not after 10 s) and the fast one runs on its own 20 ms timer meanwhile.
    assert.equal(log[0], 'slow');
    assert.ok(log.filter((l) => l === 'fast').length >= 1);
    await runner.stop();
    assert.equal(slowDone, true, 'stop() waited for the slow run');
    assert.equal(overlap, false, 'a job never overlaps itself');
    const after = log.length;
    await sleep(80);
    assert.equal(log.length, after, 'no run after stop()');
  });

  it('a failing job is logged and does not stop the others', async () => {
    const lines: string[] = [];
    const ran: string[] = [];
    const runner = createJobRunner(
      [
        { name: 'bad', run: async () => Promise.reject(new Error('boom')) },
        { name: 'good', run: async () => void ran.push('good') },
      ],
      createLogger((l) => void lines.push(l)),
    );
    await runner.runAll();
    assert.deepEqual(ran, ['good']);
    assert.ok(lines.some((l) => l.includes('job_failed') && l.includes('boom')));
  });
});
