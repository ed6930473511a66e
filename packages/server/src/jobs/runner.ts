/**
 * Background jobs of a server instance (mail delivery, the escalation sweep): each runs every
 * `everyMs` on a timer, one run at a time, and `runAll()` runs them now (tests move the injected
 * clock and call it). Jobs keep no state in memory: what they do is decided from the database, so
 * they survive restarts and several instances may run them side by side (each job claims its rows
 * with `FOR UPDATE SKIP LOCKED`).
 */
import type { Logger } from '../log.js';

export interface Job {
  name: string;
  run(): Promise<unknown>;
}

export interface JobRunner {
  start(everyMs?: number): void;
  /** Runs every job once, in order. */
  runAll(): Promise<void>;
  stop(): void;
}

export function createJobRunner(jobs: Job[], logger: Logger): JobRunner {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;
  const runAll = async () => {
    // One pass at a time: a slow pass delays the next instead of overlapping it.
    while (running) await running;
    running = (async () => {
      for (const job of jobs) {
        try {
          await job.run();
        } catch (e) {
          logger.error('job_failed', { job: job.name, error: (e as Error).message });
        }
      }
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };
  return {
    start(everyMs = 60_000) {
      if (timer) return;
      timer = setInterval(() => void runAll(), everyMs);
      timer.unref?.();
    },
    runAll,
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
