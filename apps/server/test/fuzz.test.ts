import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from '@pilotage/contracts';
import { EVIDENCE_DOWNLOAD_PATH, type RouteContract } from '@pilotage/contracts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { login, signedIn, type Client } from './factories.ts';

/**
 * Fuzz sweep (issue 7 item 12): every route of every contract group in packages/contracts receives a
 * bounded set of hostile inputs (wrong types, huge strings, NUL, deeply nested arrays, bad dates, bad
 * uuids, bad multipart), as an admin and anonymously. Nothing may answer 5xx; every refusal is a
 * problem+json. A new contract group is swept without changing this file.
 */
const routes: { name: string; route: RouteContract }[] = Object.entries(contracts)
  .filter(([name, value]) => name.endsWith('Routes') && typeof value === 'object' && value !== null)
  .flatMap(([group, value]) =>
    Object.entries(value as Record<string, RouteContract>)
      .filter(([, r]) => typeof r?.path === 'string' && typeof r?.method === 'string')
      .map(([name, route]) => ({ name: `${group}.${name}`, route })),
  );
routes.push({
  name: 'evidence download',
  route: { method: 'GET', path: EVIDENCE_DOWNLOAD_PATH, summary: '', response: z.unknown() },
});

const UUID = '01900000-0000-7000-8000-000000000000';
const HUGE = 'ạ'.repeat(200_000);
const DEEP = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const DEEP_OBJ = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
/** Scalar values that are wrong for (almost) every field. */
const HOSTILE_VALUES: unknown[] = [
  null,
  -1,
  1e308,
  true,
  '',
  '\u0000',
  'x\u0000y',
  HUGE,
  '0001-01-01',
  '9999-12-31',
  '9999-12',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  [],
  [[[[[[[[[[]]]]]]]]]],
  {},
  { __proto__: { admin: true } },
  '<script>alert(1)</script>',
  "' or 1=1 --",
];
const HOSTILE_QUERY = [
  '',
  '\u0000',
  'a'.repeat(5000),
  '0001-01-01',
  '9999-12-31',
  '9999-12',
  '0000',
  '-1',
  '1e309',
  'NaN',
  'not-a-uuid',
  '%',
];
const HOSTILE_PARAMS = [
  'x',
  '%00',
  'a'.repeat(3000),
  '00000000-0000-0000-0000-000000000000',
  '..%2F..%2Fetc',
];

const fieldsOf = (schema: z.ZodType | undefined): string[] => {
  const shape = (schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
};
const withParams = (path: string, value: string) => path.replace(/:[a-zA-Z]+/g, value);
const json = (payload: string): Pick<InjectOptions, 'payload' | 'headers'> => ({
  payload,
  headers: { 'content-type': 'application/json' },
});

/** The hostile requests for one route (method, url, payload, headers). */
function hostile(route: RouteContract): InjectOptions[] {
  const out: InjectOptions[] = [];
  const method = route.method;
  const url = withParams(route.path, UUID);
  for (const p of route.path.includes(':') ? HOSTILE_PARAMS : [])
    out.push({ method, url: withParams(route.path, p) });
  const query = fieldsOf(route.query);
  for (const key of query.length ? query : ['unknown']) {
    for (const v of HOSTILE_QUERY) out.push({ method, url: `${url}?${key}=${encodeURIComponent(v)}` });
    out.push({ method, url: `${url}?${key}=1&${key}=2` });
    out.push({ method, url: `${url}?${key}[a][b]=1` });
  }
  if (method === 'GET') return out;
  // bodies: whole-body wrong types, each field hostile, raw malformed and deeply nested JSON
  for (const payload of ['[]', '123', '"x"', 'null', '{', DEEP(5_000), DEEP(100_000), DEEP_OBJ(5_000)])
    out.push({ method, url, ...json(payload) });
  for (const key of fieldsOf(route.body))
    for (const v of HOSTILE_VALUES) out.push({ method, url, ...json(JSON.stringify({ [key]: v })) });
  // multipart, malformed
  const boundary = 'fuzzboundary';
  const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u202Eslx.exe"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004`;
  out.push({ method, url, payload: part, headers: { 'content-type': 'multipart/form-data' } });
  out.push({
    method,
    url,
    payload: part,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  out.push({
    method,
    url,
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  out.push({
    method,
    url,
    payload: 'garbage',
    headers: { 'content-type': 'multipart/form-data; boundary=' },
  });
  out.push({ method, url, payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  out.push({ method, url, payload: '<a/>', headers: { 'content-type': 'application/xml' } });
  return out;
}

let env: TestEnv;
let admin: Client;
beforeAll(async () => {
  env = await createTestEnv();
  admin = (await signedIn(env, 'VN', ['admin'])).client;
});
afterAll(() => env.close());

const failures = (list: { req: InjectOptions; res: LightMyRequestResponse }[]) =>
  list
    .filter(({ res }) => res.statusCode >= 500 || (res.statusCode >= 400 && !isProblem(res)))
    .map(
      ({ req, res }) =>
        `${res.statusCode} ${String(req.method)} ${(typeof req.url === 'string' ? req.url : '').slice(0, 120)} ${res.body.slice(0, 160)}`,
    );
const isProblem = (res: LightMyRequestResponse) =>
  String(res.headers['content-type'] ?? '').startsWith('application/problem+json');

describe('fuzz sweep: no 5xx on hostile input', () => {
  it('covers every contract group', () => {
    const groups = new Set(routes.map((r) => r.name.split('.')[0]));
    expect(groups.size).toBeGreaterThanOrEqual(12);
    expect(routes.length).toBeGreaterThanOrEqual(60);
  });

  for (const who of ['admin', 'anonymous'] as const)
    it(`as ${who}`, async () => {
      const results: { req: InjectOptions; res: LightMyRequestResponse }[] = [];
      let client = admin;
      for (const { name, route } of routes) {
        // signing out would turn the rest of the admin sweep into 401s
        if (who === 'admin' && name === 'identityRoutes.logout') continue;
        for (const req of hostile(route)) {
          const res = who === 'admin' ? await client.request(req) : await env.app.inject(req);
          results.push({ req, res });
          if (who === 'admin' && res.statusCode === 401) client = await login(env, admin.username);
        }
      }
      if (who === 'admin') expect(results.filter((r) => r.res.statusCode === 401).length).toBeLessThan(10);
      console.info(`fuzz (${who}): ${results.length} requests`);
      expect(failures(results)).toEqual([]);
    }, 120_000);
});
