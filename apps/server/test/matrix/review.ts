/** Rows of the reviewer's bulk tools: accept many reports at once, and the unit's return reasons. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ALL_SIGNED_IN, each, is, signedInRow, type M, type Rows, type SignedInClass } from '../matrix.ts';

type Outcome = { id: string; outcome: string; status: string | null; message: string | null };
const outcomes = (res: { json: () => { results: Outcome[] } }) =>
  Object.fromEntries(res.json().results.map((r) => [r.id, r.outcome]));

export const reviewRows = (m: M): Rows => ({
  'reviewQueue.acceptMany': signedInRow(
    m,
    'POST',
    () => '/api/reviews/accept',
    each(ALL_SIGNED_IN, async (role) => {
      const { a } = await m.fx.chain();
      const { reports } = await m.fx.submitted(a, '2025-09');
      const ids = [reports.commune, reports.otherCommune, reports.otherProvinceCommune];
      // nobody but the assigning unit's reviewer accepts anything: every report refused, nothing changed
      const res = await m.w.call(role, 'POST', '/api/reviews/accept', { ids });
      is(res, 200);
      expect(Object.values(outcomes(res)), role).toEqual(['refused', 'refused', 'refused']);
      for (const r of res.json().results as Outcome[]) expect(r.message, role).toBeTruthy();
      // Hà Nội's reviewer accepts its two communes' reports; Bắc Ninh's commune is not its to see
      const reviewer = m.fx.makers.provinceReviewer;
      const done = await reviewer.post('/api/reviews/accept', { ids: [...ids, randomUUID()] });
      is(done, 200);
      expect(done.json()).toMatchObject({ accepted: 2, alreadyAccepted: 0, refused: 2 });
      expect(outcomes(done)[reports.otherProvinceCommune]).toBe('refused');
      // a repeat changes nothing and is no error
      const again = await reviewer.post('/api/reviews/accept', { ids: [reports.commune] });
      expect(again.json()).toMatchObject({ accepted: 0, alreadyAccepted: 1, refused: 0 });
    }),
    () => ({ ids: [randomUUID()] }),
  ),
  'reviewQueue.returnReasons': signedInRow(
    m,
    'GET',
    () => '/api/reviews/return-reasons',
    each(ALL_SIGNED_IN, async (role) => {
      // a reason Hà Nội's reviewer wrote is offered to Hà Nội's people only
      const { a } = await m.fx.chain();
      const { reports } = await m.fx.submitted(a, '2025-09');
      const reason = `Bổ sung minh chứng ${randomUUID()}`;
      is(await m.fx.makers.provinceReviewer.post(`/api/reports/${reports.commune}/return`, { reason }), 200);
      const res = await m.w.call(role, 'GET', '/api/reviews/return-reasons');
      is(res, 200);
      const texts = (res.json().items as { text: string }[]).map((i) => i.text);
      expect(texts.includes(reason), role).toBe((role as SignedInClass) === 'provinceOfficer');
      const mine = await m.fx.makers.provinceReviewer.get('/api/reviews/return-reasons');
      expect(mine.json().items[0]).toMatchObject({ uses: expect.any(Number) });
      expect(mine.json().items.map((i: { text: string }) => i.text)).toContain(reason);
    }),
  ),
});
