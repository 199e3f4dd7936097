/**
 * `npm run bench:home` (issue 8): the home page by role and the programme dashboard at national size, on
 * PGlite (or PostgreSQL with DATABASE_URL). Not a timed test: it builds the data of bench:national
 * (BENCH_TASKS tasks cascaded to all 3,321 communes, BENCH_MONTHS months of reports), ANALYZEs, then prints
 * the median and worst of BENCH_RUNS sequential requests per view.
 */
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/index.ts';
import { buildNational } from './national.data.ts';

const TASKS = Number(process.env.BENCH_TASKS ?? 20);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const log = (m: string) => console.log(m);

const config = loadConfig(
  {},
  {
    databaseUrl: process.env.DATABASE_URL,
    dataDir: ':memory:',
    webDist: '/nonexistent',
    statusJobIntervalSeconds: 0,
  },
);
const { database, services, rootId } = await bootstrap(config);
await seedDemo(database.db, services, rootId);
const data = await buildNational(database, services, rootId, { tasks: TASKS, months: MONTHS, log });
await sql`analyze`.execute(database.db);
const count = await database.db
  .selectFrom('assignment')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .executeTakeFirstOrThrow();
log(`${Number(count.n).toLocaleString('en')} assignments`);

const app = await buildApp({ config, services });
const cookieOf = async (username: string) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'pilotage-demo' },
  });
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
};
const views: [string, string, string][] = [
  ['home, steering', '/api/home', 'steering'],
  ['home, admin', '/api/home', 'admin'],
  ['home, province officer (reviewer)', '/api/home', 'province.officer'],
  ['home, province lead', '/api/home', 'province.lead'],
  ['home, commune officer', '/api/home', 'commune.officer'],
  ['dashboard, steering, today', `/api/programmes/${data.programmeId}/dashboard`, 'steering'],
  ['dashboard, province, today', `/api/programmes/${data.programmeId}/dashboard`, 'province.officer'],
];
const rows: { view: string; medianMs: number; maxMs: number }[] = [];
for (const [view, url, user] of views) {
  const cookie = await cookieOf(user);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    times.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  times.sort((a, b) => a - b);
  rows.push({
    view,
    medianMs: Math.round(times[Math.floor(times.length / 2)]!),
    maxMs: Math.round(times.at(-1)!),
  });
}
console.table(rows);
await app.close();
await database.close();
