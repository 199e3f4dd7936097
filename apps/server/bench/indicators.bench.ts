/**
 * `npm run bench:indicators` (issue 9 item 9): KPI values at national size, on PostgreSQL (a throwaway
 * cluster unless DATABASE_URL is set) and on PGlite. Not a timed test: prints a table and writes
 * docs/bench/indicators-<date>-<engines>.json.
 *
 * 3,321 communes × BENCH_ELEMENTS (100) data elements × BENCH_MONTHS (24; PGlite: BENCH_PGLITE_MONTHS, 3)
 * monthly values: the first 3 months (≈ 1M values) through POST /api/dataValueSets, dashboards measured,
 * the other months through the API, dashboards measured again (growth 1M → 8M); then the same rows by a
 * raw COPY into a twin table of the same server (ratio); then the time from a commune's new value to the
 * national figure. Dashboards with autocannon at 8 connections for BENCH_SECONDS (5) each, against a
 * hello-world route of the same server.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/database.ts';
import { load, type LoadResult } from './http-load.ts';
import * as data from './indicators.data.ts';

const CONNECTIONS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pg,pglite').split(',');
const FIRST = 3; // months in the first stage (≈ 1M values)
/** The month the dashboards show: loaded in the first stage, so both stages read the same figures. */
const MONTH = data.monthCode(FIRST - 1);
const log = (m: string) => console.log(m);

interface Stage {
  values: number;
  views: (LoadResult & { ratioToHello: number })[];
}
interface EngineResult {
  engine: string;
  months: number;
  apiLoad: { values: number; ms: number; valuesPerSecond: number; requests: number };
  rawLoad: { method: string; rows: number; ms: number; rowsPerSecond: number } | null;
  apiToRaw: number | null;
  stages: Stage[];
  growth: Record<string, number>;
  freshness: { acceptMs: number; requestsUntilVisible: number };
}

async function dashboards(base: string, secret: string, values: number): Promise<Stage> {
  const views: [string, string][] = [
    ['hello-world (baseline)', '/bench/hello'],
    ['national + by province, month', `/api/indicators/${data.IND}/values?period=${MONTH}`],
    ['national + by province, quarter', `/api/indicators/${data.IND}/values?period=2024Q1`],
    ["province's communes (Hà Nội), month", `/api/indicators/${data.IND}/values?period=${MONTH}&parent=01`],
    ['completeness national, month', `/api/data-sets/${data.DS}/completeness?period=${MONTH}`],
  ];
  const out: LoadResult[] = [];
  for (const [name, url] of views) {
    const r = await load(name, base + url, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      headers: { authorization: `Bearer ${secret}` },
    });
    log(`  ${name.padEnd(38)} p50 ${r.p50} ms  p95 ${r.p95} ms  ${r.rps} req/s  non-2xx ${r.non2xx}`);
    out.push(r);
  }
  const hello = out[0]!;
  return {
    values,
    views: out.map((r) => ({ ...r, ratioToHello: Math.round((r.p95 / Math.max(hello.p95, 0.1)) * 10) / 10 })),
  };
}

