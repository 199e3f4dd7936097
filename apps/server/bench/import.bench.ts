/**
 * Import benchmark: `npm run bench:import` (BENCH_ROWS=2000 by default).
 *
 * On PGlite (in memory) and, when DATABASE_URL is set, on that PostgreSQL: imports a generated CSV of N
 * tasks, each assigned to all 34 provinces (N × 34 assignments) with two coordinating units, through
 * ImportService (parse, validate, one transaction, audit), and compares it in the same run with a raw bulk
 * load of the very same rows on the same engine: COPY FROM a blob on PGlite, one INSERT … SELECT unnest()
 * per table on PostgreSQL (the `pg` driver has no COPY FROM STDIN without an extra package).
 * Writes docs/bench/import-<date>.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { CATEGORY_LABELS } from '@pilotage/contracts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { systemContext } from '../src/http/context.ts';
import { parseTable } from '../src/modules/task-io/import.parse.ts';
import { plannedRows } from '../src/modules/task-io/import.service.ts';
import { validateSheet } from '../src/modules/task-io/import.validate.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const MINISTRIES = ['BKHCN', 'BCA', 'BTC', 'BTP', 'BNV', 'BYT', 'BGDDT', 'BCT', 'BXD', 'BNNMT'];
const CATEGORIES = Object.values(CATEGORY_LABELS).map((l) => l.vi);

function generateCsv(n: number): Buffer {
  const lines = [
    'Mã nhiệm vụ;Tên nhiệm vụ;Mô tả;Lĩnh vực;Sản phẩm dự kiến;Đơn vị chủ trì;Đơn vị phối hợp;Đơn vị được giao;Ngày bắt đầu;Hạn hoàn thành;Thường xuyên;Mức ưu tiên',
  ];
  for (let i = 1; i <= n; i++) {
    const lead = MINISTRIES[i % MINISTRIES.length]!;
    const coord = `${MINISTRIES[(i + 1) % MINISTRIES.length]};${MINISTRIES[(i + 2) % MINISTRIES.length]}`;
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      `NV-${String(i).padStart(5, '0')};Nhiệm vụ thử nghiệm số ${i}: triển khai chuyển đổi số tại địa phương;Mô tả chi tiết nhiệm vụ ${i};${CATEGORIES[i % CATEGORIES.length]};Báo cáo;${lead};"${coord}";ALL_PROVINCES;01/01/2025;28/${month}/2026;không;Bình thường`,
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function newProgramme(database: Database, ownerId: string) {
  const id = newId();
  const code = `BENCH-${id.slice(-12)}`;
  await database.db
    .insertInto('programme')
    .values({
      id,
      code,
      title: code,
      owner_unit_id: ownerId,
      period_start: '2025-01-01',
      period_end: '2026-12-31',
      reporting_frequency: 'monthly',
      search_key: code.toLowerCase(),
      updated_at: new Date(),
    })
    .execute();
  return id;
}

type Rows = ReturnType<typeof plannedRows>;
const COLUMNS = {
  task: [
    'id',
    'programme_id',
    'code',
    'title',
    'description',
    'source_clause',
    'category',
    'expected_product',
    'lead_unit_id',
    'start_date',
    'deadline',
    'is_continuous',
    'reporting_frequency',
    'priority',
    'parent_task_id',
    'search_key',
    'created_by',
    'updated_at',
  ],
  task_coordinating_unit: ['task_id', 'unit_id'],
  assignment: [
    'id',
    'task_id',
    'unit_id',
    'assigned_by_unit_id',
    'parent_assignment_id',
    'deadline',
    'original_deadline',
    'updated_at',
  ],
} as const;
const TYPES: Record<string, string> = {
  is_continuous: 'boolean',
  start_date: 'date',
  deadline: 'date',
  original_deadline: 'date',
  updated_at: 'timestamptz',
};
const uuidCols = new Set([
  'id',
  'programme_id',
  'lead_unit_id',
  'parent_task_id',
  'created_by',
  'task_id',
  'unit_id',
  'assigned_by_unit_id',
  'parent_assignment_id',
]);
/** Row values are strings, booleans, numbers, dates or null. */
type Cell = string | number | boolean | Date | null | undefined;
const value = (v: Cell) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

