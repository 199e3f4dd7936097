/**
 * Login throttling rule (issue 7 items 4-5), pure. Failures are counted per account × address and per address
 * (never per account alone, so nobody can lock the real owner out from elsewhere). Within the window the
 * first `allowed` failures cost nothing; each further failure doubles the wait before the next attempt from
 * that account × address (or address), 30 s, 1 min, 2 min… up to the window length.
 */
export const BASE_DELAY_SECONDS = 30;

/** Seconds to wait after the `failures`-th failure when `allowed` are free. */
export function delayAfter(failures: number, allowed: number, windowMinutes: number): number {
  if (failures < allowed) return 0;
  const exponent = Math.min(failures - allowed, 20);
  return Math.min(BASE_DELAY_SECONDS * 2 ** exponent, windowMinutes * 60);
}

export const accountKey = (username: string, ip: string) => `a:${username}|${ip}`;
export const addressKey = (ip: string) => `ip:${ip}`;
