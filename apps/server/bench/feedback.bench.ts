/**
 * `npm run bench:feedback` (issue 10 item 11): sustained public submissions on PostgreSQL (a throwaway
 * cluster unless DATABASE_URL is set), with autocannon, against a bare insert route of the same server in the
 * same run (one INSERT into feedback_item, registered only here). Afterwards it counts rows: every 201 must
 * be exactly one row (0 lost), every request nonce at most one row (0 duplicated).
 * The per-address limits and the proof of work are lifted for the run (every request comes from 127.0.0.1);
 * everything else — validation, routing, deadline on the working calendar, sealing the contact, the step,
 * the audit event, the domain event and the receipt e-mail in the outbox — runs as in production.
 * Goals: ≥ 50 % of the bare-insert rate, p99 ≤ 100 ms. Writes docs/bench/feedback-<date>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { foldForSearch } from '@pilotage/contracts';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { loadFeedbackConfig } from '../src/config.feedback.ts';
import { newId } from '../src/db/ids.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const log = (m: string) => console.log(m);

interface Run {
  name: string;
  requests: number;
  ok: number;
  rps: number;
  p50: number;
  p99: number;
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;

async function post(
  name: string,
  url: string,
  body: (nonce: string) => unknown,
  nonces: Set<string>,
): Promise<Run> {
  const times: number[] = [];
  let ok = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req) => {
              const nonce = randomBytes(8).toString('hex');
              nonces.add(nonce);
              return { ...req, body: JSON.stringify(body(nonce)) };
            },
          },
        ],
      },
      (error) => (error ? reject(error as Error) : resolve()),
    );
    instance.on('response', (_c, status, _b, ms) => {
      times.push(ms);
      if (status === 201) ok += 1;
    });
  });
  times.sort((a, b) => a - b);
  const r = {
    name,
    requests: times.length,
    ok,
    rps: Math.round((ok / SECONDS) * 10) / 10,
    p50: pct(times, 50),
    p99: pct(times, 99),
  };
  log(`  ${name.padEnd(28)} ${r.rps} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  201: ${ok}/${r.requests}`);
  return r;
}

async function main() {
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
  const feedback = {
    ...loadFeedbackConfig({}),
    perIpPerHour: 1e9,
    powAfterPerIp: 1e9,
    hotIntakePerMinute: 1e9,
  };
  const config = loadConfig(
    {},
    { databaseUrl: url, dataDir: ':memory:', webDist: '/nonexistent', statusJobIntervalSeconds: 0, feedback },
  );
  const { database, services } = await bootstrap(config);
  const db = database.db;
  try {
    const topicId = newId();
    await db
      .insertInto('feedback_topic')
      .values({ id: topicId, code: 'data', name: 'Dữ liệu', name_en: 'Data', search_key: 'du lieu data' })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const unit = await db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'BCDCP')
      .executeTakeFirstOrThrow();
    const app = await buildApp({ config, services });
    // the bare insert: one row, no validation beyond JSON, no audit, no event (registered only in the bench)
    app.post('/bench/bare', { config: { public: true } }, async (request, reply) => {
      const b = request.body as { title: string };
      const now = new Date();
      await db
        .insertInto('feedback_item')
        .values({
          id: newId(),
          tracking_code: `BB-${randomBytes(6).toString('hex')}`,
          secret_hash: '-',
          kind: 'difficulty',
          topic_id: topicId,
          title: b.title,
          content: b.title,
          submitter_type: 'citizen',
          status: 'received',
          unit_id: unit.id,
          submitted_at: now,
          deadline_working_days: 15,
          due_at: now,
          search_key: foldForSearch(b.title),
          similarity_key: '',
          updated_at: now,
        })
        .execute();
      return reply.code(201).send({ ok: true });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const bareNonces = new Set<string>();
    const realNonces = new Set<string>();
    log(`\n== PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s each`);
    const bare = await post(
      'bare insert (baseline)',
      `${base}/bench/bare`,
      (n) => ({ title: `bare ${n}` }),
      bareNonces,
    );
    const real = await post(
      'POST /api/public/feedback',
      `${base}/api/public/feedback`,
      (n) => ({
        kind: 'difficulty',
        topic: 'data',
        title: `Khó khăn kết nối dữ liệu ${n}`,
        content: 'Phần mềm một cửa của xã chưa kết nối được với cơ sở dữ liệu quốc gia về dân cư.',
        submitterType: 'citizen',
        contact: { name: 'Nguyễn Văn An', email: 'an@example.vn', citizenId: '001099012345' },
        consentToPublish: true,
        provinceCode: '01',
      }),
      realNonces,
    );
    await app.close();
    // let requests still in flight commit, then count everything in ONE statement (one snapshot)
    await new Promise((r) => setTimeout(r, 2000));
    const counted = await sql<{ n: string; distinct_titles: string; steps: string; mails: string }>`select
        (select count(*) from feedback_item where tracking_code like 'PA-%') as n,
        (select count(distinct title) from feedback_item where tracking_code like 'PA-%') as distinct_titles,
        (select count(*) from feedback_step) as steps,
        (select count(*) from mail_outbox where dedupe_key like 'feedback:%') as mails`.execute(db);
    const c = counted.rows[0]!;
    const n = Number(c.n);
    const distinct = Number(c.distinct_titles);
    const steps = Number(c.steps);
    const mails = Number(c.mails);
    // every 201 has its row (rows ≥ 201s); a few more rows than 201s are requests committed while autocannon
    // was stopping (answered after it stopped listening), not losses
    const lost = Math.max(0, real.ok - n);
    const unanswered = Math.max(0, n - real.ok);
    const duplicated = n - distinct;
    const ratio = Math.round((real.rps / bare.rps) * 1000) / 10;
    log('\n| route | req/s | p50 ms | p99 ms | 201 |');
    log('|---|---|---|---|---|');
    for (const r of [bare, real])
      log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.ok}/${r.requests} |`);
    log(
      `\nsubmissions: ${real.ok} answered 201, ${n} rows (${steps} steps, ${mails} receipt e-mails): lost ${lost}, duplicated ${duplicated} (${unanswered} committed after autocannon stopped listening)`,
    );
    log(`rate ${ratio} % of the bare insert (goal ≥ 50 %), p99 ${real.p99} ms (goal ≤ 100 ms)`);
    const date = new Date().toISOString().slice(0, 10);
    const file = path.resolve(import.meta.dirname, `../../../docs/bench/feedback-${date}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      `${JSON.stringify({ date, machine: { cpus: os.cpus().length, load: os.loadavg(), node: process.version }, connections: CONNECTIONS, seconds: SECONDS, bare, real, rows: n, lost, duplicated, ratioPercent: ratio }, null, 2)}\n`,
    );
    log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    await database.close();
    await stop?.();
  }
}

await main();
process.exit(0);
