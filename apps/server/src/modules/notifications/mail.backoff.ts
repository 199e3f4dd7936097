/**
 * When a failed e-mail is tried again (pure): exponential back-off from `baseMs`, doubled per failed attempt,
 * capped at `maxMs`, with up to 10 % jitter (`random` in [0,1)) so that instances do not retry in step.
 * attempts = how many sends were tried so far (≥ 1 after a failure).
 */
export function retryDelayMs(
  attempts: number,
  opts: { baseMs: number; maxMs: number },
  random: number = Math.random(),
): number {
  const exp = opts.baseMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(opts.maxMs, exp);
  return Math.round(capped * (1 + 0.1 * Math.min(Math.max(random, 0), 1)));
}

/** After this many failed attempts the e-mail is given up (failed_at set; last_error says why). */
export function givesUp(attempts: number, maxAttempts: number): boolean {
  return attempts >= maxAttempts;
}