const csvField = (v: Cell) => {
  const x = value(v);
  if (x === null) return '';
  const s = String(x);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Raw bulk load of the same rows: COPY on PGlite, INSERT … SELECT unnest() on PostgreSQL. */
async function rawLoad(database: Database, rows: Rows) {
  const tables: [keyof typeof COLUMNS, Record<string, Cell>[]][] = [
    ['task', rows.tasks],
    ['task_coordinating_unit', rows.coordinating],
    ['assignment', rows.assignments],
  ];
  if (database.pglite) {
    const pg = database.pglite;
    await pg.transaction(async (tx) => {
      for (const [table, data] of tables) {
        const cols = COLUMNS[table];
        const text = data.map((r) => cols.map((c) => csvField(r[c])).join(',')).join('\n');
        await tx.query(`copy ${table} (${cols.join(',')}) from '/dev/blob' with (format csv)`, [], {
          blob: new Blob([text]),
        });
      }
    });
    return 'COPY FROM blob';
  }
  await inTransaction(database.db, async (tx) => {
    for (const [table, data] of tables) {
      const cols = COLUMNS[table];
      const arrays = cols.map((c) => {
        const type = uuidCols.has(c) ? 'uuid' : (TYPES[c] ?? 'text');
        return sql`${data.map((r) => value(r[c]))}::${sql.raw(type)}[]`;
      });
      await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(
        tx,
      );
    }
  });
  return 'INSERT … SELECT unnest() (one statement per table)';
}

async function cleanup(database: Database, programmeIds: string[]) {
  const db = database.db;
  const tasks = db.selectFrom('task').select('id').where('programme_id', 'in', programmeIds);
  await db.deleteFrom('assignment').where('task_id', 'in', tasks).execute();
  await db.deleteFrom('task_coordinating_unit').where('task_id', 'in', tasks).execute();
  await db.deleteFrom('task').where('programme_id', 'in', programmeIds).execute();
  await db.deleteFrom('programme').where('id', 'in', programmeIds).execute();
}

async function runOn(engine: 'pglite' | 'postgres', databaseUrl: string | undefined, csv: Buffer) {
  let t = performance.now();
  const { database, services, rootId } = await bootstrap(
    loadConfig({}, { databaseUrl, dataDir: ':memory:', demo: false }),
  );
  const setupMs = performance.now() - t;
  const ctx = systemContext(rootId, 'bench');
  const owner = (
    await database.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'BCDCP')
      .executeTakeFirstOrThrow()
  ).id;
  const [viaImport, viaRaw] = [await newProgramme(database, owner), await newProgramme(database, owner)];
  try {
    t = performance.now();
    const dry = await services.taskIo.imports.importFile(
      ctx,
      viaImport,
      { filename: 'bench.csv', data: csv },
      true,
    );
    const dryMs = performance.now() - t;
    if (dry.errors.length)
      throw new Error(`generated file has errors: ${JSON.stringify(dry.errors.slice(0, 3))}`);

    t = performance.now();
    const result = await services.taskIo.imports.importFile(
      ctx,
      viaImport,
      { filename: 'bench.csv', data: csv },
      false,
    );
    const importMs = performance.now() - t;

    // the same rows, planned outside the clock, then loaded raw
    const programme = await database.db
      .selectFrom('programme')
      .selectAll()
      .where('id', '=', viaRaw)
      .executeTakeFirstOrThrow();
    const lookups = await services.taskIo.imports.lookups(database.db, ctx, programme);
    const plan = validateSheet(await parseTable(csv, ROWS + 1), lookups, 'vi');
    const rows = plannedRows(plan.tasks, { programmeId: viaRaw, assignedBy: owner, userId: null });
    t = performance.now();
    const method = await rawLoad(database, rows);
    const rawMs = performance.now() - t;

    const dbRows = result.created!.tasks + result.created!.assignments + rows.coordinating.length;
    const out = {
      engine,
      fileRows: result.rows,
      created: { ...result.created, coordinating: rows.coordinating.length, dbRows },
      setupMs: Math.round(setupMs),
      dryRunMs: Math.round(dryMs),
      importMs: Math.round(importMs),
      importFileRowsPerSec: Math.round(result.rows / (importMs / 1000)),
      importDbRowsPerSec: Math.round(dbRows / (importMs / 1000)),
      raw: { method, ms: Math.round(rawMs), dbRowsPerSec: Math.round(dbRows / (rawMs / 1000)) },
      /** import time ÷ raw bulk load time of the same rows (1 = as fast as raw). */
      ratio: Math.round((importMs / rawMs) * 100) / 100,
    };
    console.log(
      `${engine.padEnd(8)} ${out.fileRows} file rows (${dbRows} db rows): import ${out.importMs} ms = ${out.importFileRowsPerSec} file rows/s, ${out.importDbRowsPerSec} db rows/s | raw ${method}: ${out.raw.ms} ms = ${out.raw.dbRowsPerSec} db rows/s | import/raw ${out.ratio}× | dry run ${out.dryRunMs} ms`,
    );
    return out;
  } finally {
    if (engine === 'postgres') await cleanup(database, [viaImport, viaRaw]);
    await database.close();
  }
}

const csv = generateCsv(ROWS);
console.log(`import benchmark: ${ROWS} tasks × 34 provinces, file ${(csv.length / 1024).toFixed(0)} KiB`);
const results = [await runOn('pglite', undefined, csv)];
if (process.env.DATABASE_URL) results.push(await runOn('postgres', process.env.DATABASE_URL, csv));
else console.log('postgres: skipped (set DATABASE_URL to include it)');

const date = new Date().toISOString().slice(0, 10);
const file = path.resolve(import.meta.dirname, `../../../docs/bench/import-${date}.json`);
await mkdir(path.dirname(file), { recursive: true });
await writeFile(
  file,
  `${JSON.stringify({ date, rows: ROWS, node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10), results }, null, 2)}\n`,
);
console.log(`written ${path.relative(process.cwd(), file)}`);
