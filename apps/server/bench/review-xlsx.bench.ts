/**
 * Time and memory of the review report download (`review.xlsx`, streamed) on the demo data, PGlite in
 * memory: `node --import tsx apps/server/bench/review-xlsx.bench.ts`. Not a timed test (issue 6 item 8).
 */
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/index.ts';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { DEMO_PROGRAMME_CODE } from '../src/demo/tasks-demo.ts';

const config = loadConfig({}, { databaseUrl: undefined, dataDir: ':memory:', webDist: '/nonexistent' });
const { database, services, rootId } = await bootstrap(config);
await seedDemo(database.db, services, rootId);
const app = await buildApp({ config, services });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'steering', password: DEMO_PASSWORD },
});
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const programme = await database.db
  .selectFrom('programme')
  .select('id')
  .where('code', '=', DEMO_PROGRAMME_CODE)
  .executeTakeFirstOrThrow();
const assignments = await database.db
  .selectFrom('assignment')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const res = await app.inject({
    method: 'GET',
    url: `/api/programmes/${programme.id}/review.xlsx?asOf=2025-06-30`,
    headers: { cookie },
  });
  times.push(performance.now() - t0);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  bytes = res.rawPayload.length;
}
times.sort((a, b) => a - b);
console.log(
  `review.xlsx on the demo data (${Number(assignments.n)} assignments, PGlite): ` +
    `median ${times[2]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB, ` +
    `RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
);
await app.close();
await database.close();
