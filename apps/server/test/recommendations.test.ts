import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { auditActions, signedIn, uniq, type Client } from './factories.ts';
import { act, saveReport } from './reports-helpers.ts';
import { assignedTask } from './tasks-factories.ts';

let env: TestEnv;
let officer: Client;
let reviewer: Client;
let steering: Client;
let topic: string;
const DIFFICULTY = 'Thiếu kinh phí duy trì hệ thống; đề nghị bố trí vốn sự nghiệp cho năm 2026.';

/** A Ba Đình report, submitted, with a difficulty and a proposal. */
async function submittedReport(difficulties = DIFFICULTY) {
  const { assignment } = await assignedTask(env, '00004');
  const saved = await saveReport(officer, {
    assignmentId: assignment.id,
    period: '2025-06',
    progress: 40,
    difficulties,
    proposals: 'Đề nghị Bộ hướng dẫn chuẩn kết nối dữ liệu.',
  });
  expect(saved.statusCode, saved.body).toBeLessThan(300);
  expect((await act(officer, saved.reportId, 'submit', {})).statusCode).toBe(200);
  return saved.reportId;
}

beforeAll(async () => {
  env = await createTestEnv();
  officer = (await signedIn(env, '00004', ['officer'])).client;
  reviewer = (await signedIn(env, '01', ['reviewer'])).client;
  steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
  topic = uniq('T');
  await env.database.db
    .insertInto('feedback_topic')
    .values({ id: newId(), code: topic, name: 'Dữ liệu', search_key: 'du lieu' })
    .execute();
});
afterAll(() => env.close());

describe('from reports to recommendations', () => {
  it('promotes a difficulty in one action, routed with a deadline, linked both ways; cites a twin again', async () => {
    const reportId = await submittedReport();
    const url = `/api/reports/${reportId}/recommendations`;
    expect((await officer.post(url, { field: 'difficulties', topic })).statusCode).toBe(403);
    const promoted = await reviewer.post(url, { field: 'difficulties', topic });
    expect(promoted.statusCode, promoted.body).toBe(201);
    const p = promoted.json();
    expect(p).toMatchObject({ field: 'difficulties', status: 'received', created: true, citations: 1 });
    expect(p.title).toContain('Thiếu kinh phí duy trì hệ thống');
    const item = await env.database.db
      .selectFrom('feedback_item')
      .selectAll()
      .where('id', '=', p.itemId)
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({ kind: 'recommendation', source: 'report', source_report_id: reportId });
    expect(item.due_at.getTime()).toBeGreaterThan(item.submitted_at.getTime());
    expect(await auditActions(env, p.itemId)).toEqual(['feedback.submit']);
    expect((await reviewer.post(url, { field: 'difficulties', topic })).statusCode).toBe(409);
    // the report shows its recommendation; the item shows its source report
    expect((await officer.get(url)).json().items.map((i: { itemId: string }) => i.itemId)).toEqual([
      p.itemId,
    ]);
    const sources = (await officer.get(`/api/feedback-items/${p.itemId}/source-reports`)).json();
    expect(sources.items).toEqual([
      expect.objectContaining({ reportId, field: 'difficulties', text: DIFFICULTY }),
    ]);
    // another report with the same difficulty (written differently) cites the same recommendation
    const other = await submittedReport(
      'Thiếu  kinh phí duy trì hệ thống;  đề nghị bố trí vốn sự nghiệp cho năm 2026',
    );
    const again = await reviewer.post(`/api/reports/${other}/recommendations`, {
      field: 'difficulties',
      topic,
    });
    expect(again.json()).toMatchObject({ itemId: p.itemId, created: false, citations: 2 });
    const top = (await steering.get('/api/recommendations/most-cited')).json();
    expect(top.items[0]).toMatchObject({ itemId: p.itemId, citations: 2, answer: null });
  });

  it('refuses a draft report, an empty field and an unknown topic', async () => {
    const { assignment } = await assignedTask(env, '00004');
    const draft = await saveReport(officer, { assignmentId: assignment.id, period: '2025-06', progress: 10 });
    const url = `/api/reports/${draft.reportId}/recommendations`;
    expect((await reviewer.post(url, { field: 'difficulties', topic })).statusCode).toBe(404); // a draft is the writer's
    const reportId = await submittedReport();
    const u2 = `/api/reports/${reportId}/recommendations`;
    const unknown = await reviewer.post(u2, { field: 'proposals', topic: 'NOPE' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('topic');
  });
});