async function rawLoad(db: Db, databaseUrl: string | undefined, months: number, communes: number) {
  await data.twinTable(db);
  const elementIds = (
    await db.selectFrom('data_element').select('id').where('code', 'like', 'E%').orderBy('code').execute()
  ).map((r) => r.id);
  const communeIds = (
    await db
      .selectFrom('org_unit')
      .select('id')
      .where('kind', '=', 'commune')
      .where('valid_to', 'is', null)
      .orderBy('sort_order')
      .limit(communes)
      .execute()
  ).map((r) => r.id);
  const rows = elementIds.length * communeIds.length * months;
  const t = performance.now();
  let method: string;
  if (databaseUrl) {
    method = 'COPY FROM STDIN (pg-copy-streams)';
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const stream = client.query(
      copyFrom(
        'copy bench_copy (data_element_id, period, org_unit_id, period_type, period_start, period_end, value, value_num) from stdin',
      ),
    );
    await pipeline(Readable.from(data.copyLines(communeIds, elementIds, months)), stream);
    await client.end();
  } else {
    method = 'INSERT … SELECT generate_series (server-side; PGlite has no COPY from a client stream)';
    for (let m = 0; m < months; m++) {
      const code = data.monthCode(m);
      const start = `${code.slice(0, 4)}-${code.slice(4)}-01`;
      await sql`insert into bench_copy (data_element_id, period, org_unit_id, period_type, period_start, period_end, value, value_num)
                select e.id, ${code}, c.id, 'monthly', ${start}::date, (${start}::date + interval '1 month' - interval '1 day')::date,
                       (((c.i - 1) * 7 + (e.i - 1) * 13 + ${m} * 3) % 997 + 1)::text, ((c.i - 1) * 7 + (e.i - 1) * 13 + ${m} * 3) % 997 + 1
                  from unnest(${sql.val(communeIds)}::uuid[]) with ordinality as c(id, i)
                  cross join unnest(${sql.val(elementIds)}::uuid[]) with ordinality as e(id, i)`.execute(db);
    }
  }
  const ms = Math.round(performance.now() - t);
  await sql`drop table bench_copy`.execute(db);
  return { method, rows, ms, rowsPerSecond: Math.round((rows / ms) * 1000) };
}

