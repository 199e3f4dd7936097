import pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { RowSink } from './readers.ts';

/**
 * Reads a PostgreSQL table through the owner's connection string, as a cursor (pg-query-stream, 2,000 rows a
 * fetch) inside a READ ONLY transaction. The string is used for this connection only: never stored, never
 * logged, never put in an error (every failure becomes `quality_source_unreachable` without detail).
 */
export class SourceUnreachable extends Error {
  constructor() {
    super('quality_source_unreachable');
  }
}

const quoteIdent = (name: string) =>
  name
    .split('.')
    .map((p) => `"${p.replace(/"/g, '""')}"`)
    .join('.');

const text = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'string' ? v : JSON.stringify(v);
};

export async function readPostgresTable(
  connectionString: string,
  table: string,
  sink: RowSink,
): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000, statement_timeout: 0 });
  client.on('error', () => undefined); // a dropped connection surfaces through the query below
  try {
    await client.connect();
  } catch {
    throw new SourceUnreachable();
  }
  try {
    await client.query('begin');
    await client.query('set transaction read only');
    let estimate = 0;
    try {
      const est = await client.query<{ n: string }>(
        `select coalesce(reltuples, 0)::bigint as n from pg_class where oid = to_regclass($1)`,
        [quoteIdent(table)],
      );
      estimate = Number(est.rows[0]?.n ?? 0);
    } catch {
      throw new SourceUnreachable();
    }
    const stream = client.query(
      new QueryStream(`select * from ${quoteIdent(table)}`, [], { batchSize: 2000 }),
    );
    let header: string[] | null = null;
    let rows = 0;
    try {
      for await (const rec of stream as AsyncIterable<Record<string, unknown>>) {
        if (!header) {
          header = Object.keys(rec);
          sink.header(header);
        }
        rows++;
        sink.row(
          header.map((k) => text(rec[k])),
          rows,
        );
        if (rows % 16_384 === 0)
          await sink.progress(estimate > 0 ? Math.min(0.99, rows / estimate) : 0, rows);
      }
    } catch {
      throw new SourceUnreachable();
    }
    if (!header) sink.header([]);
    await client.query('rollback');
  } finally {
    await client.end().catch(() => undefined);
  }
}
