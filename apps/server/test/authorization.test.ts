/**
 * The matrix covers every route: each route of each contract group (and each route registered outside a
 * contract, found in the OpenAPI document) has exactly one row, and each row a check for every role class.
 * The rows run in authorization-*.test.ts. Anonymous callers get 401 from every non-public route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { allRoutes, fill, is, ROLE_CLASSES, type M, type RouteRef, type RowsFactory } from './matrix.ts';
import { dashboardRows } from './matrix/dashboard.ts';
import { foundationRows } from './matrix/foundation.ts';
import { identityRows } from './matrix/identity.ts';
import { kpiRows } from './matrix/kpi.ts';
import { kpiScoreRows } from './matrix/kpi-score.ts';
import { INITIATIVE_PUBLIC_ROUTES, initiativeRows } from './matrix/initiatives.ts';
import { otherRows } from './matrix/others.ts';
import { recommendationRows } from './matrix/recommendations.ts';
import { reportRows } from './matrix/reports.ts';
import { reviewRows } from './matrix/review.ts';
import { STATISTICS_PUBLIC_ROUTES, statisticsRows } from './matrix/statistics.ts';
import { taskRows } from './matrix/tasks.ts';
import { FEEDBACK_PUBLIC_ROUTES, feedbackRows } from './matrix/feedback.ts';
import { qualityRows } from './matrix/quality.ts';

const FACTORIES: RowsFactory[] = [
  foundationRows,
  identityRows,
  taskRows,
  reportRows,
  otherRows,
  kpiRows,
  kpiScoreRows,
  initiativeRows,
  statisticsRows,
  recommendationRows,
  feedbackRows,
  dashboardRows,
  reviewRows,
  qualityRows,
];
const PUBLIC_ROUTES = [
  'health.health',
  'identity.login',
  ...INITIATIVE_PUBLIC_ROUTES,
  ...STATISTICS_PUBLIC_ROUTES,
  ...FEEDBACK_PUBLIC_ROUTES,
].sort();
/** Served outside the API contracts on purpose: the OpenAPI document and its viewer. */
const DOCS = (path: string) => path === '/api/openapi.json' || path.startsWith('/api/docs');

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const ROUTES = allRoutes();
const toOpenApi = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

async function openApiRoutes(): Promise<string[]> {
  const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const paths = res.json().paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => keyOf(m, path)),
  );
}

describe('the authorization matrix', () => {
  it('has one row per route of every contract group, and for the raw evidence download', () => {
    const keys = FACTORIES.flatMap((f) => Object.keys(f({} as M)));
    expect(keys.length, 'a route has two rows').toBe(new Set(keys).size);
    expect([...keys].sort()).toEqual(Object.keys(ROUTES).sort());
    expect(Object.keys(ROUTES).length).toBeGreaterThan(60);
  });

  it('has a check for every role class in every row', () => {
    for (const f of FACTORIES)
      for (const [key, row] of Object.entries(f({} as M)))
        expect(Object.keys(row).sort(), key).toEqual([...ROLE_CLASSES].sort());
  });

  it('knows every route the server documents: nothing is registered outside the contracts unnoticed', async () => {
    const known = new Set(Object.values(ROUTES).map((r) => keyOf(r.method, toOpenApi(r.path))));
    const documented = await openApiRoutes();
    const unknown = documented.filter((k) => !known.has(k) && !DOCS(k.split(' ')[1]!));
    expect(unknown, 'routes without a matrix row').toEqual([]);
    for (const k of known) expect(documented, 'contract route missing from OpenAPI').toContain(k);
  });

  it('finds every route registered, and only health, login and the public portal routes public', () => {
    for (const [key, r] of Object.entries(ROUTES))
      expect(env.app.hasRoute({ method: r.method, url: r.path }), key).toBe(true);
    expect(
      Object.keys(ROUTES)
        .filter((k) => ROUTES[k]!.public)
        .sort(),
    ).toEqual(PUBLIC_ROUTES);
  });
});

describe('anonymous callers', () => {
  const sweep = async (key: string, r: RouteRef) => {
    for (const id of [newId(), 'not-a-uuid']) {
      const res = await env.app.inject({
        method: r.method,
        url: fill(r.path, id) + '?junk=1',
        ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: { junk: true } }),
      });
      if (r.public) expect(res.statusCode, key).not.toBe(401);
      else is(res, 401);
    }
  };

  it.each(Object.entries(ROUTES))('%s answers 401 unless public, whatever the input', sweep);

  it('get 401 from every documented non-public route, every method', async () => {
    for (const k of await openApiRoutes()) {
      const [method, path] = k.split(' ') as [RouteRef['method'], string];
      if (DOCS(path)) continue;
      const contract = Object.values(ROUTES).find((r) => r.method === method && toOpenApi(r.path) === path);
      await sweep(k, { method, path: path.replace(/\{(\w+)\}/g, ':$1'), public: contract?.public });
    }
  });
});
