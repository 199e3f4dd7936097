import { onEventsRecorded } from '../events/index.ts';
import { todayVn } from '../tasks/index.ts';
import type { ReminderJob } from './reminders.job.ts';

export interface SchedulerOptions {
  /** Minutes between runs; 0 turns the timer off. */
  intervalMinutes: number;
  /** Delay of the first run after start (default 30 s, so startup is not slowed down). */
  firstRunDelayMs?: number;
  log?: (message: string, detail?: unknown) => void;
}

const defaultLog = (m: string, d?: unknown) => console.info(m, d ?? '');

/**
 * Runs `work` on a timer, one run at a time per instance; `kick()` asks for a run soon (coalesced).
 * Returns the kick and a stop function that waits for the run in flight.
 */
function timer(
  work: () => Promise<unknown>,
  intervalMs: number,
  firstDelayMs: number,
  onError: (error: unknown) => void,
) {
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    if (running) {
      again = true; // run once more after the current one: it may have missed what kicked us
      return;
    }
    running = work()
      .catch(onError)
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          tick();
        }
      });
  };
  const first = setTimeout(tick, firstDelayMs);
  const every = setInterval(tick, intervalMs);
  first.unref();
  every.unref();
  return {
    kick: tick,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}

/**
 * Runs the reminder job for today's Vietnamese date every interval. Several instances may each run a
 * timer: the job's run claim (job_run) lets one of them do a given day's run. Returns `stop()`.
 */
export function startReminderScheduler(job: ReminderJob, opts: SchedulerOptions): () => Promise<void> {
  if (opts.intervalMinutes <= 0) return () => Promise.resolve();
  const log = opts.log ?? defaultLog;
  const t = timer(
    async () => {
      const r = await job.runReminders(todayVn());
      if (r.ran)
        log('reminder job ran', {
          asOf: r.asOf,
          created: r.created,
          emailsSent: r.emailsSent,
          ms: r.durationMs,
        });
    },
    opts.intervalMinutes * 60_000,
    opts.firstRunDelayMs ?? 30_000,
    (error) => log('reminder job failed', error),
  );
  return t.stop;
}

/**
 * Runs the event/outbox dispatcher every `intervalMs`, and ~100 ms after events were recorded in this
 * process (after their transaction committed, in the usual case; the timer catches the rest). Every
 * instance runs one: the claims (FOR UPDATE SKIP LOCKED + lease) share the work. Returns `stop()`.
 */
export function startDispatchScheduler(
  dispatchOnce: () => Promise<unknown>,
  opts: { intervalMs: number; log?: (message: string, detail?: unknown) => void },
): () => Promise<void> {
  if (opts.intervalMs <= 0) return () => Promise.resolve();
  const log = opts.log ?? defaultLog;
  const t = timer(dispatchOnce, opts.intervalMs, 1000, (error) => log('dispatch failed', error));
  let pending: NodeJS.Timeout | null = null;
  const unsubscribe = onEventsRecorded(() => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      t.kick();
    }, 100);
    pending.unref();
  });
  return async () => {
    unsubscribe();
    if (pending) clearTimeout(pending);
    await t.stop();
  };
}
