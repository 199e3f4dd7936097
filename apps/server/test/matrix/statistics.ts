/** Rows of the feedback statistics: public for anybody, internal and exports limited to the caller's units. */
import { expect } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { uniq } from '../factories.ts';
import { ALL_SIGNED_IN, each, expectStatus, is, row, signedInRow, type M, type Rows } from '../matrix.ts';

let fixture: Promise<string> | undefined;
/** One feedback item handled by another province (Bắc Ninh): only national seats may count it. */
function farItem(m: M) {
  return (fixture ??= (async () => {
    const db = m.env.database.db;
    const topic = newId();
    await db
      .insertInto('feedback_topic')
      .values({ id: topic, code: uniq('T'), name: 'Hạ tầng số', search_key: 'ha tang so' })
      .execute();
    await db
      .insertInto('feedback_item')
      .values({
        id: newId(),
        tracking_code: uniq('PA-'),
        secret_hash: 'x',
        kind: 'difficulty',
        topic_id: topic,
        title: 'Mất sóng',
        content: 'Nội dung',
        submitter_type: 'citizen',
        status: 'received',
        unit_id: m.w.units.otherProvince,
        submitted_at: new Date('2025-05-05T02:00:00Z'),
        deadline_working_days: 10,
        due_at: new Date('2099-01-01T00:00:00Z'),
        search_key: 'x',
        similarity_key: 'x',
        updated_at: new Date(),
      })
      .execute();
    return m.w.units.otherProvince;
  })());
}

const NATIONAL_SEATS = new Set(['steering', 'admin']);

export const statisticsRows = (m: M): Rows => ({
  'statistics.public': row(
    each(['anonymous', ...ALL_SIGNED_IN], async (role) => {
      const unit = await farItem(m);
      const res = await m.w.call(role, 'GET', '/api/public/feedback-statistics?by=unit');
      is(res, 200);
      expect(res.json().rows.some((r: { id: string }) => r.id === unit)).toBe(true);
    }),
  ),
  'statistics.internal': signedInRow(
    m,
    'GET',
    () => '/api/feedback-statistics',
    each(ALL_SIGNED_IN, async (role) => {
      const unit = await farItem(m);
      const res = await m.w.call(role, 'GET', '/api/feedback-statistics?by=unit');
      is(res, 200);
      const ids = res.json().rows.map((r: { id: string }) => r.id);
      expect(ids.includes(unit), role).toBe(NATIONAL_SEATS.has(role));
    }),
  ),
  'statistics.csv': signedInRow(
    m,
    'GET',
    () => '/api/feedback-statistics.csv',
    each(ALL_SIGNED_IN, async (role) => {
      await farItem(m);
      const res = await m.w.call(role, 'GET', '/api/feedback-statistics.csv?lang=vi');
      expect(res.statusCode).toBe(200);
      expect(res.body.includes('Bắc Ninh'), role).toBe(NATIONAL_SEATS.has(role));
    }),
  ),
  'statistics.xlsx': signedInRow(
    m,
    'GET',
    () => '/api/feedback-statistics.xlsx',
    each(
      ALL_SIGNED_IN,
      expectStatus(m, 200, 'GET', () => '/api/feedback-statistics.xlsx'),
    ),
  ),
});

export const STATISTICS_PUBLIC_ROUTES = ['statistics.public'];
