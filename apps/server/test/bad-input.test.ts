import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, uniq, type Client } from './factories.ts';

const BODY_LIMIT = 10 * 1024;

let env: TestEnv;
let admin: Client;
let unitId: string;
beforeAll(async () => {
  env = await createTestEnv({ bodyLimitBytes: BODY_LIMIT });
  const s = await signedIn(env, 'VN', ['admin']);
  admin = s.client;
  unitId = s.user.org_unit_id;
});
afterAll(() => env.close());

const validUser = () => ({
  username: uniq('b.'),
  displayName: 'Nguyễn Văn A',
  orgUnitId: unitId,
  roles: ['officer'],
  password: 'a-long-password',
});

interface ProblemBody {
  status: number;
  title: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  requestId?: string;
}

/** A problem+json answer with this status; returns its body. */
function problem(res: LightMyRequestResponse, status: number): ProblemBody {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<ProblemBody>();
  expect(body.status).toBe(status);
  expect(body.title).toEqual(expect.any(String));
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}
const paths = (body: ProblemBody) => (body.errors ?? []).map((e) => e.path);
const raw = (payload: string, contentType = 'application/json', headers: Record<string, string> = {}) =>
  admin.request({
    method: 'POST',
    url: '/api/users',
    payload,
    headers: { 'content-type': contentType, ...headers },
  });

