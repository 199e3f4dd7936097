import type { AuditService } from './audit.service.ts';

/**
 * Seals pending audit events every interval (and once at start). Several instances may each run it: the
 * sealing transaction's head-row claim lets one of them seal a batch while the others skip. `stop()` waits
 * for the run in progress and seals what is left.
 */
export function startAuditSealer(
  audit: AuditService,
  opts: { intervalSeconds: number; log: (message: string, detail?: unknown) => void },
): () => Promise<void> {
  const run = () =>
    audit.seal().catch((error: unknown) => {
      opts.log('audit sealing failed', error);
    });
  void run();
  if (opts.intervalSeconds <= 0) return async () => void (await run());
  const timer = setInterval(() => void run(), opts.intervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await run();
  };
}
