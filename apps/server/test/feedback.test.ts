import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { auditActions, signedIn, unitByCode, type Client } from './factories.ts';
import { seedTopics, submission, submit } from './feedback-factories.ts';

let env: TestEnv;
let admin: Client;
let handler: Client;
let lead: Client;
let otherProvince: Client;
let hanoiId: string;

beforeAll(async () => {
  env = await createTestEnv();
  await seedTopics(env);
  admin = (await signedIn(env, 'VN', ['admin'])).client;
  handler = (await signedIn(env, '01', ['handler'])).client;
  lead = (await signedIn(env, '01', ['unit_lead'])).client;
  otherProvince = (await signedIn(env, '24', ['handler'])).client;
  hanoiId = (await unitByCode(env, '01')).id;
  const rule = await admin.post('/api/feedback-admin/routing-rules', {
    topic: 'data',
    placeUnitId: hanoiId,
    unitId: hanoiId,
  });
  expect(rule.statusCode).toBe(201);
});
afterAll(() => env.close());

describe('public intake → routing → answer → rating', () => {
  it('follows a submission from intake to a rated answer', async () => {
    const res = await submit(env);
    expect(res.statusCode).toBe(201);
    const { trackingCode, secret } = res.json<{ trackingCode: string; secret: string }>();
    expect(trackingCode).toMatch(/^PA-/);

    // the receipt e-mail carries both codes
    const mail = await env.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('dedupe_key', 'like', 'feedback:%')
      .execute();
    expect(
      mail.some(
        (m) =>
          m.body.includes(trackingCode) && m.body.includes(secret) && m.to_address === 'an.nguyen@example.vn',
      ),
    ).toBe(true);

    // a wrong secret reveals nothing: the same 404 as an unknown code
    const wrong = await env.app.inject({
      url: `/api/public/feedback/${trackingCode}?secret=wrong-secret-123456`,
    });
    const unknown = await env.app.inject({ url: `/api/public/feedback/PA-0000000000?secret=${secret}` });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().detail ?? wrong.json().title).toBe(unknown.json().detail ?? unknown.json().title);

    const tracked = await env.app.inject({ url: `/api/public/feedback/${trackingCode}?secret=${secret}` });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ trackingCode, status: 'received', answer: null });
    expect(tracked.body).not.toContain('001099012345');
    expect(tracked.body).not.toContain('an.nguyen');

    // routed by the rule (data × Hà Nội → Hà Nội); the other province does not see it
    const list = await handler.get('/api/feedback?status=received');
    const item = list
      .json<{ items: { id: string; trackingCode: string; unitId: string }[] }>()
      .items.find((i) => i.trackingCode === trackingCode)!;
    expect(item.unitId).toBe(hanoiId);
    const theirs = await otherProvince.get('/api/feedback');
    expect(
      theirs.json<{ items: { trackingCode: string }[] }>().items.map((i) => i.trackingCode),
    ).not.toContain(trackingCode);
    expect((await otherProvince.get(`/api/feedback/${item.id}`)).statusCode).toBe(404);

    // the handler of the unit sees the contact masked; the national admin (another unit) not at all
    const detail = await handler.get(`/api/feedback/${item.id}`);
    expect(detail.json().contact).toEqual({
      name: 'Nguyễn V** A*',
      email: 'a***@example.vn',
      phone: '*******678',
      citizenId: '*********345',
    });
    expect(detail.body).not.toContain('001099012345');
    expect((await admin.get(`/api/feedback/${item.id}`)).json().contact).toBeNull();

    const act = (c: Client, body: object) => c.post(`/api/feedback/${item.id}/actions`, body);
    // illegal: answering before processing, closing before answering
    expect((await act(handler, { action: 'close' })).statusCode).toBe(409);
    expect((await act(handler, { action: 'accept' })).statusCode).toBe(200);
    expect((await act(handler, { action: 'start' })).statusCode).toBe(200);
    expect((await act(handler, { action: 'note', body: 'Nội bộ: đã liên hệ Sở' })).statusCode).toBe(200);
    expect(
      (
        await act(handler, {
          action: 'save_answer',
          body: 'Đã kết nối thành công phần mềm một cửa với cơ sở dữ liệu dân cư.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await act(handler, { action: 'submit_answer' })).statusCode).toBe(200);
    // only a lead approves
    expect((await act(handler, { action: 'approve_answer' })).statusCode).toBe(403);
    const approved = await act(lead, { action: 'approve_answer' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('answered');

    const seen = await env.app.inject({ url: `/api/public/feedback/${trackingCode}?secret=${secret}` });
    expect(seen.json()).toMatchObject({ status: 'answered', canRate: true });
    expect(seen.json().answer.body).toContain('Đã kết nối');
    expect(seen.body).not.toContain('Nội bộ'); // internal notes stay internal

    // published (consent given), found without diacritics
    const answers = await env.app.inject({ url: '/api/public/answers?q=ket noi phan mem mot cua' });
    expect(answers.json().items.map((a: { title: string }) => a.title)).toContain(submission().title);
    expect(answers.body).not.toContain('Nguyễn Văn An');

    const rated = await env.app.inject({
      method: 'POST',
      url: `/api/public/feedback/${trackingCode}/rating`,
      payload: { secret, score: 5 },
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().rating).toEqual({ score: 5, comment: null });
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/public/feedback/${trackingCode}/rating`,
          payload: { secret, score: 4 },
        })
      ).statusCode,
    ).toBe(409);

    expect(await auditActions(env, item.id)).toEqual([
      'feedback.submit',
      ...Array(6).fill('feedback.act'),
      'feedback.public_act',
    ]);
  });

  it('pauses the clock while information is requested and resumes it on reply', async () => {
    const { trackingCode, secret } = (await submit(env, submission(), '203.0.113.8')).json<{
      trackingCode: string;
      secret: string;
    }>();
    const { items } = (await handler.get(`/api/feedback?q=${trackingCode}`)).json<{
      items: { id: string }[];
    }>();
    const id = items[0]!.id;
    await handler.post(`/api/feedback/${id}/actions`, { action: 'accept' });
    const asked = await handler.post(`/api/feedback/${id}/actions`, {
      action: 'request_info',
      question: 'Xin cho biết tên phần mềm một cửa?',
    });
    expect(asked.json().clock.paused).toBe(true);
    const tracked = await env.app.inject({ url: `/api/public/feedback/${trackingCode}?secret=${secret}` });
    expect(tracked.json()).toMatchObject({
      status: 'info_requested',
      question: 'Xin cho biết tên phần mềm một cửa?',
    });
    const replied = await env.app.inject({
      method: 'POST',
      url: `/api/public/feedback/${trackingCode}/reply`,
      payload: { secret, message: 'Phần mềm iGate' },
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'processing', clock: { paused: false } });
  });

  it('sends what no rule covers to the steering office triage queue', async () => {
    const { trackingCode } = (
      await submit(env, submission({ topic: 'institutions', provinceCode: 'Bắc Ninh' }), '203.0.113.9')
    ).json();
    const steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
    const queue = await steering.get('/api/feedback?triage=true');
    expect(queue.json().items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(trackingCode);
    expect((await handler.get(`/api/feedback?q=${trackingCode}`)).json().total).toBe(0);
  });
});