describe('malformed bodies', () => {
  it.each(['{"username":', '{username: "a"}', "{'a':1}", '[1,', 'nul'])(
    '%s → 400 invalid_json',
    async (payload) => {
      const vi = problem(await raw(payload), 400);
      expect(vi.detail).toBe('Nội dung JSON không đọc được');
      const en = problem(await raw(payload, 'application/json', { 'accept-language': 'en' }), 400);
      expect(en.detail).toBe('The JSON body could not be read');
    },
  );

  it('an empty JSON body is a 400, not a 500', async () => {
    problem(
      await admin.request({
        method: 'POST',
        url: '/api/auth/logout',
        payload: '',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expect((await admin.get('/api/me')).statusCode).toBe(200);
  });

  it('a JSON body that is not an object is a 400 on body', async () => {
    for (const payload of ['null', '[]', '42', '"text"'])
      expect(paths(problem(await raw(payload), 400))).toEqual(['body']);
  });

  it('a missing body is a 400 on body', async () => {
    expect(paths(problem(await admin.request({ method: 'POST', url: '/api/users' }), 400))).toEqual(['body']);
  });
});

describe('validation', () => {
  it('names the wrong field with a message that reports what was sent, in Vietnamese by default', async () => {
    const body = problem(await admin.post('/api/users', { ...validUser(), username: 42 }), 400);
    expect(body.detail).toBe('Dữ liệu gửi lên không hợp lệ');
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toBe('body.username');
    // written for people: no type names, no zod wording (issue 8)
    expect(body.errors![0]!.message).toBe('Cần nhập chữ');
  });

  it('says what is wrong in words people use, in both languages (no "Quá nhỏ: mong đợi string")', async () => {
    const send = (lang: string, extra: object) =>
      admin.post('/api/users', { ...validUser(), ...extra }, { 'accept-language': lang });
    const messages = async (lang: string, extra: object) =>
      Object.fromEntries(problem(await send(lang, extra), 400).errors!.map((e) => [e.path, e.message]));
    const wrong = { password: 'short', username: 'A B', email: 'x', displayName: '' };
    expect(await messages('vi', wrong)).toEqual({
      'body.password': 'Cần ít nhất 10 ký tự',
      'body.username': expect.stringMatching(/^Tên đăng nhập chỉ gồm chữ thường/),
      'body.email': expect.stringMatching(/^Địa chỉ thư điện tử không hợp lệ/),
      'body.displayName': 'Không được để trống',
    });
    expect(await messages('en', wrong)).toEqual({
      'body.password': 'At least 10 characters',
      'body.username': expect.stringMatching(/^A username has only lower-case letters/),
      'body.email': expect.stringMatching(/^Not a valid e-mail address/),
      'body.displayName': 'This cannot be empty',
    });
    const missing = { ...validUser() } as Record<string, unknown>;
    delete missing.username;
    const res = await admin.post('/api/users', missing);
    expect(problem(res, 400).errors).toEqual([
      { path: 'body.username', message: 'Vui lòng nhập thông tin này' },
    ]);
    for (const body of [problem(await send('vi', wrong), 400), problem(await send('en', wrong), 400)])
      for (const e of body.errors!) expect(e.message).not.toMatch(/string|mong đợi|expected|>=|Quá/);
  });

  it('answers in English with Accept-Language: en', async () => {
    const body = problem(
      await admin.post('/api/users', { ...validUser(), roles: 'admin' }, { 'accept-language': 'en' }),
      400,
    );
    expect(body.title).toBe('Bad request');
    expect(body.detail).toBe('The submitted data is not valid');
    expect(body.errors).toEqual([{ path: 'body.roles', message: 'A list is expected' }]);
  });

  it('reports every wrong field, nested paths included', async () => {
    const body = problem(
      await admin.post('/api/users', {
        ...validUser(),
        username: 'A B',
        email: 'not-an-email',
        roles: ['officer', 'king'],
        password: 'short',
      }),
      400,
    );
    expect(paths(body).sort()).toEqual(['body.email', 'body.password', 'body.roles.1', 'body.username']);
    for (const e of body.errors!) expect(e.message.length).toBeGreaterThan(0);
  });

  it('refuses unknown fields in bodies and query strings', async () => {
    const inBody = problem(
      await admin.post('/api/users', { ...validUser(), isAdmin: true }, { 'accept-language': 'en' }),
      400,
    );
    expect(inBody.errors).toEqual([{ path: 'body', message: 'Field not allowed: isAdmin' }]);
    const patch = problem(
      await admin.patch(`/api/users/${(await admin.get('/api/me')).json().user.id}`, { passwordHash: 'x' }),
      400,
    );
    expect(patch.errors![0]!.message).toContain('passwordHash');
    const query = problem(await admin.get('/api/org-units?kind=province&sort=name'), 400);
    expect(query.errors).toEqual([{ path: 'querystring', message: 'Trường không được phép: sort' }]);
  });

  it('checks query types and ranges', async () => {
    expect(paths(problem(await admin.get('/api/org-units?limit=abc'), 400))).toEqual(['querystring.limit']);
    expect(paths(problem(await admin.get('/api/org-units?limit=0'), 400))).toEqual(['querystring.limit']);
    expect(paths(problem(await admin.get('/api/org-units?limit=100000'), 400))).toEqual([
      'querystring.limit',
    ]);
    expect(paths(problem(await admin.get('/api/org-units?offset=-1'), 400))).toEqual(['querystring.offset']);
    expect(paths(problem(await admin.get('/api/org-units?kind=district'), 400))).toEqual([
      'querystring.kind',
    ]);
    expect(paths(problem(await admin.get('/api/audit?from=2025-13-45'), 400))).toEqual(['querystring.from']);
    expect(paths(problem(await admin.get('/api/users?orgUnitId=123'), 400))).toEqual([
      'querystring.orgUnitId',
    ]);
  });

  it.each(['/api/users/not-a-uuid', '/api/org-units/123', '/api/org-units/1%27%20or%201=1/children'])(
    'an invalid uuid in %s is a 400 on params.id',
    async (url) => {
      expect(paths(problem(await admin.get(url), 400))).toEqual(['params.id']);
    },
  );

  it('an unknown but well-formed id is a 404', async () => {
    problem(await admin.get('/api/users/01900000-0000-7000-8000-000000000000'), 404);
    problem(await admin.post('/api/api-keys/01900000-0000-7000-8000-000000000000/revoke'), 404);
  });

  it('a unit that does not exist is a 400 on orgUnitId, not a database error', async () => {
    const body = problem(
      await admin.post('/api/users', { ...validUser(), orgUnitId: '01900000-0000-7000-8000-000000000000' }),
      400,
    );
    expect(body.errors).toEqual([{ path: 'orgUnitId', message: 'Không tìm thấy đơn vị' }]);
  });

  it('a taken username is a 409 on username, also when two requests race', async () => {
    const body = validUser();
    const results = await Promise.all([
      admin.post('/api/users', body),
      admin.post('/api/users', body),
      admin.post('/api/users', body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(paths(problem(r, 409))).toEqual(['username']);
    const again = problem(await admin.post('/api/users', body, { 'accept-language': 'en' }), 409);
    expect(again.errors).toEqual([{ path: 'username', message: 'This username is already taken' }]);
  });

  it('a NUL character (which PostgreSQL cannot store) is a 400 naming the field', async () => {
    const body = problem(
      await admin.post(
        '/api/users',
        { ...validUser(), displayName: 'a\u0000b' },
        { 'accept-language': 'en' },
      ),
      400,
    );
    expect(body.errors).toEqual([
      { path: 'body.displayName', message: 'Contains characters that are not allowed' },
    ]);
    expect(paths(problem(await admin.get('/api/org-units?q=a%00b'), 400))).toEqual(['querystring.q']);
    expect(paths(problem(await admin.get('/api/audit?action=a%00'), 400))).toEqual(['querystring.action']);
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000', password: 'x' },
    });
    expect(paths(problem(login, 400))).toEqual(['body.username']);
  });

  it('text that is too long is refused', async () => {
    const body = problem(await admin.get(`/api/org-units?q=${'a'.repeat(101)}`), 400);
    expect(paths(body)).toEqual(['querystring.q']);
  });
});

describe('transport', () => {
  it('a body over the limit is a 413 problem, in both languages', async () => {
    const big = JSON.stringify({ ...validUser(), displayName: 'x'.repeat(BODY_LIMIT + 1) });
    expect(problem(await raw(big), 413).detail).toBe('Nội dung gửi lên quá lớn');
    expect(problem(await raw(big, 'application/json', { 'accept-language': 'en' }), 413).detail).toBe(
      'The request body is too large',
    );
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ username: 'a', password: 'p'.repeat(BODY_LIMIT) }),
      headers: { 'content-type': 'application/json' },
    });
    problem(login, 413);
  });

  it.each([
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'image/png',
  ])('content-type %s is a 415 problem', async (type) => {
    const body = problem(await raw(JSON.stringify(validUser()), type, { 'accept-language': 'en' }), 415);
    expect(body.detail).toBe('Unsupported content type');
  });

  it('a 415 also applies to the public login route', async () => {
    problem(
      await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: 'username=a&password=b',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    );
  });

  it('accepts application/json with a charset', async () => {
    const res = await raw(JSON.stringify(validUser()), 'application/json; charset=utf-8');
    expect(res.statusCode).toBe(201);
  });

  it('never answers 5xx to any of the above', async () => {
    const attempts = [
      raw('{"a":'),
      raw('\u0000\u0001'),
      raw(JSON.stringify({ ...validUser(), displayName: '\u0000' })),
      raw(JSON.stringify({ ...validUser(), displayName: '\ud800' })),
      admin.patch('/api/users/01900000-0000-7000-8000-000000000000', { email: 'a\u0000@b.vn' }),
      admin.post('/api/api-keys', { name: '\u0000', orgUnitId: unitId }),
      admin.get('/api/users?q=%00'),
      admin.get('/api/audit?from=0000-01-01&to=9999-12-31'), // beyond PGlite's date range: 400 there, 200 on PostgreSQL
      admin.get('/api/audit?from=0000-01-01'),
      admin.get('/api/audit?to=9999-12-31'),
      raw(JSON.stringify({ ...validUser(), orgUnitId: '00000000-0000-0000-0000-000000000000' })),
      admin.get('/api/org-units?q=%25%5F%5C'),
      admin.get('/api/org-units?q=%ZZ'),
      admin.get('/api/audit?from=2025-02-30'),
      admin.get('/api/users?limit=1&limit=2'),
      admin.request({ method: 'PUT', url: '/api/users' }),
      admin.request({ method: 'DELETE', url: '/api/users/01900000-0000-7000-8000-000000000000' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/json/);
    }
  });
});
