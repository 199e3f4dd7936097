/** Rows of the identity routes: sign-in, users, API keys. */
import { expect } from 'vitest';
import { createUser, login } from '../factories.ts';
import {
  each,
  expectStatus,
  ids,
  is,
  NOT_MANAGERS,
  OFFICERS,
  ALL_SIGNED_IN,
  ROLE_CLASSES,
  type M,
  type RoleClass,
  type Rows,
} from '../matrix.ts';

const unitsOf = (res: { json(): { items: { orgUnitId: string }[] } }): string[] =>
  res.json().items.map((i) => i.orgUnitId);

export const identityRows = (m: M): Rows => ({
  'identity.login': {
    ...each(ROLE_CLASSES, async (role) => {
      // signing in again gives the scope of the seat: own unit, or the national root for national staff
      const seat = role === 'anonymous' ? m.w.seats.communeOfficer : m.w.seats[role];
      const expected = role === 'steering' || role === 'admin' ? m.w.units.root : seat.user.org_unit_id;
      const again = await login(m.env, seat.user.username);
      const me = await again.get('/api/me');
      is(me, 200);
      expect(me.json().scopeRootId).toBe(expected);
    }),
  },

  'identity.logout': {
    anonymous: expectStatus(m, 401, 'POST', () => '/api/auth/logout'),
    ...each(ALL_SIGNED_IN, async (role) => {
      const seat = m.w.seats[role as Exclude<RoleClass, 'anonymous'>];
      const extra = await login(m.env, seat.user.username); // a second session, so the seat stays signed in
      is(await extra.post('/api/auth/logout'), 200);
      is(await extra.get('/api/me'), 401);
      is(await seat.client.get('/api/me'), 200);
    }),
  },

  'identity.changePassword': {
    anonymous: expectStatus(
      m,
      401,
      'POST',
      () => '/api/auth/password',
      () => ({ currentPassword: 'x', newPassword: 'mây trắng bay qua đồi' }),
    ),
    // everyone signed in may change their own password: a wrong current password is a 400, not a 403
    ...each(ALL_SIGNED_IN, async (role) => {
      const res = await m.w.call(role, 'POST', '/api/auth/password', {
        currentPassword: 'not-the-password',
        newPassword: 'mây trắng bay qua đồi',
      });
      is(res, 400);
      expect(res.json().errors[0].path).toBe('currentPassword');
    }),
  },

  'identity.resetPassword': {
    anonymous: expectStatus(
      m,
      401,
      'POST',
      () => `/api/users/${m.w.bystanders.colleague.id}/reset-password`,
      () => ({ temporaryPassword: 'tạm thời: đổi ngay nhé' }),
    ),
    ...each(
      [...NOT_MANAGERS, 'communeLead'],
      expectStatus(
        m,
        403,
        'POST',
        () => `/api/users/${m.w.bystanders.colleague.id}/reset-password`,
        () => ({ temporaryPassword: 'tạm thời: đổi ngay nhé' }),
      ),
    ),
    admin: async (role) => {
      const target = await createUser(m.env, 'BCA', ['officer']);
      const body = { temporaryPassword: 'tạm thời: đổi ngay nhé' };
      is(await m.w.call(role, 'POST', `/api/users/${target.id}/reset-password`, body), 200);
      is(await m.w.call(role, 'POST', `/api/users/${m.w.seats.admin.user.id}/reset-password`, body), 403);
    },
  },

  'identity.me': {
    anonymous: expectStatus(m, 401, 'GET', () => '/api/me'),
    ...each(ALL_SIGNED_IN, async (role) => {
      const res = await m.w.call(role, 'GET', '/api/me');
      is(res, 200);
      expect(res.json().user.id).toBe(m.w.seats[role as Exclude<RoleClass, 'anonymous'>].user.id);
    }),
  },

  'identity.listUsers': {
    anonymous: expectStatus(m, 401, 'GET', () => '/api/users'),
    ...each(
      OFFICERS,
      expectStatus(m, 403, 'GET', () => '/api/users'),
    ),
    communeLead: async (role) => {
      const res = await m.w.call(role, 'GET', '/api/users?limit=500');
      is(res, 200);
      expect(new Set(unitsOf(res))).toEqual(new Set([m.w.units.commune]));
      expect(ids(res)).toContain(m.w.bystanders.colleague.id);
      expect(ids(res)).not.toContain(m.w.bystanders.otherCommune.id);
      const asked = await m.w.call(role, 'GET', `/api/users?orgUnitId=${m.w.units.otherCommune}`);
      expect(asked.json().total).toBe(0);
    },
    ...each(['steering', 'admin'], async (role) => {
      const res = await m.w.call(role, 'GET', '/api/users?limit=500');
      is(res, 200);
      for (const b of Object.values(m.w.bystanders)) expect(ids(res)).toContain(b.id);
    }),
  },

  'identity.createUser': {
    anonymous: expectStatus(
      m,
      401,
      'POST',
      () => '/api/users',
      () => m.w.newUserBody(m.w.units.commune),
    ),
    ...each(
      NOT_MANAGERS,
      expectStatus(
        m,
        403,
        'POST',
        () => '/api/users',
        () => m.w.newUserBody(m.w.units.commune),
      ),
    ),
    communeLead: async (role) => {
      is(await m.w.call(role, 'POST', '/api/users', m.w.newUserBody(m.w.units.commune)), 201);
      is(await m.w.call(role, 'POST', '/api/users', m.w.newUserBody(m.w.units.otherCommune)), 403);
      is(await m.w.call(role, 'POST', '/api/users', m.w.newUserBody(m.w.units.province)), 403);
      is(await m.w.call(role, 'POST', '/api/users', m.w.newUserBody(m.w.units.commune, ['admin'])), 403);
      is(
        await m.w.call(
          role,
          'POST',
          '/api/users',
          m.w.newUserBody(m.w.units.commune, ['officer', 'steering']),
        ),
        403,
      );
      // granting a role needs the right to hold it: a lead grants unit_lead, not reviewer (issue 7 item 13)
      is(await m.w.call(role, 'POST', '/api/users', m.w.newUserBody(m.w.units.commune, ['unit_lead'])), 201);
      is(
        await m.w.call(
          role,
          'POST',
          '/api/users',
          m.w.newUserBody(m.w.units.commune, ['unit_lead', 'reviewer']),
        ),
        403,
      );
    },
    admin: async (role) => {
      is(
        await m.w.call(
          role,
          'POST',
          '/api/users',
          m.w.newUserBody(m.w.units.otherProvinceCommune, ['admin']),
        ),
        201,
      );
      is(
        await m.w.call(role, 'POST', '/api/users', m.w.newUserBody(m.w.units.otherMinistry, ['steering'])),
        201,
      );
    },
  },

  'identity.getUser': {
    anonymous: expectStatus(m, 401, 'GET', () => `/api/users/${m.w.bystanders.colleague.id}`),
    ...each(OFFICERS, async (role) => {
      const self = m.w.seats[role as (typeof OFFICERS)[number]].user;
      is(await m.w.call(role, 'GET', `/api/users/${self.id}`), 200);
      for (const other of [
        m.w.bystanders.otherCommune,
        m.w.bystanders.otherProvince,
        m.w.bystanders.otherMinistry,
      ]) {
        if (role === 'provinceOfficer' && other === m.w.bystanders.otherCommune) continue; // inside Hà Nội
        is(await m.w.call(role, 'GET', `/api/users/${other.id}`), 404);
      }
    }),
    communeLead: async (role) => {
      is(await m.w.call(role, 'GET', `/api/users/${m.w.bystanders.colleague.id}`), 200);
      is(await m.w.call(role, 'GET', `/api/users/${m.w.bystanders.otherCommune.id}`), 404);
      is(await m.w.call(role, 'GET', `/api/users/${m.w.seats.admin.user.id}`), 404);
    },
    ...each(['steering', 'admin'], async (role) => {
      for (const b of Object.values(m.w.bystanders))
        is(await m.w.call(role, 'GET', `/api/users/${b.id}`), 200);
    }),
  },

  'identity.updateUser': {
    anonymous: expectStatus(
      m,
      401,
      'PATCH',
      () => `/api/users/${m.w.bystanders.colleague.id}`,
      () => ({ displayName: 'x' }),
    ),
    ...each(NOT_MANAGERS, async (role) => {
      is(
        await m.w.call(role, 'PATCH', `/api/users/${m.w.bystanders.colleague.id}`, { displayName: 'x' }),
        403,
      );
      const self = m.w.seats[role as (typeof NOT_MANAGERS)[number]].user;
      is(await m.w.call(role, 'PATCH', `/api/users/${self.id}`, { roles: ['admin'] }), 403);
    }),
    communeLead: async (role) => {
      const res = await m.w.call(role, 'PATCH', `/api/users/${m.w.bystanders.colleague.id}`, {
        displayName: 'Đổi tên',
      });
      is(res, 200);
      expect(res.json().displayName).toBe('Đổi tên');
      is(
        await m.w.call(role, 'PATCH', `/api/users/${m.w.bystanders.otherCommune.id}`, { displayName: 'x' }),
        404,
      );
      is(
        await m.w.call(role, 'PATCH', `/api/users/${m.w.bystanders.colleague.id}`, { roles: ['admin'] }),
        403,
      );
      is(
        await m.w.call(role, 'PATCH', `/api/users/${m.w.seats.communeLead.user.id}`, { roles: ['steering'] }),
        403,
      );
    },
    admin: async (role) => {
      const res = await m.w.call(role, 'PATCH', `/api/users/${m.w.bystanders.otherMinistry.id}`, {
        roles: ['officer', 'reviewer'],
      });
      is(res, 200);
      expect(res.json().roles).toEqual(['officer', 'reviewer']);
    },
  },

  'identity.listApiKeys': {
    anonymous: expectStatus(m, 401, 'GET', () => '/api/api-keys'),
    ...each(
      NOT_MANAGERS,
      expectStatus(m, 403, 'GET', () => '/api/api-keys'),
    ),
    communeLead: async (role) => {
      const mine = await m.w.apiKey(m.w.units.commune);
      const theirs = await m.w.apiKey(m.w.units.otherCommune);
      const res = await m.w.call(role, 'GET', '/api/api-keys?limit=500');
      is(res, 200);
      expect(ids(res)).toContain(mine.id);
      expect(ids(res)).not.toContain(theirs.id);
      expect(res.body).not.toContain(mine.secret);
    },
    admin: async (role) => {
      const far = await m.w.apiKey(m.w.units.otherProvinceCommune);
      expect(ids(await m.w.call(role, 'GET', '/api/api-keys?limit=500'))).toContain(far.id);
    },
  },

  'identity.createApiKey': {
    anonymous: expectStatus(
      m,
      401,
      'POST',
      () => '/api/api-keys',
      () => ({ name: 'k', orgUnitId: m.w.units.commune }),
    ),
    ...each(
      NOT_MANAGERS,
      expectStatus(
        m,
        403,
        'POST',
        () => '/api/api-keys',
        () => ({ name: 'k', orgUnitId: m.w.units.commune }),
      ),
    ),
    communeLead: async (role) => {
      is(await m.w.call(role, 'POST', '/api/api-keys', { name: 'k', orgUnitId: m.w.units.commune }), 201);
      is(
        await m.w.call(role, 'POST', '/api/api-keys', { name: 'k', orgUnitId: m.w.units.otherCommune }),
        403,
      );
      is(
        await m.w.call(role, 'POST', '/api/api-keys', {
          name: 'k',
          orgUnitId: m.w.units.commune,
          roles: ['admin'],
        }),
        403,
      );
    },
    admin: async (role) =>
      is(
        await m.w.call(role, 'POST', '/api/api-keys', { name: 'k', orgUnitId: m.w.units.otherMinistry }),
        201,
      ),
  },

  'identity.revokeApiKey': {
    anonymous: async (role) =>
      is(
        await m.w.call(role, 'POST', `/api/api-keys/${(await m.w.apiKey(m.w.units.commune)).id}/revoke`),
        401,
      ),
    ...each(NOT_MANAGERS, async (role) =>
      is(
        await m.w.call(role, 'POST', `/api/api-keys/${(await m.w.apiKey(m.w.units.commune)).id}/revoke`),
        403,
      ),
    ),
    communeLead: async (role) => {
      is(
        await m.w.call(role, 'POST', `/api/api-keys/${(await m.w.apiKey(m.w.units.otherCommune)).id}/revoke`),
        404,
      );
      is(
        await m.w.call(role, 'POST', `/api/api-keys/${(await m.w.apiKey(m.w.units.commune)).id}/revoke`),
        200,
      );
    },
    admin: async (role) =>
      is(
        await m.w.call(
          role,
          'POST',
          `/api/api-keys/${(await m.w.apiKey(m.w.units.otherProvince)).id}/revoke`,
        ),
        200,
      ),
  },
});
