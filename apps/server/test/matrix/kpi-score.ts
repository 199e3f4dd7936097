/** Rows of the scorecards module: targets, trajectory, formula versions, league tables, why this rank, pins. */
import { expect } from 'vitest';
import { ratioIndicator, type KpiFixture } from '../kpi-score-factories.ts';
import {
  ALL_SIGNED_IN,
  each,
  is,
  NATIONAL,
  NOT_PROGRAMME_MANAGERS,
  signedInRow,
  visibilityRow,
  type M,
  type Rows,
} from '../matrix.ts';

export const kpiScoreRows = (m: M): Rows => {
  let fixture: Promise<KpiFixture> | undefined;
  const kpi = () => (fixture ??= ratioIndicator(m.env));
  let code = '';
  const url = (suffix: string) => () => `/api/indicators/${code}/${suffix}`;
  const everyone200 = (path: () => string) =>
    signedInRow(m, 'GET', path, {
      ...each(ALL_SIGNED_IN, async (role) => {
        code = (await kpi()).indicator.code;
        is(await m.w.call(role, 'GET', path()), 200);
      }),
    });
  /** Steering staff and admins only: others 403. */
  const staffOnly = (method: 'PUT' | 'POST', path: () => string, body: () => unknown, ok: number) =>
    signedInRow(
      m,
      method,
      path,
      {
        ...each(NOT_PROGRAMME_MANAGERS, async (role) => {
          code = (await kpi()).indicator.code;
          is(await m.w.call(role, method, path(), body()), 403);
        }),
        ...each(NATIONAL, async (role) => {
          code = (await kpi()).indicator.code;
          is(await m.w.call(role, method, path(), body()), ok);
        }),
      },
      body,
    );
  // the matrix world's commune (Phường Ba Đình) and the other province's commune (roles.ts)
  const unitCodes = { commune: '00004', otherProvinceCommune: '07210' };

  return {
    'scorecard.targets': everyone200(url('targets')),
    'scorecard.setTargets': staffOnly(
      'PUT',
      url('targets'),
      () => ({ points: [{ date: '2025-12-31', value: 90 }] }),
      200,
    ),
    'scorecard.trajectory': everyone200(url('trajectory?from=202510&to=202512')),
    // the map: provinces' aggregates, like the league tables, for every signed-in user
    'scorecard.provinceValues': everyone200(url('provinces?period=202512')),
    'scorecard.formulas': everyone200(() => '/api/scorecards/formulas'),
    'scorecard.newFormula': staffOnly(
      'POST',
      () => '/api/scorecards/formulas',
      () => ({ components: [{ key: 'tasks_on_time', weight: 1 }] }),
      201,
    ),
    // league tables are shown to every signed-in user (they are published to motivate units)
    'scorecard.rankings': everyone200(() => '/api/rankings?level=commune&parent=01&period=202512'),
    'scorecard.publish': staffOnly(
      'POST',
      () => '/api/rankings/publish',
      () => ({ level: 'ministry', period: '202512' }),
      200,
    ),
    // the records behind a rank name tasks and units: only for units in the caller's scope
    'scorecard.rankDetail': visibilityRow(
      m,
      'GET',
      () => ({ commune: unitCodes.commune, otherProvinceCommune: unitCodes.otherProvinceCommune }),
      (c) => `/api/rankings/units/${c}?period=202512`,
      {
        communeOfficer: ['commune'],
        communeLead: ['commune'],
        provinceOfficer: ['commune'],
        ministryOfficer: [],
        steering: ['commune', 'otherProvinceCommune'],
        admin: ['commune', 'otherProvinceCommune'],
      },
    ),
    'scorecard.pins': everyone200(() => '/api/dashboard/pins'),
    'scorecard.setPins': signedInRow(
      m,
      'PUT',
      () => '/api/dashboard/pins',
      each(ALL_SIGNED_IN, async (role) => {
        code = (await kpi()).indicator.code;
        const res = await m.w.call(role, 'PUT', '/api/dashboard/pins', { indicators: [code] });
        is(res, 200);
        expect(res.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
      }),
      () => ({ indicators: [] }),
    ),
  };
};
