import {
  auditRoutes,
  healthRoutes,
  identityRoutes,
  orgRoutes,
  type RouteContract,
} from '@pilotage/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { createUser, login } from './factories.ts';
import { buildWorld, ROLE_CLASSES, type RoleClass, type World } from './roles.ts';

/** Every foundation route, keyed `group.name`. A route added to these contracts needs a row in the matrix below. */
const CONTRACTS: Record<string, RouteContract> = Object.fromEntries(
  Object.entries({
    health: healthRoutes,
    identity: identityRoutes,
    org: orgRoutes,
    audit: auditRoutes,
  }).flatMap(([group, routes]) =>
    Object.entries(routes as Record<string, RouteContract>).map(([name, r]) => [`${group}.${name}`, r]),
  ),
);
const PUBLIC_ROUTES = ['health.health', 'identity.login'];

let env: TestEnv;
let w: World;
let allUnits: number;
beforeAll(async () => {
  env = await createTestEnv();
  w = await buildWorld(env);
  const n = await env.database.db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  allUnits = Number(n.n);
});
afterAll(() => env.close());

const is = (res: LightMyRequestResponse, status: number) => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
};
const ids = (res: LightMyRequestResponse): string[] => res.json().items.map((i: { id: string }) => i.id);
const unitsOf = (res: LightMyRequestResponse): string[] =>
  res.json().items.map((i: { orgUnitId: string }) => i.orgUnitId);
const fill = (path: string, id: string) => path.replace(':id', id);

type Check = (role: RoleClass) => Promise<void>;
/** The same check for several role classes. */
const each = (roles: readonly RoleClass[], check: Check) =>
  Object.fromEntries(roles.map((r) => [r, check])) as Partial<Record<RoleClass, Check>>;
const denied =
  (status: number, method: 'GET' | 'POST' | 'PATCH', path: () => string, body?: () => unknown): Check =>
  async (role) =>
    is(await w.call(role, method, path(), body?.()), status);
const ALL_SIGNED_IN = ROLE_CLASSES.filter((r) => r !== 'anonymous');
const OFFICERS = ['communeOfficer', 'provinceOfficer', 'ministryOfficer'] as const;
const NOT_MANAGERS = [...OFFICERS, 'steering'] as const;

