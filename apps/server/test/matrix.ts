/**
 * The authorization matrix: every route of every contract (and the routes registered outside contracts) ×
 * every role class. Rows live in test/matrix/*.ts (one file per area), each area runs in its own test file
 * (authorization-*.test.ts); authorization.test.ts checks that the rows cover every route exactly once.
 */
import * as contracts from '@pilotage/contracts';
import type { HttpMethod, RouteContract } from '@pilotage/contracts';
import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { buildTaskWorld, type TaskWorld } from './matrix-world.ts';
import { buildWorld, ROLE_CLASSES, type RoleClass, type World } from './roles.ts';

export { ROLE_CLASSES, type RoleClass };
export type SignedInClass = Exclude<RoleClass, 'anonymous'>;

/** A route as the matrix knows it: method, path, and whether it is public. */
export interface RouteRef {
  method: HttpMethod;
  path: string;
  public?: boolean | undefined;
}

import { OPEN311_ROUTES } from './matrix/open311-routes.ts';

/** Routes registered without a contract (raw replies); each needs a row too. */
export const RAW_ROUTES: Record<string, RouteRef> = {
  'evidence.download': { method: 'GET', path: '/api/evidence/:id' },
  'initiative.attachment': { method: 'GET', path: '/api/initiative-attachments/:id' },
  ...OPEN311_ROUTES,
};

const isRoute = (v: unknown): v is RouteContract =>
  !!v && typeof v === 'object' && 'method' in v && 'path' in v && 'response' in v;

/**
 * Every route of every route group exported by @pilotage/contracts, keyed `group.name` (`assignmentRoutes.list`
 * → `assignment.list`), plus RAW_ROUTES. A new group or route shows up here by itself.
 */
export function allRoutes(): Record<string, RouteRef> {
  const out: Record<string, RouteRef> = {};
  for (const [name, value] of Object.entries(contracts)) {
    if (!name.endsWith('Routes') || !value || typeof value !== 'object') continue;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 || !entries.every(([, r]) => isRoute(r))) continue;
    for (const [route, r] of entries as [string, RouteContract][])
      out[`${name.slice(0, -'Routes'.length)}.${route}`] = r;
  }
  return { ...out, ...RAW_ROUTES };
}

export type Check = (role: RoleClass) => Promise<void>;
export type Row = Record<RoleClass, Check>;
/** Rows are built from partial pieces; the coverage test verifies each names every role class. */
export type Rows = Record<string, Partial<Row>>;

/** What a check reaches: filled in by `runMatrix` before any check runs. */
export interface M {
  env: TestEnv;
  w: World;
  fx: TaskWorld;
}
export type RowsFactory = (m: M) => Rows;

export const is = (res: LightMyRequestResponse, status: number) => {
  expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 300)}`).toBe(status);
  if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
};
export const ids = (res: LightMyRequestResponse): string[] =>
  res.json().items.map((i: { id: string }) => i.id);
export const fill = (path: string, id: string) => path.replace(':id', id);

/** The same check for several role classes. */
export const each = (roles: readonly RoleClass[], check: Check) =>
  Object.fromEntries(roles.map((r) => [r, check])) as Partial<Row>;

/** A complete row; the coverage test also verifies every row names every role class. */
export const row = (checks: Partial<Row>): Row => checks as Row;

export const ALL_SIGNED_IN: SignedInClass[] = ROLE_CLASSES.filter(
  (r): r is SignedInClass => r !== 'anonymous',
);
export const OFFICERS = ['communeOfficer', 'provinceOfficer', 'ministryOfficer'] as const;
export const NOT_MANAGERS = [...OFFICERS, 'steering'] as const;
export const NATIONAL = ['steering', 'admin'] as const;
/** Neither admin nor steering: cannot manage programmes, tasks or assignments. */
export const NOT_PROGRAMME_MANAGERS = [
  'communeOfficer',
  'communeLead',
  'provinceOfficer',
  'ministryOfficer',
] as const;

/** Calls as a role class (anonymous: no cookie). */
export const call = (m: M, role: RoleClass, method: HTTPMethods, url: string, payload?: unknown) =>
  m.w.call(role, method, url, payload);

/** One status for these roles. */
export const expectStatus =
  (m: M, status: number, method: HTTPMethods, url: () => string, body?: () => unknown): Check =>
  async (role) =>
    is(await call(m, role, method, url(), body?.()), status);

/** Anonymous 401 + the given checks for signed-in roles. */
export const signedInRow = (
  m: M,
  method: HTTPMethods,
  url: () => string,
  checks: Partial<Row>,
  body?: () => unknown,
): Row => row({ anonymous: expectStatus(m, 401, method, url, body), ...checks });

/**
 * For routes addressing one object by id: each role sees (200/okStatus) exactly the objects `sees(role)`
 * names and gets 404 for the others.
 */
export function visibilityRow<K extends string>(
  m: M,
  method: HTTPMethods,
  objects: () => Record<K, string>,
  url: (id: string) => string,
  sees: Record<SignedInClass, readonly K[]>,
  okStatus = 200,
): Row {
  return signedInRow(
    m,
    method,
    () => url(Object.values<string>(objects())[0]!),
    each(ALL_SIGNED_IN, async (role) => {
      const visible = new Set<string>(sees[role as SignedInClass]);
      for (const [name, id] of Object.entries<string>(objects())) {
        const res = await call(m, role, method, url(id));
        expect(res.statusCode, `${role} ${name}: ${res.body.slice(0, 200)}`).toBe(
          visible.has(name) ? okStatus : 404,
        );
      }
    }),
  );
}

/**
 * For lists: each role's list contains the `sees(role)` objects and none of the others (`idOf` reads the
 * compared id of an item; default `id`).
 */
export function listRow<K extends string>(
  m: M,
  url: string | (() => string),
  objects: () => Record<K, string>,
  sees: Record<SignedInClass, readonly K[]>,
  idOf: (item: Record<string, unknown>) => string = (i) => i.id as string,
): Row {
  const u = typeof url === 'string' ? () => url : url;
  return signedInRow(
    m,
    'GET',
    u,
    each(ALL_SIGNED_IN, async (role) => {
      const res = await call(m, role, 'GET', u());
      is(res, 200);
      const got = new Set((res.json().items as Record<string, unknown>[]).map(idOf));
      const visible = new Set<string>(sees[role as SignedInClass]);
      for (const [name, id] of Object.entries<string>(objects()))
        expect(got.has(id), `${role} ${visible.has(name) ? 'misses' : 'sees'} ${name}`).toBe(
          visible.has(name),
        );
    }),
  );
}

/** Runs the rows of one area on a fresh database with the matrix world. */
export function runMatrix(factory: RowsFactory): void {
  const m = {} as M;
  beforeAll(async () => {
    m.env = await createTestEnv();
    m.w = await buildWorld(m.env);
    m.fx = await buildTaskWorld(m.env, m.w);
  });
  afterAll(() => m.env.close());
  const rows = factory(m);
  describe.each(Object.entries(rows))('%s', (_key, r) => {
    it.each(ROLE_CLASSES)('as %s', async (role) => {
      const check = r[role];
      if (!check) throw new Error(`no check for ${role}`);
      await check(role);
    });
  });
}
