/**
 * `node --import tsx apps/server/bench/reminders.bench.ts` (ADR 0008, "Reminders at national size"): times one
 * reminder run (the job alone, without the dispatch) on the demo, then on the demo plus BENCH_TASKS tasks
 * cascaded to all communes with BENCH_MONTHS months of reports (national.data.ts), on PostgreSQL (a throwaway
 * cluster) and PGlite (BENCH_ENGINES=pg,pglite). Per run: wall time, peak RSS and heap growth, events recorded.
 * Runs: today (first run, records), today again (forced: selection only, nothing new), and 2025-07-10.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/index.ts';
import { ReminderJob } from '../src/modules/notifications/reminders.job.ts';
import { todayVn } from '../src/modules/tasks/reporting-period.ts';
import { buildNational } from './national.data.ts';

const ENGINES = (process.env.BENCH_ENGINES ?? 'pg,pglite').split(',');
const TASKS = Number(process.env.BENCH_TASKS ?? 20);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 7);
const log = (m: string) => console.log(m);

async function timed(job: ReminderJob, asOf: string, force: boolean) {
  let peak = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t = performance.now();
  const r = await job.runReminders(asOf, { force });
  const ms = Math.round(performance.now() - t);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const created = Object.values(r.created).reduce((a, b) => a + b, 0);
  return {
    asOf,
    force,
    ms,
    peakRssMb: Math.round(peak / 2 ** 20),
    heapGrowthMb: Math.round((process.memoryUsage().heapUsed - heap0) / 2 ** 20),
    checked: r.assignmentsChecked,
    created,
    byKind: r.created,
  };
}

async function runOn(engine: string, databaseUrl: string | undefined) {
  const config = loadConfig(
    {},
    { databaseUrl, dataDir: ':memory:', webDist: '/nonexistent', statusJobIntervalSeconds: 0 },
  );
  const { database, services, rootId } = await bootstrap(config);
  try {
    await seedDemo(database.db, services, rootId);
    const job = new ReminderJob(database.db, services.audit);
    const today = todayVn();
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('assignment')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const report = async (size: string) => {
      const n = await count();
      for (const [asOf, force] of [
        [today, true],
        [today, true],
        ['2025-07-10', true],
      ] as const) {
        const r = await timed(job, asOf, force);
        log(`| ${engine} | ${size} (${n.toLocaleString('en')}) | ${JSON.stringify(r)} |`);
      }
    };
    await report('demo');
    await buildNational(database, services, rootId, { tasks: TASKS, months: MONTHS, log });
    await report(`demo + ${TASKS} national tasks`);
  } finally {
    await database.close();
  }
}

if (ENGINES.includes('pg')) {
  const { startCluster } = (await import(
    pathToFileURL(path.resolve(import.meta.dirname, '../../../scripts/pg-cluster.mjs')).href
  )) as { startCluster: () => Promise<{ url: string; stop: () => Promise<void> }> };
  const cluster = await startCluster();
  try {
    await runOn('pg', cluster.url);
  } finally {
    await cluster.stop();
  }
}
if (ENGINES.includes('pglite')) await runOn('pglite', undefined);
