import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, unitByCode, uniq } from './factories.ts';

let env: TestEnv;
let topicId: string;
const units: Record<string, string> = {};

/** A feedback item written straight into the feedback module's table (statistics only read it). */
async function item(f: {
  unit: string;
  status: string;
  submitted: string;
  due: string;
  answered?: string;
  paused?: number;
  ratings?: number[];
}) {
  const id = newId();
  await env.database.db
    .insertInto('feedback_item')
    .values({
      id,
      tracking_code: uniq('PA-'),
      secret_hash: 'x',
      kind: 'difficulty',
      topic_id: topicId,
      title: 'Khó khăn khi kết nối dữ liệu',
      content: 'Nội dung',
      submitter_type: 'citizen',
      status: f.status as 'received',
      unit_id: units[f.unit]!,
      submitted_at: new Date(f.submitted),
      deadline_working_days: 10,
      due_at: new Date(f.due),
      answered_at: f.answered ? new Date(f.answered) : null,
      paused_working_days: f.paused ?? 0,
      search_key: 'x',
      similarity_key: 'x',
      updated_at: new Date(),
    })
    .execute();
  for (const score of f.ratings ?? [])
    await env.database.db
      .insertInto('feedback_rating')
      .values({ id: newId(), item_id: id, score, rated_at: new Date() })
      .execute();
}

beforeAll(async () => {
  env = await createTestEnv();
  for (const code of ['01', 'BKHCN']) units[code] = (await unitByCode(env, code)).id;
  topicId = newId();
  await env.database.db
    .insertInto('feedback_topic')
    .values({ id: topicId, code: uniq('T'), name: 'Dữ liệu', name_en: 'Data', search_key: 'du lieu' })
    .execute();
  // Hà Nội: answered in 2 working days (Mon 3 → Wed 5 March 2025, 09:00 Vietnam), on time, rated 5
  await item({
    unit: '01',
    status: 'answered',
    submitted: '2025-03-03T02:00:00Z',
    answered: '2025-03-05T02:00:00Z',
    due: '2025-03-31T16:59:59Z',
    ratings: [5],
  });
  // Hà Nội: Fri 24 Jan → Mon 3 Feb 2025 across Tết (28 Jan–1 Feb off): 2 working days, after its due date
  await item({
    unit: '01',
    status: 'closed',
    submitted: '2025-01-24T02:00:00Z',
    answered: '2025-02-03T02:00:00Z',
    due: '2025-01-30T16:59:59Z',
    ratings: [3],
  });
  // Hà Nội: 10 working days from Mon 3 to Mon 17 March, 4 of them paused: 6
  await item({
    unit: '01',
    status: 'answered',
    submitted: '2025-03-03T02:00:00Z',
    answered: '2025-03-17T02:00:00Z',
    due: '2025-04-30T16:59:59Z',
    paused: 4,
  });
  // Hà Nội: open past its deadline (overdue); paused past it (not overdue); merged (not counted)
  await item({
    unit: '01',
    status: 'processing',
    submitted: '2025-05-05T02:00:00Z',
    due: '2025-05-19T16:59:59Z',
  });
  await item({
    unit: '01',
    status: 'info_requested',
    submitted: '2025-05-05T02:00:00Z',
    due: '2025-05-19T16:59:59Z',
  });
  await item({
    unit: '01',
    status: 'merged',
    submitted: '2025-05-05T02:00:00Z',
    due: '2025-05-19T16:59:59Z',
  });
  // the ministry: one received, not yet due
  await item({
    unit: 'BKHCN',
    status: 'received',
    submitted: '2025-05-05T02:00:00Z',
    due: '2099-01-01T00:00:00Z',
  });
});
afterAll(() => env.close());

describe('feedback statistics', () => {
  it('counts per unit on the working-day clock: on time, overdue, median, satisfaction', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/public/feedback-statistics?by=unit' });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const hn = s.rows.find((r: { id: string }) => r.id === units['01']);
    expect(hn).toMatchObject({
      name: 'Hà Nội',
      received: 5,
      answered: 3,
      answeredOnTime: 2,
      overdue: 1,
      medianWorkingDays: 2,
      satisfaction: 4,
      ratings: 2,
    });
    expect(s.total).toMatchObject({ received: 6, answered: 3, overdue: 1 });
    const byTopic = (
      await env.app.inject({
        method: 'GET',
        url: '/api/public/feedback-statistics?by=topic',
        headers: { 'accept-language': 'en' },
      })
    ).json();
    expect(byTopic.rows).toEqual([expect.objectContaining({ name: 'Data', received: 6 })]);
  });

  it('limits the internal statistics and their exports to the caller’s units', async () => {
    const { client } = await signedIn(env, '01', ['officer']);
    const s = (await client.get('/api/feedback-statistics?by=unit')).json();
    expect(s.rows.map((r: { id: string }) => r.id)).toEqual([units['01']]);
    expect(s.total.received).toBe(5);
    const csv = await client.get('/api/feedback-statistics.csv?by=unit&lang=en');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Median (working days)');
    expect(csv.body).toContain('Hanoi,01,5,3,2,1,2,4,2'); // English names in English
    expect(csv.body).not.toContain('Science and Technology');
    const xlsx = await client.get('/api/feedback-statistics.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
