/**
 * Background jobs of a server instance (mail delivery, the escalation sweep): each runs on its own
 * timer every `everyMs` (mail often, so a contact code arrives in seconds; the sweep every minute),
 * once as soon as the runner starts (so a restarted instance catches up at once), and never
 * overlapping itself; `runAll()` runs them all now, in order (tests move the injected clock and
 * call it). Jobs keep no state in memory: what they do is decided from the database, so they
 * survive restarts and several instances may run them side by side (each job claims its rows with
 * `FOR UPDATE SKIP LOCKED`).
 */
import type { Logger } from '../log.js';

export interface Job {
  name: string;
  run(): Promise<unknown>;
  /** How often the job runs, in milliseconds. Default: the runner's `start(everyMs)`. */
  everyMs?: number;
}

export interface JobRunner {
  /** Starts every job's timer (jobs without their own interval run every `everyMs`, default 60 000) and runs each once now. */
  start(everyMs?: number): void;
  /** Runs every job once, in order (each waits for its own run in progress). */
  runAll(): Promise<void>;
  /** Stops the timers; the promise settles when the runs in progress have ended (close the database after it). */
  stop(): Promise<void>;
}

export function createJobRunner(jobs: Job[], logger: Logger): JobRunner {
  const timers: ReturnType<typeof setInterval>[] = [];
  const running = new Map<string, Promise<void>>();
  /** One run of `job` at a time: a slow run delays the next instead of overlapping it. */
  const runOne = async (job: Job): Promise<void> => {
    while (running.has(job.name)) await running.get(job.name);
    const p = (async () => {
      try {
        await job.run();
      } catch (e) {
        logger.error('job_failed', { job: job.name, error: (e as Error).message });
      }
    })();
    running.set(job.name, p);
    try {
      await p;
    } finally {
      running.delete(job.name);
    }
  };
  return {
    start(everyMs = 60_000) {
      if (timers.length) return;
      for (const job of jobs) {
        const t = setInterval(() => void runOne(job), job.everyMs ?? everyMs);
        t.unref?.();
        timers.push(t);
      }
      // The sweep first, then the mail it may have enqueued.
      void (async () => {
        for (const job of jobs) await runOne(job);
      })();
    },
    async runAll() {
      for (const job of jobs) await runOne(job);
    },
    async stop() {
      for (const t of timers.splice(0)) clearInterval(t);
      await Promise.all(running.values());
    },
  };
}
