/** Rows of "from reports to recommendations": promotion by reviewers/leads/steering of reports they see. */
import { expect } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { uniq } from '../factories.ts';
import { ALL_SIGNED_IN, each, is, signedInRow, type M, type Rows, type SignedInClass } from '../matrix.ts';
import { act, saveReport } from '../reports-helpers.ts';
import { assignedTask } from '../tasks-factories.ts';

let topic: Promise<string> | undefined;
const topicCode = (m: M) =>
  (topic ??= (async () => {
    const code = uniq('T');
    await m.env.database.db
      .insertInto('feedback_topic')
      .values({ id: newId(), code, name: 'Thể chế', search_key: 'the che' })
      .execute();
    return code;
  })());

/** A fresh submitted report of the seats' commune, with a difficulty. */
async function report(m: M) {
  const { assignment } = await assignedTask(m.env, '00004');
  const officer = m.w.seats.communeOfficer.client;
  const saved = await saveReport(officer, {
    assignmentId: assignment.id,
    period: '2025-06',
    progress: 30,
    difficulties: `Chưa có hướng dẫn liên thông dữ liệu ${uniq()}`,
  });
  is(await act(officer, saved.reportId, 'submit', {}), 200);
  return saved.reportId;
}

const PROMOTERS = new Set<SignedInClass>(['communeLead', 'steering', 'admin']);
/** Whether the role sees the report (the reports module's own rule, read through its route). */
const sees = async (m: M, role: SignedInClass, id: string) =>
  (await m.w.call(role, 'GET', `/api/reports/${id}`)).statusCode === 200;

let promoted: Promise<{ reportId: string; itemId: string }> | undefined;
const promotedOnce = (m: M) =>
  (promoted ??= (async () => {
    const reportId = await report(m);
    const res = await m.w.call('steering', 'POST', `/api/reports/${reportId}/recommendations`, {
      field: 'difficulties',
      topic: await topicCode(m),
    });
    is(res, 201);
    return { reportId, itemId: res.json<{ itemId: string }>().itemId };
  })());

export const recommendationRows = (m: M): Rows => ({
  'recommendation.promote': signedInRow(
    m,
    'POST',
    () => `/api/reports/${newId()}/recommendations`,
    each(ALL_SIGNED_IN, async (role) => {
      const id = await report(m);
      const res = await m.w.call(role, 'POST', `/api/reports/${id}/recommendations`, {
        field: 'difficulties',
        topic: await topicCode(m),
      });
      const r = role as SignedInClass;
      const expected = !(await sees(m, r, id)) ? 404 : PROMOTERS.has(r) ? 201 : 403;
      is(res, expected);
    }),
    () => ({ field: 'difficulties', topic: 'X' }),
  ),
  'recommendation.forReport': signedInRow(
    m,
    'GET',
    () => `/api/reports/${newId()}/recommendations`,
    each(ALL_SIGNED_IN, async (role) => {
      const { reportId } = await promotedOnce(m);
      const res = await m.w.call(role, 'GET', `/api/reports/${reportId}/recommendations`);
      is(res, (await sees(m, role as SignedInClass, reportId)) ? 200 : 404);
    }),
  ),
  'recommendation.sources': signedInRow(
    m,
    'GET',
    () => `/api/feedback-items/${newId()}/source-reports`,
    each(ALL_SIGNED_IN, async (role) => {
      const { reportId, itemId } = await promotedOnce(m);
      const res = await m.w.call(role, 'GET', `/api/feedback-items/${itemId}/source-reports`);
      is(res, 200);
      expect(res.json().items.length).toBe((await sees(m, role as SignedInClass, reportId)) ? 1 : 0);
    }),
  ),
  'recommendation.mostCited': signedInRow(
    m,
    'GET',
    () => '/api/recommendations/most-cited',
    each(ALL_SIGNED_IN, async (role) => {
      const { itemId } = await promotedOnce(m);
      const res = await m.w.call(role, 'GET', '/api/recommendations/most-cited?limit=100');
      is(res, 200);
      // routed to the steering office (no routing rule): national seats only
      const ids = res.json().items.map((i: { itemId: string }) => i.itemId);
      expect(ids.includes(itemId), role).toBe(role === 'steering' || role === 'admin');
    }),
  ),
});
