/**
 * Data of `bench:indicators`: 100 integer data elements reported monthly by every commune, one ratio
 * indicator, one data set; values loaded through POST /api/dataValueSets (an API key, several requests in
 * flight) and the same rows by a raw COPY into a twin table (PostgreSQL; on PGlite a server-side INSERT …
 * SELECT generate_series, a faster baseline than any client).
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';
import { systemContext } from '../src/http/context.ts';
import type { Services } from '../src/services.ts';

export const ELEMENTS = Number(process.env.BENCH_ELEMENTS ?? 100);
export const IND = 'BENCH_RATIO';
export const DS = 'BENCH_MONTHLY';
export const elementCode = (i: number) => `E${String(i + 1).padStart(3, '0')}`;
/** Month m (0-based) from January 2024: 202401, 202402, … */
export const monthCode = (m: number) =>
  `${2024 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, '0')}`;
/** The value of element e in commune c for month m (deterministic, positive). */
export const valueOf = (c: number, e: number, m: number) => ((c * 7 + e * 13 + m * 3) % 997) + 1;

export async function defineBenchKpis(services: Services, rootId: string) {
  const ctx = systemContext(rootId, 'bench');
  for (let e = 0; e < ELEMENTS; e++)
    await services.kpi.metadata.createDataElement(ctx, {
      code: elementCode(e),
      name: `Chỉ tiêu ${e + 1}`,
      valueType: 'integer',
      aggregation: 'sum',
      levels: ['commune'],
    });
  await services.kpi.metadata.createIndicator(ctx, {
    code: IND,
    name: 'Tỉ lệ E001 / E002',
    numerator: `#{${elementCode(0)}}`,
    denominator: `#{${elementCode(1)}}`,
    factor: 100,
    direction: 'higher',
    decimals: 2,
  });
  await services.kpi.metadata.createDataSet(ctx, {
    code: DS,
    name: 'Báo cáo tháng (benchmark)',
    periodType: 'monthly',
    dataElements: Array.from({ length: ELEMENTS }, (_, e) => elementCode(e)),
    levels: ['commune'],
    expiryDays: 0,
    timelyDays: 15,
  });
  const key = await services.users.createApiKey(ctx, { name: 'bench', orgUnitId: rootId, roles: ['admin'] });
  return key.secret;
}

export const communeCodes = async (db: Db) =>
  (
    await db
      .selectFrom('org_unit')
      .select('code')
      .where('kind', '=', 'commune')
      .where('valid_to', 'is', null)
      .orderBy('sort_order')
      .execute()
  ).map((r) => r.code);

/** Loads months [from, to) of every commune through the API, `inFlight` requests at a time. */
export async function loadThroughApi(
  base: string,
  secret: string,
  communes: readonly string[],
  months: { from: number; to: number; perRequest: number },
  inFlight = 4,
): Promise<{ values: number; ms: number; requests: number }> {
  const jobs: { c: number; m0: number; m1: number }[] = [];
  for (let m0 = months.from; m0 < months.to; m0 += months.perRequest)
    for (let c = 0; c < communes.length; c++)
      jobs.push({ c, m0, m1: Math.min(months.to, m0 + months.perRequest) });
  let next = 0;
  let values = 0;
  const t = performance.now();
  const worker = async () => {
    while (next < jobs.length) {
      const { c, m0, m1 } = jobs[next++]!;
      const dataValues = [];
      for (let m = m0; m < m1; m++)
        for (let e = 0; e < ELEMENTS; e++)
          dataValues.push({
            dataElement: elementCode(e),
            period: monthCode(m),
            value: String(valueOf(c, e, m)),
          });
      const res = await fetch(`${base}/api/dataValueSets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ dataSet: DS, orgUnit: communes[c], dataValues }),
      });
      const body = (await res.json()) as { importCount?: { imported: number }; conflicts?: unknown[] };
      if (res.status !== 200 || body.conflicts?.length)
        throw new Error(`import: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      values += body.importCount!.imported;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { values, ms: Math.round(performance.now() - t), requests: jobs.length };
}

/** The twin table the raw load writes into (same columns, keys and indexes, no foreign keys). */
export async function twinTable(db: Db) {
  await sql`drop table if exists bench_copy`.execute(db);
  await sql`create table bench_copy (like data_value including defaults including indexes)`.execute(db);
}

/** The same rows as the API load, as the COPY text format (tab-separated), for months [0, months). */
export function* copyLines(
  communeIds: readonly string[],
  elementIds: readonly string[],
  months: number,
): Generator<string> {
  for (let m = 0; m < months; m++) {
    const code = monthCode(m);
    const y = Number(code.slice(0, 4));
    const mo = Number(code.slice(4));
    const start = `${y}-${code.slice(4)}-01`;
    const end = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
    let chunk = '';
    for (let c = 0; c < communeIds.length; c++) {
      for (let e = 0; e < elementIds.length; e++) {
        const v = valueOf(c, e, m);
        chunk += `${elementIds[e]}\t${code}\t${communeIds[c]}\tmonthly\t${start}\t${end}\t${v}\t${v}\n`;
      }
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
}
