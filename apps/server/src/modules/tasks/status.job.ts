/**
 * The status job (ADR 0010): every interval, recomputes the stored statuses whose recheck date has come
 * (status-clock.ts: the changes time alone makes — in progress → overdue, at risk, the next judged period).
 * Several instances may each run it: rows are claimed with SKIP LOCKED (stored-status.ts#refreshDue).
 */
import type { Db } from '../../db/database.ts';
import { refreshDue } from './stored-status.ts';

export interface StatusJobOptions {
  /** Seconds between runs; 0 turns the timer off. */
  intervalSeconds: number;
  log?: (message: string, detail?: unknown) => void;
}

export function startStatusJob(db: Db, opts: StatusJobOptions): () => Promise<void> {
  if (opts.intervalSeconds <= 0) return () => Promise.resolve();
  const log = opts.log ?? ((m: string, d?: unknown) => console.info(m, d ?? ''));
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    const started = performance.now();
    running = refreshDue(db)
      .then((n) => {
        if (n > 0) log('status job ran', { refreshed: n, ms: Math.round(performance.now() - started) });
      })
      .catch((error: unknown) => log('status job failed', error))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 1_000);
  const timer = setInterval(tick, opts.intervalSeconds * 1000);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
