/**
 * Load measurement for benchmarks: autocannon (MIT) at N connections for a few seconds against one URL,
 * with every response time collected so that p50/p95/p99 are exact (autocannon's own summary has no p95).
 */
import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export async function load(
  name: string,
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: opts.connections, duration: opts.seconds, headers: opts.headers ?? {} },
      (error, res) => (error ? reject(error as Error) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status >= 300) non2xx += 1;
    });
  });
  times.sort((a, b) => a - b);
  return {
    name,
    requests: times.length,
    rps: Math.round((times.length / opts.seconds) * 10) / 10,
    p50: round(pct(times, 50)),
    p95: round(pct(times, 95)),
    p99: round(pct(times, 99)),
    non2xx: Math.max(non2xx, result.non2xx),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
