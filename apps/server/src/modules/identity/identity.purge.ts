import type { AuthService } from './auth.service.ts';

/**
 * Purges expired sessions, login attempts older than 30 days and finished throttle counters every hour
 * (first run a minute after start). Idempotent deletes: several instances may run it. Returns `stop()`.
 */
export function startIdentityPurge(
  auth: AuthService,
  opts: { log: (message: string, detail?: unknown) => void; intervalMs?: number },
): () => void {
  const run = () => {
    auth
      .purge()
      .then((r) => {
        if (r.sessions + r.loginAttempts + r.throttleCounters > 0) opts.log('identity purge', r);
      })
      .catch((error: unknown) => opts.log('identity purge failed', error));
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, opts.intervalMs ?? 3_600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
