import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { auditActions, signedIn, type Client } from './factories.ts';
import { multipartBody, tinyPdf } from './reports-helpers.ts';
import { createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
let steering: Client;
const experts: { client: Client; id: string }[] = [];
let ip = 0;

const proposal = (over: Record<string, unknown> = {}) => ({
  title: 'Nền tảng số hoá hồ sơ Hoà giải ở cơ sở',
  kind: 'solution',
  domain: 'digital_government',
  trl: 6,
  description: 'Giải pháp giúp xã, phường số hoá hồ sơ hoà giải và tra cứu trực tuyến cho người dân.',
  proposer: {
    name: 'Nguyễn Văn Bí Mật',
    organisation: 'Công ty Cổ phần Đổi Mới',
    type: 'business',
    email: 'bi.mat@example.vn',
    phone: '0912345678',
  },
  provinceCode: '01',
  ...over,
});

/** Each proposal from its own address unless told (the per-address limit is tested on its own). */
const propose = (body: unknown, from = `10.0.0.${++ip}`) =>
  env.app.inject({
    method: 'POST',
    url: '/api/public/initiatives',
    payload: body as object,
    remoteAddress: from,
  });

async function proposedId(over: Record<string, unknown> = {}) {
  const res = await propose(proposal(over));
  expect(res.statusCode, res.body).toBe(201);
  const { code, secret } = res.json<{ code: string; secret: string }>();
  const row = await env.database.db
    .selectFrom('initiative')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return { id: row.id, code, secret };
}

beforeAll(async () => {
  env = await createTestEnv();
  steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
  for (const unit of ['BKHCN', 'BCA', '01']) {
    const e = await signedIn(env, unit, ['expert']);
    experts.push({ client: e.client, id: e.user.id });
  }
});
afterAll(() => env.close());

describe('initiative portal', () => {
  it('takes a proposal without an account, files by content, and keeps it out of the catalogue until screened', async () => {
    const { id, code, secret } = await proposedId();
    const attach = (file: Buffer, name: string, s = secret) => {
      const { payload, headers } = multipartBody('file', name, file);
      return env.app.inject({
        method: 'POST',
        url: `/api/public/initiatives/${code}/attachments?secret=${s}`,
        payload,
        headers,
      });
    };
    expect((await attach(tinyPdf(), 'mo-ta.pdf')).statusCode).toBe(201);
    expect((await attach(Buffer.from('MZ\x90\x00 not a pdf'), 'x.pdf')).statusCode).toBe(415);
    expect((await attach(tinyPdf(), 'x.pdf', 'wrong-secret-wrong-secret')).statusCode).toBe(404);
    const pub = await env.app.inject({ method: 'GET', url: `/api/public/initiatives/${code}` });
    expect(pub.statusCode).toBe(404);
    const screened = await steering.post(`/api/initiatives/${id}/screen`, { accept: true });
    expect(screened.statusCode, screened.body).toBe(200);
    expect(screened.json().proposer.email).toBe('bi.mat@example.vn');
    expect((await attach(tinyPdf(), 'late.pdf')).statusCode).toBe(409);
    const detail = await env.app.inject({ method: 'GET', url: `/api/public/initiatives/${code}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().attachmentCount).toBe(1);
    for (const secretText of ['Bí Mật', 'bi.mat@example.vn', '0912345678'])
      expect(detail.body).not.toContain(secretText);
    // diacritic-insensitive search finds "Hoà giải" typed "hoa giai"
    const found = await env.app.inject({
      method: 'GET',
      url: '/api/public/initiatives?q=hoa%20giai&province=01',
    });
    expect(found.json().items.map((i: { code: string }) => i.code)).toContain(code);
    expect(found.body).not.toContain('bi.mat@example.vn');
    expect(await auditActions(env, id)).toEqual([
      'initiative.propose',
      'initiative.attach',
      'initiative.screen',
    ]);
  });

  it('drops a filled honeypot silently and limits proposals per address', async () => {
    const before = await env.database.db
      .selectFrom('initiative')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const bot = await propose(proposal({ website: 'http://spam.example' }));
    expect(bot.statusCode).toBe(201);
    const after = await env.database.db
      .selectFrom('initiative')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await propose(proposal(), '192.0.2.7')).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('keeps scores blind until every non-conflicted expert scored, refuses a conflicted expert, aggregates', async () => {
    const { id } = await proposedId();
    await steering.post(`/api/initiatives/${id}/screen`, { accept: true });
    const assigned = await steering.post(`/api/initiatives/${id}/experts`, {
      userIds: experts.map((e) => e.id),
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().status).toBe('under_evaluation');
    const [a, b, c] = experts as [(typeof experts)[0], (typeof experts)[0], (typeof experts)[0]];
    const score = (e: Client, s: number[]) =>
      e.request({
        method: 'PUT',
        url: `/api/initiatives/${id}/score`,
        payload: { scores: { novelty: s[0], feasibility: s[1], impact: s[2], scalability: s[3] } },
      });
    // no declaration yet: refused
    expect((await score(a.client, [5, 5, 5, 5])).statusCode).toBe(409);
    expect((await a.client.post(`/api/initiatives/${id}/conflict`, { conflict: false })).statusCode).toBe(
      200,
    );
    expect((await b.client.post(`/api/initiatives/${id}/conflict`, { conflict: false })).statusCode).toBe(
      200,
    );
    const declared = await c.client.post(`/api/initiatives/${id}/conflict`, {
      conflict: true,
      reason: 'Tôi từng làm cố vấn cho công ty',
    });
    expect(declared.statusCode).toBe(200);
    const refused = await score(c.client, [1, 1, 1, 1]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toContain('xung đột');
    expect((await score(a.client, [5, 5, 5, 5])).statusCode).toBe(200);
    // b has not scored: b sees nothing of a's, steering neither
    const bView = (await b.client.get(`/api/initiatives/${id}`)).json();
    expect(bView.revealed).toBe(false);
    expect(bView.experts.find((e: { userId: string }) => e.userId === a.id).scores).toBeNull();
    expect(bView.aggregate).toBeNull();
    const aView = (await a.client.get(`/api/initiatives/${id}`)).json();
    expect(aView.experts.find((e: { userId: string }) => e.userId === a.id).scores.novelty).toBe(5);
    expect((await steering.get(`/api/initiatives/${id}`)).json().experts[0].scores).toBeNull();
    const last = await score(b.client, [3, 2, 3, 2]);
    expect(last.statusCode, last.body).toBe(200);
    const done = last.json();
    expect(done.status).toBe('evaluated');
    expect(done.revealed).toBe(true);
    // 100 and (25·3+25·2+30·3+20·2)/500 = 51
    expect(done.aggregate).toMatchObject({ n: 2, mean: 75.5, min: 51, max: 100, stdDev: 24.5 });
    // decision linked to a task
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id);
    const decided = await steering.post(`/api/initiatives/${id}/decision`, {
      decision: 'pilot',
      note: 'Thí điểm tại Hà Nội',
      followUp: 'Báo cáo kết quả sau 6 tháng',
      taskIds: [task.id],
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().tasks.map((t: { id: string }) => t.id)).toEqual([task.id]);
    expect((await score(a.client, [1, 1, 1, 1])).statusCode).toBe(409);
  });

  it('lets steering reject before evaluation but decide pilot/deploy only once evaluated', async () => {
    const { id } = await proposedId();
    await steering.post(`/api/initiatives/${id}/screen`, { accept: true });
    const early = await steering.post(`/api/initiatives/${id}/decision`, { decision: 'deploy', note: 'x' });
    expect(early.statusCode).toBe(409);
    const reject = await steering.post(`/api/initiatives/${id}/decision`, {
      decision: 'reject',
      note: 'Trùng lặp',
    });
    expect(reject.statusCode).toBe(200);
  });
});
