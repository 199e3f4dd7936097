import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFeedbackConfig } from '../src/config.feedback.ts';
import { solve } from '../src/modules/feedback/pow.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { seedTopics, submission, submit } from './feedback-factories.ts';
import { tinyPdf } from './reports-helpers.ts';

let env: TestEnv;
const feedback = {
  ...loadFeedbackConfig({}),
  powAfterPerIp: 2,
  perIpPerHour: 5,
  powBits: 8,
  maxFiles: 2,
  maxFileBytes: 2000,
};
beforeAll(async () => {
  env = await createTestEnv({ feedback });
  await seedTopics(env);
});
afterAll(() => env.close());

const count = async (table: 'feedback_item' | 'feedback_attachment') =>
  Number(
    (
      await env.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A multipart body: the JSON `payload` part and file parts. */
function multipart(payload: unknown, files: { name: string; content: Buffer }[]) {
  const boundary = `----fb${Math.random().toString(16).slice(2)}`;
  const parts = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify(payload)}\r\n`,
    ),
    ...files.map((f) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        f.content,
        Buffer.from('\r\n'),
      ]),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ];
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const postMultipart = (body: ReturnType<typeof multipart>, ip: string) =>
  env.app.inject({ method: 'POST', url: '/api/public/feedback', remoteAddress: ip, ...body });

describe('evidence files', () => {
  it('stores files checked by content', async () => {
    const res = await postMultipart(
      multipart(submission(), [{ name: 'bien-ban.pdf', content: tinyPdf() }]),
      '10.0.0.1',
    );
    expect(res.statusCode).toBe(201);
    expect(await count('feedback_attachment')).toBe(1);
  });

  it('refuses a wrong type by content, an oversized file, too many files — 4xx and nothing stored', async () => {
    const items = await count('feedback_item');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    const wrong = await postMultipart(
      multipart(submission(), [{ name: 'anh.pdf', content: exe }]),
      '10.0.0.2',
    );
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'files.0' });
    const big = await postMultipart(
      multipart(submission(), [{ name: 'big.pdf', content: Buffer.concat([tinyPdf(), Buffer.alloc(3000)]) }]),
      '10.0.0.3',
    );
    expect(big.statusCode).toBe(413);
    const many = await postMultipart(
      multipart(
        submission(),
        [1, 2, 3].map((i) => ({ name: `${i}.pdf`, content: tinyPdf() })),
      ),
      '10.0.0.4',
    );
    expect(many.statusCode).toBe(400);
    expect(many.json().errors[0]).toMatchObject({ path: 'files' });
    const noPayload = await postMultipart(multipart(undefined, []), '10.0.0.5');
    expect(noPayload.statusCode).toBe(400);
    expect(await count('feedback_item')).toBe(items);
    expect(await count('feedback_attachment')).toBe(1);
  });
});

describe('anti-abuse', () => {
  it('answers a bot that fills the honeypot as if accepted, storing nothing', async () => {
    const items = await count('feedback_item');
    const res = await submit(env, submission({ website: 'http://spam.example' }), '10.0.1.1');
    expect(res.statusCode).toBe(201);
    expect(res.json().trackingCode).toMatch(/^PA-/);
    expect(await count('feedback_item')).toBe(items);
  });

  it('asks a hot address for a proof of work, accepts a solution once, and stops it past the hourly limit', async () => {
    const ip = '10.0.2.1';
    expect((await submit(env, submission(), ip)).statusCode).toBe(201);
    expect((await submit(env, submission(), ip)).statusCode).toBe(201);
    const challenge = await env.app.inject({ url: '/api/public/feedback/challenge', remoteAddress: ip });
    expect(challenge.json()).toMatchObject({ bits: 8, required: true });
    expect((await submit(env, submission(), ip)).statusCode).toBe(428);
    const { challenge: c, bits } = challenge.json<{ challenge: string; bits: number }>();
    const pow = { challenge: c, nonce: solve(c, bits) };
    expect((await submit(env, submission({ pow }), ip)).statusCode).toBe(201);
    expect((await submit(env, submission({ pow }), ip)).statusCode).toBe(428); // a solution serves once
    const res = await submit(env, submission(), ip);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    // another address is not concerned
    expect(
      (await env.app.inject({ url: '/api/public/feedback/challenge', remoteAddress: '10.0.2.2' })).json()
        .required,
    ).toBe(false);
  });
});

describe('similar submissions', () => {
  it('shows published ones alike after folding (Hòa/Hoà)', async () => {
    await submit(
      env,
      submission({
        title: 'Thủ tục hòa giải trực tuyến còn rườm rà',
        content: 'Thủ tục hòa giải ở cơ sở chưa được số hóa đầy đủ.',
      }),
      '10.0.3.1',
    );
    const res = await env.app.inject({
      url: `/api/public/feedback/similar?q=${encodeURIComponent('thủ tục hoà giải trực tuyến')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].title).toBe('Thủ tục hòa giải trực tuyến còn rườm rà');
    expect(res.body).not.toContain('Nguyễn Văn An');
  });
});

describe('the feedback timer', () => {
  it('reminds before the deadline, escalates overdue items to the parent unit once, purges contacts after retention', async () => {
    const { trackingCode } = (
      await submit(env, submission({ provinceCode: undefined, communeCode: '00004' }), '10.0.4.1')
    ).json();
    const item = await env.database.db
      .selectFrom('feedback_item')
      .selectAll()
      .where('tracking_code', '=', trackingCode)
      .executeTakeFirstOrThrow();
    const commune = await env.database.db
      .selectFrom('org_unit')
      .select(['id', 'parent_id'])
      .where('code', '=', '00004')
      .executeTakeFirstOrThrow();
    await env.database.db
      .updateTable('feedback_item')
      .set({ unit_id: commune.id })
      .where('id', '=', item.id)
      .execute();
    const late = new Date(item.due_at.getTime() + 86_400_000);
    const first = await env.services.feedback.jobs.run(late);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect((await env.services.feedback.jobs.run(late)).escalated).toBe(0);
    const events = await env.database.db
      .selectFrom('domain_event')
      .select(['payload'])
      .where('subject_id', '=', item.id)
      .execute();
    const overdue = events
      .map((e) => e.payload as { change: string; escalateToUnitId?: string })
      .filter((p) => p.change === 'overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.escalateToUnitId).toBe(commune.parent_id);
    await env.services.notifications.dispatchOnce(late);
    const notes = await env.database.db
      .selectFrom('notification')
      .select(['kind', 'unit_id'])
      .where('subject_id', '=', item.id)
      .execute();
    expect(notes).toContainEqual({ kind: 'feedback_overdue', unit_id: commune.parent_id });

    await env.database.db
      .updateTable('feedback_item')
      .set({ status: 'closed', closed_at: new Date('2020-01-01T00:00:00Z') })
      .where('id', '=', item.id)
      .execute();
    expect((await env.services.feedback.jobs.run(late)).purged).toBe(1);
    const after = await env.database.db
      .selectFrom('feedback_item')
      .selectAll()
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ contact_enc: null, contact_key_id: null, title: item.title });
    expect(after.personal_data_purged_at).not.toBeNull();
  });
});