const matrix: Record<string, Record<RoleClass, Check>> = {
  'health.health': each(ROLE_CLASSES, async (role) => {
    const res = await w.call(role, 'GET', '/api/health');
    is(res, 200);
    expect(res.json().status).toBe('ok');
  }) as Record<RoleClass, Check>,

  'identity.login': {
    ...each(ROLE_CLASSES, async (role) => {
      // signing in again gives the scope of the seat: own unit, or the national root for national staff
      const seat = role === 'anonymous' ? w.seats.communeOfficer : w.seats[role];
      const expected = role === 'steering' || role === 'admin' ? w.units.root : seat.user.org_unit_id;
      const again = await login(env, seat.user.username);
      const me = await again.get('/api/me');
      is(me, 200);
      expect(me.json().scopeRootId).toBe(expected);
    }),
  } as Record<RoleClass, Check>,

  'identity.logout': {
    anonymous: denied(401, 'POST', () => '/api/auth/logout'),
    ...each(ALL_SIGNED_IN, async (role) => {
      const seat = w.seats[role as Exclude<RoleClass, 'anonymous'>];
      const extra = await login(env, seat.user.username); // a second session, so the seat stays signed in
      is(await extra.post('/api/auth/logout'), 200);
      is(await extra.get('/api/me'), 401);
      is(await seat.client.get('/api/me'), 200);
    }),
  } as Record<RoleClass, Check>,

  'identity.me': {
    anonymous: denied(401, 'GET', () => '/api/me'),
    ...each(ALL_SIGNED_IN, async (role) => {
      const res = await w.call(role, 'GET', '/api/me');
      is(res, 200);
      expect(res.json().user.id).toBe(w.seats[role as Exclude<RoleClass, 'anonymous'>].user.id);
    }),
  } as Record<RoleClass, Check>,

  'identity.changePassword': {
    anonymous: denied(
      401,
      'POST',
      () => '/api/auth/password',
      () => ({ currentPassword: 'x', newPassword: 'mây trắng bay qua đồi' }),
    ),
    // everyone signed in may change their own password: a wrong current password is a 400, not a 403
    ...each(ALL_SIGNED_IN, async (role) => {
      const res = await w.call(role, 'POST', '/api/auth/password', {
        currentPassword: 'not-the-password',
        newPassword: 'mây trắng bay qua đồi',
      });
      is(res, 400);
      expect(res.json().errors[0].path).toBe('currentPassword');
    }),
  } as Record<RoleClass, Check>,

  'identity.resetPassword': {
    anonymous: denied(
      401,
      'POST',
      () => `/api/users/${w.bystanders.colleague.id}/reset-password`,
      () => ({ temporaryPassword: 'tạm thời: đổi ngay nhé' }),
    ),
    ...each(
      [...NOT_MANAGERS, 'communeLead'],
      denied(
        403,
        'POST',
        () => `/api/users/${w.bystanders.colleague.id}/reset-password`,
        () => ({ temporaryPassword: 'tạm thời: đổi ngay nhé' }),
      ),
    ),
    admin: async (role) => {
      const target = await createUser(env, 'BCA', ['officer']);
      const res = await w.call(role, 'POST', `/api/users/${target.id}/reset-password`, {
        temporaryPassword: 'tạm thời: đổi ngay nhé',
      });
      is(res, 200);
      const self = w.seats.admin.user.id;
      is(
        await w.call(role, 'POST', `/api/users/${self}/reset-password`, {
          temporaryPassword: 'tạm thời: đổi ngay nhé',
        }),
        403,
      );
    },
  } as Record<RoleClass, Check>,

  'identity.listUsers': {
    anonymous: denied(401, 'GET', () => '/api/users'),
    ...each(
      OFFICERS,
      denied(403, 'GET', () => '/api/users'),
    ),
    communeLead: async (role) => {
      const res = await w.call(role, 'GET', '/api/users?limit=500');
      is(res, 200);
      expect(new Set(unitsOf(res))).toEqual(new Set([w.units.commune]));
      expect(ids(res)).toContain(w.bystanders.colleague.id);
      expect(ids(res)).not.toContain(w.bystanders.otherCommune.id);
      const asked = await w.call(role, 'GET', `/api/users?orgUnitId=${w.units.otherCommune}`);
      expect(asked.json().total).toBe(0);
    },
    ...each(['steering', 'admin'], async (role) => {
      const res = await w.call(role, 'GET', '/api/users?limit=500');
      is(res, 200);
      for (const b of Object.values(w.bystanders)) expect(ids(res)).toContain(b.id);
    }),
  } as Record<RoleClass, Check>,

  'identity.createUser': {
    anonymous: denied(
      401,
      'POST',
      () => '/api/users',
      () => w.newUserBody(w.units.commune),
    ),
    ...each(
      NOT_MANAGERS,
      denied(
        403,
        'POST',
        () => '/api/users',
        () => w.newUserBody(w.units.commune),
      ),
    ),
    communeLead: async (role) => {
      is(await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.commune)), 201);
      is(await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.otherCommune)), 403);
      is(await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.province)), 403);
      is(await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.commune, ['admin'])), 403);
      is(
        await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.commune, ['officer', 'steering'])),
        403,
      );
      // granting a role needs the right to hold it: a lead grants unit_lead, not reviewer (issue 7 item 13)
      is(await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.commune, ['unit_lead'])), 201);
      is(
        await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.commune, ['unit_lead', 'reviewer'])),
        403,
      );
    },
    admin: async (role) => {
      is(
        await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.otherProvinceCommune, ['admin'])),
        201,
      );
      is(await w.call(role, 'POST', '/api/users', w.newUserBody(w.units.otherMinistry, ['steering'])), 201);
    },
  } as Record<RoleClass, Check>,

  'identity.getUser': {
    anonymous: denied(401, 'GET', () => `/api/users/${w.bystanders.colleague.id}`),
    ...each(OFFICERS, async (role) => {
      const self = w.seats[role as (typeof OFFICERS)[number]].user;
      is(await w.call(role, 'GET', `/api/users/${self.id}`), 200);
      for (const other of [
        w.bystanders.otherCommune,
        w.bystanders.otherProvince,
        w.bystanders.otherMinistry,
      ]) {
        if (role === 'provinceOfficer' && other === w.bystanders.otherCommune) continue; // inside Hà Nội
        is(await w.call(role, 'GET', `/api/users/${other.id}`), 404);
      }
    }),
    communeLead: async (role) => {
      is(await w.call(role, 'GET', `/api/users/${w.bystanders.colleague.id}`), 200);
      is(await w.call(role, 'GET', `/api/users/${w.bystanders.otherCommune.id}`), 404);
      is(await w.call(role, 'GET', `/api/users/${w.seats.admin.user.id}`), 404);
    },
    ...each(['steering', 'admin'], async (role) => {
      for (const b of Object.values(w.bystanders)) is(await w.call(role, 'GET', `/api/users/${b.id}`), 200);
    }),
  } as Record<RoleClass, Check>,

  'identity.updateUser': {
    anonymous: denied(
      401,
      'PATCH',
      () => `/api/users/${w.bystanders.colleague.id}`,
      () => ({ displayName: 'x' }),
    ),
    ...each(NOT_MANAGERS, async (role) => {
      is(await w.call(role, 'PATCH', `/api/users/${w.bystanders.colleague.id}`, { displayName: 'x' }), 403);
      const self = w.seats[role as (typeof NOT_MANAGERS)[number]].user;
      is(await w.call(role, 'PATCH', `/api/users/${self.id}`, { roles: ['admin'] }), 403);
    }),
    communeLead: async (role) => {
      const res = await w.call(role, 'PATCH', `/api/users/${w.bystanders.colleague.id}`, {
        displayName: 'Đổi tên',
      });
      is(res, 200);
      expect(res.json().displayName).toBe('Đổi tên');
      is(
        await w.call(role, 'PATCH', `/api/users/${w.bystanders.otherCommune.id}`, { displayName: 'x' }),
        404,
      );
      is(await w.call(role, 'PATCH', `/api/users/${w.bystanders.colleague.id}`, { roles: ['admin'] }), 403);
      is(
        await w.call(role, 'PATCH', `/api/users/${w.seats.communeLead.user.id}`, { roles: ['steering'] }),
        403,
      );
    },
    admin: async (role) => {
      const res = await w.call(role, 'PATCH', `/api/users/${w.bystanders.otherMinistry.id}`, {
        roles: ['officer', 'reviewer'],
      });
      is(res, 200);
      expect(res.json().roles).toEqual(['officer', 'reviewer']);
    },
  } as Record<RoleClass, Check>,

  'identity.listApiKeys': {
    anonymous: denied(401, 'GET', () => '/api/api-keys'),
    ...each(
      NOT_MANAGERS,
      denied(403, 'GET', () => '/api/api-keys'),
    ),
    communeLead: async (role) => {
      const mine = await w.apiKey(w.units.commune);
      const theirs = await w.apiKey(w.units.otherCommune);
      const res = await w.call(role, 'GET', '/api/api-keys?limit=500');
      is(res, 200);
      expect(ids(res)).toContain(mine.id);
      expect(ids(res)).not.toContain(theirs.id);
      expect(res.body).not.toContain(mine.secret);
    },
    admin: async (role) => {
      const far = await w.apiKey(w.units.otherProvinceCommune);
      expect(ids(await w.call(role, 'GET', '/api/api-keys?limit=500'))).toContain(far.id);
    },
  } as Record<RoleClass, Check>,

  'identity.createApiKey': {
    anonymous: denied(
      401,
      'POST',
      () => '/api/api-keys',
      () => ({ name: 'k', orgUnitId: w.units.commune }),
    ),
    ...each(
      NOT_MANAGERS,
      denied(
        403,
        'POST',
        () => '/api/api-keys',
        () => ({ name: 'k', orgUnitId: w.units.commune }),
      ),
    ),
    communeLead: async (role) => {
      is(await w.call(role, 'POST', '/api/api-keys', { name: 'k', orgUnitId: w.units.commune }), 201);
      is(await w.call(role, 'POST', '/api/api-keys', { name: 'k', orgUnitId: w.units.otherCommune }), 403);
      is(
        await w.call(role, 'POST', '/api/api-keys', {
          name: 'k',
          orgUnitId: w.units.commune,
          roles: ['admin'],
        }),
        403,
      );
    },
    admin: async (role) =>
      is(await w.call(role, 'POST', '/api/api-keys', { name: 'k', orgUnitId: w.units.otherMinistry }), 201),
  } as Record<RoleClass, Check>,

  'identity.revokeApiKey': {
    anonymous: async (role) =>
      is(await w.call(role, 'POST', `/api/api-keys/${(await w.apiKey(w.units.commune)).id}/revoke`), 401),
    ...each(NOT_MANAGERS, async (role) =>
      is(await w.call(role, 'POST', `/api/api-keys/${(await w.apiKey(w.units.commune)).id}/revoke`), 403),
    ),
    communeLead: async (role) => {
      is(
        await w.call(role, 'POST', `/api/api-keys/${(await w.apiKey(w.units.otherCommune)).id}/revoke`),
        404,
      );
      is(await w.call(role, 'POST', `/api/api-keys/${(await w.apiKey(w.units.commune)).id}/revoke`), 200);
    },
    admin: async (role) =>
      is(
        await w.call(role, 'POST', `/api/api-keys/${(await w.apiKey(w.units.otherProvince)).id}/revoke`),
        200,
      ),
  } as Record<RoleClass, Check>,

  'org.list': {
    anonymous: denied(401, 'GET', () => '/api/org-units'),
    ...each(['communeOfficer', 'communeLead', 'ministryOfficer'], async (role) => {
      const res = await w.call(role, 'GET', '/api/org-units?limit=500');
      is(res, 200);
      expect(ids(res)).toEqual([role === 'ministryOfficer' ? w.units.ministry : w.units.commune]);
    }),
    provinceOfficer: async (role) => {
      const res = await w.call(role, 'GET', '/api/org-units?limit=500');
      expect(res.json().total).toBe(127);
      expect(ids(res)).toEqual(
        expect.arrayContaining([w.units.province, w.units.commune, w.units.otherCommune]),
      );
      expect(ids(res)).not.toContain(w.units.otherProvinceCommune);
      expect(
        (await w.call(role, 'GET', `/api/org-units?parentId=${w.units.otherProvince}`)).json().total,
      ).toBe(0);
    },
    ...each(['steering', 'admin'], async (role) => {
      const res = await w.call(role, 'GET', '/api/org-units?limit=1');
      expect(res.json().total).toBe(allUnits);
    }),
  } as Record<RoleClass, Check>,

  'org.get': {
    anonymous: denied(401, 'GET', () => `/api/org-units/${w.units.commune}`),
    ...each(['communeOfficer', 'communeLead'], async (role) => {
      const res = await w.call(role, 'GET', `/api/org-units/${w.units.commune}`);
      is(res, 200);
      expect(res.json().ancestors.map((a: { id: string }) => a.id)).toEqual([w.units.root, w.units.province]);
      for (const u of [w.units.otherCommune, w.units.province, w.units.root])
        is(await w.call(role, 'GET', `/api/org-units/${u}`), 404);
    }),
    provinceOfficer: async (role) => {
      is(await w.call(role, 'GET', `/api/org-units/${w.units.otherCommune}`), 200);
      for (const u of [w.units.otherProvince, w.units.otherProvinceCommune, w.units.ministry])
        is(await w.call(role, 'GET', `/api/org-units/${u}`), 404);
    },
    ministryOfficer: async (role) => {
      is(await w.call(role, 'GET', `/api/org-units/${w.units.ministry}`), 200);
      for (const u of [w.units.otherMinistry, w.units.root, w.units.commune])
        is(await w.call(role, 'GET', `/api/org-units/${u}`), 404);
    },
    ...each(['steering', 'admin'], async (role) => {
      for (const u of Object.values(w.units)) is(await w.call(role, 'GET', `/api/org-units/${u}`), 200);
    }),
  } as Record<RoleClass, Check>,

  'org.children': {
    anonymous: denied(401, 'GET', () => `/api/org-units/${w.units.province}/children`),
    ...each(['communeOfficer', 'communeLead', 'ministryOfficer'], async (role) => {
      const own = role === 'ministryOfficer' ? w.units.ministry : w.units.commune;
      expect((await w.call(role, 'GET', `/api/org-units/${own}/children`)).json().total).toBe(0);
      is(await w.call(role, 'GET', `/api/org-units/${w.units.province}/children`), 404);
      is(await w.call(role, 'GET', `/api/org-units/${w.units.root}/children`), 404);
    }),
    provinceOfficer: async (role) => {
      expect((await w.call(role, 'GET', `/api/org-units/${w.units.province}/children`)).json().total).toBe(
        126,
      );
      is(await w.call(role, 'GET', `/api/org-units/${w.units.otherProvince}/children`), 404);
    },
    ...each(['steering', 'admin'], async (role) => {
      const res = await w.call(role, 'GET', `/api/org-units/${w.units.root}/children?limit=500`);
      expect(ids(res)).toEqual(
        expect.arrayContaining([w.units.province, w.units.otherProvince, w.units.ministry]),
      );
    }),
  } as Record<RoleClass, Check>,

  'audit.list': {
    anonymous: denied(401, 'GET', () => '/api/audit'),
    ...each(
      [...NOT_MANAGERS, 'communeLead'],
      denied(403, 'GET', () => '/api/audit'),
    ),
    admin: async (role) => {
      const res = await w.call(role, 'GET', '/api/audit?limit=500');
      is(res, 200);
      const actors = res.json().items.map((e: { actorUserId: string }) => e.actorUserId);
      expect(actors).toEqual(
        expect.arrayContaining([w.seats.communeOfficer.user.id, w.seats.ministryOfficer.user.id]),
      );
    },
  } as Record<RoleClass, Check>,
};

