import { todayVn } from '../tasks/index.ts';
import type { ReminderJob } from './reminders.job.ts';

export interface SchedulerOptions {
  /** Minutes between runs; 0 turns the timer off. */
  intervalMinutes: number;
  /** Delay of the first run after start (default 30 s, so startup is not slowed down). */
  firstRunDelayMs?: number;
  log?: (message: string, detail?: unknown) => void;
}

/**
 * Runs the reminder job for today's Vietnamese date every interval. Several instances may each run a
 * timer: the job's run claim (job_run) lets one of them do a given day's run. Returns `stop()`.
 */
export function startReminderScheduler(job: ReminderJob, opts: SchedulerOptions): () => Promise<void> {
  if (opts.intervalMinutes <= 0) return () => Promise.resolve();
  const log = opts.log ?? ((m: string, d?: unknown) => console.info(m, d ?? ''));
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return; // one run at a time per instance
    running = job
      .runReminders(todayVn())
      .then((r) => {
        if (r.ran)
          log('reminder job ran', {
            asOf: r.asOf,
            created: r.created,
            emailsSent: r.emailsSent,
            ms: r.durationMs,
          });
      })
      .catch((error: unknown) => log('reminder job failed', error))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, opts.firstRunDelayMs ?? 30_000);
  const timer = setInterval(tick, opts.intervalMinutes * 60_000);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
