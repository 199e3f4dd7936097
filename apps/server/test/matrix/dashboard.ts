/** Rows of the home page by role and the programme dashboard (issue 8). */
import { expect } from 'vitest';
import { ALL_SIGNED_IN, each, is, signedInRow, type M, type Rows, type SignedInClass } from '../matrix.ts';

/** Blocks each seat's home shows (the others are null). */
const BLOCKS: Record<SignedInClass, readonly string[]> = {
  communeOfficer: ['todo'],
  communeLead: ['todo', 'approval', 'commitments'],
  provinceOfficer: ['todo'],
  ministryOfficer: ['todo'],
  steering: ['review', 'steering'],
  admin: ['review', 'steering'],
};
const ALL_BLOCKS = ['todo', 'review', 'approval', 'commitments', 'steering'];

/** Units a seat's dashboard may name (its scope; the lead ministry sees its task's units). */
const unitsSeen = (m: M, role: SignedInClass): string[] => {
  const u = m.w.units;
  if (role === 'communeOfficer' || role === 'communeLead') return [u.commune];
  if (role === 'provinceOfficer') return [u.province, u.commune, u.otherCommune];
  return Object.values(u);
};

export const dashboardRows = (m: M): Rows => ({
  'home.get': signedInRow(
    m,
    'GET',
    () => '/api/home',
    each(ALL_SIGNED_IN, async (role) => {
      const seat = role as SignedInClass;
      const res = await m.w.call(seat, 'GET', '/api/home');
      is(res, 200);
      const home = res.json<
        Record<string, unknown> & {
          todo: { items: { assignmentId: string }[] } | null;
          steering: { byUnit: { unit: { id: string } }[] } | null;
        }
      >();
      for (const block of ALL_BLOCKS)
        expect(home[block] !== null, `${role} ${block}`).toBe(BLOCKS[seat].includes(block));
      // the unit's own work only: every item is an assignment the seat may open
      for (const item of home.todo?.items ?? [])
        is(await m.w.call(seat, 'GET', `/api/assignments/${item.assignmentId}`), 200);
      const seen = new Set(unitsSeen(m, seat));
      for (const row of home.steering?.byUnit ?? []) expect(seen.has(row.unit.id)).toBe(true);
    }),
  ),
  'dashboard.programme': signedInRow(
    m,
    'GET',
    () => `/api/programmes/${m.fx.programmeId}/dashboard`,
    each(ALL_SIGNED_IN, async (role) => {
      const seat = role as SignedInClass;
      const res = await m.w.call(seat, 'GET', `/api/programmes/${m.fx.programmeId}/dashboard`);
      is(res, 200);
      const d = res.json<{
        overdue: { items: { unit: { id: string } }[] };
        subUnits: { unitId: string }[];
      }>();
      const seen = new Set(unitsSeen(m, seat));
      for (const item of d.overdue.items) expect(seen.has(item.unit.id)).toBe(true);
      for (const u of d.subUnits) expect(seen.has(u.unitId), u.unitId).toBe(true);
      // a province sees its communes; national seats see no sub-units (their units are in the summary)
      if (seat === 'provinceOfficer') expect(d.subUnits.length).toBeGreaterThan(0);
      if (seat === 'steering' || seat === 'admin') expect(d.subUnits).toEqual([]);
    }),
  ),
});
