import { randomBytes } from 'node:crypto';
import type { Role } from '@pilotage/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { newId } from '../src/db/ids.ts';
import { identityRepository, userSearchKey } from '../src/modules/identity/identity.repository.ts';
import { hashPassword } from '../src/modules/identity/password.ts';
import { orgRepository } from '../src/modules/org/org.repository.ts';
import type { TestEnv } from './harness.ts';

export const TEST_PASSWORD = 'test-password-123';
let cachedHash: Promise<string> | undefined;

export const uniq = (prefix = 'u') => `${prefix}${randomBytes(5).toString('hex')}`;

export async function unitByCode(env: TestEnv, code: string) {
  const unit = await orgRepository.findByCode(env.database.db, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit;
}

/** A user with a unique random username in the unit with this code (e.g. 'VN', 'BKHCN', '01', '00004'). */
export async function createUser(env: TestEnv, unitCode: string, roles: Role[]) {
  const unit = await unitByCode(env, unitCode);
  const username = uniq('user.');
  const row = await identityRepository.insertUser(env.database.db, {
    id: newId(),
    username,
    display_name: `Test ${username}`,
    email: null,
    org_unit_id: unit.id,
    roles,
    password_hash: await (cachedHash ??= hashPassword(TEST_PASSWORD)),
    active: true,
    search_key: userSearchKey(username, `Test ${username}`),
    updated_at: new Date(),
  });
  return { ...row, unit };
}

/** A signed-in HTTP client: cookie + CSRF header on every call. */
export interface Client {
  username: string;
  csrf: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function login(env: TestEnv, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  const request = (opts: InjectOptions) =>
    env.app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    username,
    csrf,
    cookie,
    request,
    get: (url, headers = {}) => request({ method: 'GET', url, headers }),
    post: (url, payload, headers = {}) =>
      request({ method: 'POST', url, payload: payload as object, headers }),
    patch: (url, payload, headers = {}) =>
      request({ method: 'PATCH', url, payload: payload as object, headers }),
  };
}

/** Creates a user and signs them in. */
export async function signedIn(env: TestEnv, unitCode: string, roles: Role[]) {
  const user = await createUser(env, unitCode, roles);
  const client = await login(env, user.username);
  return { user, client };
}

/** The audit actions recorded for an entity, in chain order. */
export async function auditActions(env: TestEnv, entityId: string): Promise<string[]> {
  const rows = await env.database.db
    .selectFrom('audit_event')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}
