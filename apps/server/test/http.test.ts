import {
  auditRoutes,
  healthRoutes,
  identityRoutes,
  orgRoutes,
  type RouteContract,
} from '@pilotage/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, type Client } from './factories.ts';

const FOUNDATION: RouteContract[] = [healthRoutes, identityRoutes, orgRoutes, auditRoutes].flatMap((r) =>
  Object.values(r as Record<string, RouteContract>),
);
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

let env: TestEnv;
let client: Client;
beforeAll(async () => {
  env = await createTestEnv();
  client = (await signedIn(env, 'VN', ['admin'])).client;
});
afterAll(() => env.close());

const anon = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string> = {},
) => env.app.inject({ method, url, headers });

describe('health', () => {
  it('GET /api/health answers ok without a session, with the engine and migrations', async () => {
    const res = await anon('GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', database: env.database.kind });
    expect(body.migrations).toBeGreaterThanOrEqual(1);
  });
});

describe('OpenAPI and docs', () => {
  it('/api/openapi.json is OpenAPI 3.1 listing every contract route with its method', async () => {
    const res = await anon('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe('Pilotage API');
    for (const r of FOUNDATION) {
      const op = doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op.summary).toBe(r.summary);
    }
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });

  it('documents how to authenticate: public operations only opt out', async () => {
    const doc = (await anon('GET', '/api/openapi.json')).json();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'session']);
    expect(doc.security).toEqual(expect.arrayContaining([{ session: [] }, { apiKey: [] }]));
    for (const r of FOUNDATION) {
      const op = doc.paths[openApiPath(r.path)][r.method.toLowerCase()];
      if (r.public) expect(op.security, r.path).toEqual([]);
      else expect(op.security, r.path).toBeUndefined();
    }
  });

  it('every documented operation answers 401 to an anonymous call unless it opts out of security', async () => {
    const doc = (await anon('GET', '/api/openapi.json')).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    expect(ops.length).toBeGreaterThanOrEqual(FOUNDATION.length);
    for (const { path, method, op } of ops) {
      const url = path.replace(/\{\w+\}/g, newId());
      const res = await env.app.inject({
        method: method as 'GET',
        url,
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      if (Array.isArray(op.security) && op.security.length === 0)
        expect(res.statusCode, `${method} ${path}`).not.toBe(401);
      else expect(res.statusCode, `${method} ${path}`).toBe(401);
    }
  });

  it('documents request schemas from the contracts (strict bodies, uuid params)', async () => {
    const doc = (await anon('GET', '/api/openapi.json')).json();
    const create = doc.paths['/api/users'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['username', 'password', 'orgUnitId', 'roles']));
    expect(schema.additionalProperties).toBe(false);
    expect(create.responses['201']).toBeDefined();
    const get = doc.paths['/api/users/{id}'].get;
    expect(get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]),
    );
  });

  it('/api/docs serves the HTML viewer without a session', async () => {
    const res = await anon('GET', '/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/<html/i);
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/me', '/api/nowhere'])('are set on %s', async (url) => {
    const res = await anon('GET', url);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('are set on signed-in answers too', async () => {
    const res = await client.get('/api/me');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('unknown routes', () => {
  it('answer 401 to an anonymous caller (no route discovery)', async () => {
    for (const url of [
      '/api/nowhere',
      '/api/users/extra/segments',
      '/api/admin',
      '/api/docsx',
      '/api/docs.json',
    ]) {
      const res = await anon('GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await anon('DELETE', '/api/users')).statusCode).toBe(401);
  });

  it('answer 404 problem+json to a signed-in caller, in their language', async () => {
    const vi = await client.get('/api/nowhere?x=1');
    expect(vi.statusCode).toBe(404);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json()).toMatchObject({
      status: 404,
      title: 'Không tìm thấy',
      detail: 'Không có đường dẫn GET /api/nowhere',
    });
    const en = await client.get('/api/nowhere', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.json()).toMatchObject({ status: 404, title: 'Not found', detail: 'No route GET /api/nowhere' });
  });

  it('an unsupported method on a known path is a 404 problem for a signed-in caller, not a 500', async () => {
    const res = await client.request({ method: 'DELETE', url: '/api/users' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('request ids', () => {
  it('every answer carries a fresh x-request-id, echoed in problems', async () => {
    const a = await anon('GET', '/api/health');
    const b = await anon('GET', '/api/health');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    const problem = await anon('GET', '/api/me');
    expect(problem.json().requestId).toBe(problem.headers['x-request-id']);
  });

  it('ignores a request id sent by the client (it could forge audit correlation)', async () => {
    const res = await anon('GET', '/api/health', { 'x-request-id': 'forged-id' });
    expect(res.headers['x-request-id']).not.toBe('forged-id');
  });
});

describe('content negotiation', () => {
  it('answers problems in Vietnamese by default and in English when preferred', async () => {
    expect((await anon('GET', '/api/me')).json().detail).toBe('Bạn cần đăng nhập');
    expect((await anon('GET', '/api/me', { 'accept-language': 'en' })).json().detail).toBe(
      'You need to sign in',
    );
    expect(
      (await anon('GET', '/api/me', { 'accept-language': 'fr, vi;q=0.5, en;q=0.4' })).json().detail,
    ).toBe('Bạn cần đăng nhập');
  });
});