async function freshness(base: string, secret: string, communes: readonly string[]) {
  const national = async () =>
    (
      (await (
        await fetch(`${base}/api/indicators/${data.IND}/values?period=${MONTH}`, {
          headers: { authorization: `Bearer ${secret}` },
        })
      ).json()) as { unit: { numerator: number } }
    ).unit.numerator;
  const before = await national();
  const t = performance.now();
  const res = await fetch(`${base}/api/dataValueSets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      orgUnit: communes[0],
      period: MONTH,
      dataValues: [{ dataElement: data.elementCode(0), value: '5000' }],
    }),
  });
  if (res.status !== 200) throw new Error(`freshness import ${res.status}`);
  const acceptMs = Math.round(performance.now() - t);
  for (let i = 1; i <= 20; i++)
    if ((await national()) !== before) return { acceptMs, requestsUntilVisible: i };
  return { acceptMs, requestsUntilVisible: -1 };
}

async function runOn(
  engine: 'pg' | 'pglite',
  databaseUrl: string | undefined,
  months: number,
): Promise<EngineResult> {
  log(
    `\n== ${engine}: 3,321 communes × ${data.ELEMENTS} elements × ${months} months through POST /api/dataValueSets`,
  );
  const config = loadConfig(
    {},
    {
      databaseUrl,
      dataDir: ':memory:',
      webDist: '/nonexistent',
      statusJobIntervalSeconds: 0,
      bodyLimitBytes: 8 * 1048576,
    },
  );
  const { database, services, rootId } = await bootstrap(config);
  const db = database.db;
  const secret = await data.defineBenchKpis(services, rootId);
  // 24 monthly periods from January 2024: the throwaway database's communes (formed 1 July 2025) are made
  // valid from 2024 so that they may report them (bench only)
  await sql`update org_unit set valid_from = '2024-01-01' where kind = 'commune'`.execute(db);
  const communes = (await data.communeCodes(db)).slice(0, Number(process.env.BENCH_COMMUNES ?? 3321));
  const app = await buildApp({ config, services });
  app.get('/bench/hello', () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const stages: Stage[] = [];
    let loaded = { values: 0, ms: 0, requests: 0 };
    for (const [from, to] of [
      [0, Math.min(FIRST, months)],
      [FIRST, months],
    ] as const) {
      if (from >= to) continue;
      const r = await data.loadThroughApi(
        base,
        secret,
        communes,
        { from, to, perRequest: from === 0 ? FIRST : 6 },
        engine === 'pg' ? 6 : 2,
      );
      loaded = {
        values: loaded.values + r.values,
        ms: loaded.ms + r.ms,
        requests: loaded.requests + r.requests,
      };
      log(
        `  loaded months ${from + 1}–${to}: ${r.values.toLocaleString('en')} values in ${(r.ms / 1000).toFixed(1)} s (${Math.round((r.values / r.ms) * 1000).toLocaleString('en')}/s)`,
      );
      // what autovacuum does after a bulk load (PGlite has none): statistics and the visibility map
      await sql`vacuum analyze data_value`.execute(db);
      stages.push(await dashboards(base, secret, loaded.values));
    }
    const apiLoad = { ...loaded, valuesPerSecond: Math.round((loaded.values / loaded.ms) * 1000) };
    const fresh = await freshness(base, secret, communes);
    log(
      `  freshness: accepted in ${fresh.acceptMs} ms, national figure changed on request ${fresh.requestsUntilVisible}`,
    );
    const skipRaw = process.env.BENCH_RAW === '0';
    const raw = skipRaw ? null : await rawLoad(db, databaseUrl, months, communes.length);
    if (raw)
      log(
        `  raw load (${raw.method}): ${raw.rows.toLocaleString('en')} rows in ${(raw.ms / 1000).toFixed(1)} s (${raw.rowsPerSecond.toLocaleString('en')}/s)`,
      );
    const first = stages[0]!;
    const last = stages[stages.length - 1]!;
    const growth = Object.fromEntries(
      last.views
        .slice(1)
        .map((v, i) => [v.name, Math.round((v.p95 / Math.max(first.views[i + 1]!.p95, 0.1)) * 100) / 100]),
    );
    return {
      engine,
      months,
      apiLoad,
      rawLoad: raw,
      apiToRaw: raw ? Math.round((apiLoad.valuesPerSecond / raw.rowsPerSecond) * 1000) / 1000 : null,
      stages,
      growth,
      freshness: fresh,
    };
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
      )) as { startCluster: () => Promise<{ url: string; stop: () => Promise<void> }> };
      const cluster = await startCluster();
      url = cluster.url;
      stop = cluster.stop;
    }
    try {
      out.push(await runOn('pg', url, Number(process.env.BENCH_MONTHS ?? 24)));
    } finally {
      await stop?.();
    }
  }
  if (ENGINES.includes('pglite'))
    out.push(await runOn('pglite', undefined, Number(process.env.BENCH_PGLITE_MONTHS ?? 3)));

  console.log('\n| engine | values | view | p50 ms | p95 ms | req/s | p95 ÷ hello-world |');
  console.log('|---|---|---|---|---|---|---|');
  for (const e of out)
    for (const s of e.stages)
      for (const v of s.views)
        console.log(
          `| ${e.engine} | ${s.values.toLocaleString('en')} | ${v.name} | ${v.p50} | ${v.p95} | ${v.rps} | ${v.ratioToHello} |`,
        );
  console.log(
    '\n| engine | API values/s | raw rows/s | API ÷ raw | growth p95 (last ÷ first stage) | freshness |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const e of out)
    console.log(
      `| ${e.engine} | ${e.apiLoad.valuesPerSecond.toLocaleString('en')} | ${e.rawLoad?.rowsPerSecond.toLocaleString('en') ?? '—'} | ${e.apiToRaw ?? '—'} | ${Object.values(e.growth).join(' / ') || '—'} | next request: ${e.freshness.requestsUntilVisible === 1} |`,
    );
  const date = new Date().toISOString().slice(0, 10);
  const file = path.resolve(
    import.meta.dirname,
    `../../../docs/bench/indicators-${date}-${out.map((e) => e.engine).join('-')}.json`,
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify({ date, machine: { cpus: os.cpus().length, node: process.version, load: os.loadavg() }, connections: CONNECTIONS, seconds: SECONDS, results: out }, null, 2)}\n`,
  );
  console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
}

await main();
process.exit(0);