describe('every foundation route', () => {
  it('has a row in the authorization matrix, with every role class', () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(CONTRACTS).sort());
    for (const [key, row] of Object.entries(matrix))
      expect(Object.keys(row).sort(), key).toEqual([...ROLE_CLASSES].sort());
  });

  it('is registered, and only health and login are public', () => {
    for (const [key, r] of Object.entries(CONTRACTS))
      expect(env.app.hasRoute({ method: r.method, url: r.path }), key).toBe(true);
    expect(Object.keys(CONTRACTS).filter((k) => CONTRACTS[k]!.public)).toEqual(PUBLIC_ROUTES);
  });

  it.each(Object.entries(CONTRACTS))(
    '%s answers an anonymous call with 401 unless public, whatever the input',
    async (key, r) => {
      for (const id of [newId(), 'not-a-uuid']) {
        const res = await env.app.inject({
          method: r.method,
          url: fill(r.path, id) + '?junk=1',
          ...(r.method === 'GET' ? {} : { payload: { junk: true } }),
        });
        if (r.public) expect(res.statusCode, key).not.toBe(401);
        else is(res, 401);
      }
    },
  );
});

describe.each(Object.entries(matrix))('%s', (_key, row) => {
  it.each(ROLE_CLASSES)('as %s', async (role) => {
    await row[role](role);
  });
});
