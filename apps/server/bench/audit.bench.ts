/**
 * Audit write throughput: `npm run bench:audit` (BENCH_MUTATIONS=3000, BENCH_CONCURRENCY=32 by default).
 *
 * On PostgreSQL (DATABASE_URL, else a throwaway cluster from scripts/pg-cluster.mjs): N mutations, C at a
 * time over the server's pool of 10 connections. Each mutation is what a service does: one transaction that updates
 * an entity row (a distinct user per worker, so the only shared resource is the audit trail) and records
 * its audit event through AuditService.record. When the service has a sealer (ADR 0009), it runs every
 * BENCH_SEAL_MS (1000) during the load, as the server's does; then the rest is sealed and the chain verified.
 * The same mutations without the audit record run first: the machine's ceiling at that moment (shared
 * machines vary), so `share` (audited / unaudited throughput) compares runs taken under different loads. Writes docs/bench/audit-<label>-<date>.json and prints a table.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { systemContext } from '../src/http/context.ts';

const N = Number(process.env.BENCH_MUTATIONS ?? 3000);
const C = Number(process.env.BENCH_CONCURRENCY ?? 32);
const LABEL = process.env.BENCH_LABEL ?? 'current';
const SEAL_EVERY_MS = Number(process.env.BENCH_SEAL_MS ?? 1000);

interface Cluster {
  url: string;
  stop(): Promise<void>;
}

async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => Promise.resolve() };
  // @ts-expect-error plain JavaScript helper shared with the test runner
  const { startCluster } = (await import('../../../scripts/pg-cluster.mjs')) as {
    startCluster: (o: { log: (m: string) => void }) => Promise<Cluster>;
  };
  const cluster = await startCluster({ log: () => undefined });
  return { url: cluster.url, stop: () => cluster.stop() };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const pgInfo = await database();
  // no data directory: an in-memory signing key and checkpoint log, private to this run
  const config = loadConfig(
    { ...process.env, DATABASE_URL: pgInfo.url, PILOTAGE_DEMO: '0' },
    { dataDir: ':memory:', auditKeyFile: null, auditCheckpointFile: null },
  );
  const { database: db, services, rootId } = await bootstrap(config);
  try {
    const ctx = systemContext(rootId, 'bench');
    const users = Array.from({ length: C }, (_, i) => ({
      id: newId(),
      username: `bench-${i}-${Date.now()}`,
    }));
    await db.db
      .insertInto('app_user')
      .values(
        users.map((u) => ({
          id: u.id,
          username: u.username,
          display_name: u.username,
          org_unit_id: rootId,
          roles: ['viewer'],
          active: true,
          search_key: u.username,
          updated_at: new Date(),
        })),
      )
      .execute();

    const audit = services.audit as unknown as { seal?: () => Promise<{ sealed: number }> };
    // in production the sealer runs every few seconds while writes go on: do the same during the load
    let sealedDuringLoad = 0;
    let loading = true;
    const startSealer = () =>
      typeof audit.seal === 'function'
        ? (async () => {
            while (loading) {
              await new Promise((r) => setTimeout(r, SEAL_EVERY_MS));
              sealedDuringLoad += (await audit.seal!()).sealed;
            }
          })()
        : Promise.resolve();
    /** N mutations, C at a time; with or without the audit record. */
    const load = async (withAudit: boolean) => {
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        users.map(async (user) => {
          for (let i = next++; i < N; i = next++) {
            const t0 = performance.now();
            await inTransaction(db.db, async (tx) => {
              await tx
                .updateTable('app_user')
                .set({ display_name: `${user.username} ${i}`, updated_at: new Date() })
                .where('id', '=', user.id)
                .execute();
              if (withAudit)
                await services.audit.record(tx, ctx, {
                  action: 'user.update',
                  entityType: 'user',
                  entityId: user.id,
                  after: { displayName: `${user.username} ${i}` },
                });
            });
            latencies.push(performance.now() - t0);
          }
        }),
      );
      return { seconds: (performance.now() - started) / 1000, latencies };
    };
    // the same mutations without audit first: the ceiling of this machine at this moment (it is shared)
    const baseline = await load(false);
    const sealing = startSealer();
    const { seconds, latencies } = await load(true);
    loading = false;
    await sealing;
    latencies.sort((a, b) => a - b);
    const baselinePerSecond = Math.round(N / baseline.seconds);

    let sealMs: number | null = null;
    if (typeof audit.seal === 'function') {
      const t0 = performance.now();
      await audit.seal();
      sealMs = Math.round(performance.now() - t0);
    }
    const t1 = performance.now();
    const check = await services.audit.verify();
    const verifyMs = Math.round(performance.now() - t1);
    if (!check.ok) console.error('verification failed:', check);

    const result = {
      label: LABEL,
      date: new Date().toISOString(),
      engine: 'postgresql',
      machine: { cpus: os.cpus().length, node: process.version },
      mutations: N,
      concurrency: C,
      pool: 10,
      seconds: Number(seconds.toFixed(2)),
      mutationsPerSecond: Math.round(N / seconds),
      withoutAuditPerSecond: baselinePerSecond,
      shareOfCeiling: Number((N / seconds / baselinePerSecond).toFixed(2)),
      latencyMs: {
        p50: Number(percentile(latencies, 50).toFixed(1)),
        p95: Number(percentile(latencies, 95).toFixed(1)),
        p99: Number(percentile(latencies, 99).toFixed(1)),
      },
      sealEveryMs: typeof audit.seal === 'function' ? SEAL_EVERY_MS : null,
      sealedDuringLoad,
      sealBacklogMs: sealMs,
      verifyMs,
      verified: check.ok,
    };
    console.table({
      [LABEL]: {
        'mutations/s': result.mutationsPerSecond,
        'no-audit/s': baselinePerSecond,
        share: result.shareOfCeiling,
        'p50 ms': result.latencyMs.p50,
        'p95 ms': result.latencyMs.p95,
        'p99 ms': result.latencyMs.p99,
        'seal ms': sealMs ?? '-',
        'verify ms': verifyMs,
        ok: check.ok,
      },
    });
    const dir = path.resolve(import.meta.dirname, '../../../docs/bench');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `audit-${LABEL}-${result.date.slice(0, 10)}.json`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    await db.close();
    await pgInfo.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
