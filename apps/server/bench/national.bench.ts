/**
 * `npm run bench:national` (issue 6): task monitoring at national size, on PostgreSQL (a throwaway cluster
 * unless DATABASE_URL is set) and on PGlite. Not a timed test: it prints a table and writes
 * docs/bench/national-<date>.json.
 *
 * Data (national.data.ts): the demo programme plus BENCH_TASKS tasks (100 on PostgreSQL, 20 on PGlite)
 * cascaded to all 3,321 communes, with monthly reports through 2025 (BENCH_MONTHS=12).
 * Measured with autocannon at 8 connections for BENCH_SECONDS each, against a hello-world route of the
 * same server in the same run: the steering summary today and as of 2025-06-30, tasks filtered by status,
 * assignments?status=overdue, a province summary, a commune's "my assignments", the review queue; the time
 * of review.xlsx; server RSS; the time from a report being accepted to the national summary showing it.
 * BENCH_ENGINES=pg,pglite chooses the engines.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/index.ts';
import { load, type LoadResult } from './http-load.ts';
import { buildNational, existingNational } from './national.data.ts';
import { freshness, session, type Session } from './national.http.ts';

const CONNECTIONS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pg,pglite').split(',');
const log = (m: string) => console.log(m);

interface EngineResult {
  engine: string;
  tasks: number;
  assignments: number;
  reports: number;
  build: Record<string, number>;
  views: (LoadResult & { ratioToHello: number })[];
  reviewXlsxMs: number;
  rssMb: number;
  freshness: { acceptMs: number; requestsUntilVisible: number; visibleAfterMs: number };
}

async function runOn(engine: 'pg' | 'pglite', databaseUrl: string | undefined, tasks: number) {
  log(`\n== ${engine}: building ${tasks} tasks × 3,321 communes, ${MONTHS} months of reports`);
  const config = loadConfig(
    {},
    { databaseUrl, dataDir: ':memory:', webDist: '/nonexistent', statusJobIntervalSeconds: 0 },
  );
  const { database, services, rootId } = await bootstrap(config);
  // BENCH_REUSE=1 with DATABASE_URL: measure again on national data built by an earlier run
  const reuse = process.env.BENCH_REUSE === '1' && databaseUrl ? await existingNational(database.db) : null;
  if (!reuse) await seedDemo(database.db, services, rootId);
  const data = reuse ?? (await buildNational(database, services, rootId, { tasks, months: MONTHS, log }));
  if (reuse)
    log(
      `  reusing ${reuse.assignments.toLocaleString('en')} assignments, ${reuse.reports.toLocaleString('en')} reports`,
    );
  const app = await buildApp({ config, services });
  app.get('/bench/hello', () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const steering = await session(base, 'steering');
    const province = await session(base, 'province.officer');
    const commune = await session(base, 'commune.officer');
    const p = data.programmeId;
    const views: [string, string, Session | null][] = [
      ['hello-world (baseline)', '/bench/hello', null],
      ['steering summary, today', `/api/programmes/${p}/summary`, steering],
      ['steering summary, asOf 2025-06-30', `/api/programmes/${p}/summary?asOf=2025-06-30`, steering],
      ['tasks?status=overdue', `/api/tasks?programmeId=${p}&status=overdue&limit=50`, steering],
      ['assignments?status=overdue', `/api/assignments?status=overdue&limit=50`, steering],
      ['province summary (Hà Nội)', `/api/programmes/${p}/summary`, province],
      ["commune's my assignments", `/api/assignments?mine=true&limit=50`, commune],
      ['review queue (Hà Nội)', `/api/review-queue?limit=50`, province],
    ];
    const results: LoadResult[] = [];
    for (const [name, url, who] of views) {
      const r = await load(name, base + url, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers: who ? { cookie: who.cookie } : {},
      });
      log(`  ${name.padEnd(36)} p50 ${r.p50} ms  p95 ${r.p95} ms  ${r.rps} req/s  non-2xx ${r.non2xx}`);
      results.push(r);
    }
    const hello = results[0]!;
    let t = performance.now();
    const xlsx = await fetch(`${base}/api/programmes/${p}/review.xlsx`, {
      headers: { cookie: steering.cookie },
    });
    await xlsx.arrayBuffer();
    const reviewXlsxMs = Math.round(performance.now() - t);
    log(`  review.xlsx: ${xlsx.status} in ${reviewXlsxMs} ms`);
    const fresh = await freshness(base, p, database.db);
    log(
      `  freshness: accepted in ${fresh.acceptMs} ms, visible after ${fresh.requestsUntilVisible} request(s)`,
    );
    t = performance.now();
    global.gc?.();
    const rssMb = Math.round(process.memoryUsage().rss / 1048576);
    return {
      engine,
      tasks,
      assignments: data.assignments,
      reports: data.reports,
      build: data.timings,
      views: results.map((r) => ({
        ...r,
        ratioToHello: Math.round((r.p95 / Math.max(hello.p95, 0.1)) * 10) / 10,
      })),
      reviewXlsxMs,
      rssMb,
      freshness: fresh,
    } satisfies EngineResult;
  } finally {
    await app.close();
    await database.close();
  }
}

async function main() {
  const out: EngineResult[] = [];
  if (ENGINES.includes('pg')) {
    let url = process.env.DATABASE_URL;
    let stop: (() => Promise<void>) | undefined;
    if (!url) {
      const { startCluster } = (await import(
        pathToFileURL(path.resolve(import.meta.dirname, '../../../scripts/pg-cluster.mjs')).href
      )) as {
        startCluster: () => Promise<{ url: string; stop: () => Promise<void> }>;
      };
      const cluster = await startCluster();
      url = cluster.url;
      stop = cluster.stop;
    }
    try {
      out.push(await runOn('pg', url, Number(process.env.BENCH_TASKS ?? 100)));
    } finally {
      await stop?.();
    }
  }
  if (ENGINES.includes('pglite'))
    out.push(await runOn('pglite', undefined, Number(process.env.BENCH_PGLITE_TASKS ?? 20)));

  console.log('\n| engine | view | p50 ms | p95 ms | req/s | p95 ÷ hello-world |');
  console.log('|---|---|---|---|---|---|');
  for (const e of out)
    for (const v of e.views)
      console.log(`| ${e.engine} | ${v.name} | ${v.p50} | ${v.p95} | ${v.rps} | ${v.ratioToHello} |`);
  for (const e of out)
    console.log(
      `${e.engine}: ${e.assignments.toLocaleString('en')} assignments, ${e.reports.toLocaleString('en')} reports; review.xlsx ${e.reviewXlsxMs} ms; RSS ${e.rssMb} MB; accepted report visible after ${e.freshness.requestsUntilVisible} request(s); build ${JSON.stringify(e.build)}`,
    );
  const date = new Date().toISOString().slice(0, 10);
  const file = path.resolve(
    import.meta.dirname,
    `../../../docs/bench/national-${date}-${out.map((e) => e.engine).join('-')}.json`,
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify({ date, machine: { cpus: os.cpus().length, node: process.version }, connections: CONNECTIONS, seconds: SECONDS, results: out }, null, 2)}\n`,
  );
  console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
}

await main();
process.exit(0);
