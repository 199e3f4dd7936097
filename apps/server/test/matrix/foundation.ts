/** Rows of the foundation routes: health, org, audit (identity: identity.ts). */
import { expect } from 'vitest';
import {
  each,
  expectStatus,
  ids,
  is,
  NOT_MANAGERS,
  ROLE_CLASSES,
  row,
  type M,
  type Rows,
} from '../matrix.ts';

async function allUnits(m: M): Promise<number> {
  const n = await m.env.database.db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n.n);
}

export const foundationRows = (m: M): Rows => ({
  'health.health': row(
    each(ROLE_CLASSES, async (role) => {
      const res = await m.w.call(role, 'GET', '/api/health');
      is(res, 200);
      expect(res.json().status).toBe('ok');
    }),
  ),

  'org.list': {
    anonymous: expectStatus(m, 401, 'GET', () => '/api/org-units'),
    ...each(['communeOfficer', 'communeLead', 'ministryOfficer'], async (role) => {
      const res = await m.w.call(role, 'GET', '/api/org-units?limit=500');
      is(res, 200);
      expect(ids(res)).toEqual([role === 'ministryOfficer' ? m.w.units.ministry : m.w.units.commune]);
    }),
    provinceOfficer: async (role) => {
      const res = await m.w.call(role, 'GET', '/api/org-units?limit=500');
      expect(res.json().total).toBe(127);
      expect(ids(res)).toEqual(
        expect.arrayContaining([m.w.units.province, m.w.units.commune, m.w.units.otherCommune]),
      );
      expect(ids(res)).not.toContain(m.w.units.otherProvinceCommune);
      expect(
        (await m.w.call(role, 'GET', `/api/org-units?parentId=${m.w.units.otherProvince}`)).json().total,
      ).toBe(0);
    },
    ...each(['steering', 'admin'], async (role) => {
      const res = await m.w.call(role, 'GET', '/api/org-units?limit=1');
      expect(res.json().total).toBe(await allUnits(m));
    }),
  },

  'org.get': {
    anonymous: expectStatus(m, 401, 'GET', () => `/api/org-units/${m.w.units.commune}`),
    ...each(['communeOfficer', 'communeLead'], async (role) => {
      const res = await m.w.call(role, 'GET', `/api/org-units/${m.w.units.commune}`);
      is(res, 200);
      expect(res.json().ancestors.map((a: { id: string }) => a.id)).toEqual([
        m.w.units.root,
        m.w.units.province,
      ]);
      for (const u of [m.w.units.otherCommune, m.w.units.province, m.w.units.root])
        is(await m.w.call(role, 'GET', `/api/org-units/${u}`), 404);
    }),
    provinceOfficer: async (role) => {
      is(await m.w.call(role, 'GET', `/api/org-units/${m.w.units.otherCommune}`), 200);
      for (const u of [m.w.units.otherProvince, m.w.units.otherProvinceCommune, m.w.units.ministry])
        is(await m.w.call(role, 'GET', `/api/org-units/${u}`), 404);
    },
    ministryOfficer: async (role) => {
      is(await m.w.call(role, 'GET', `/api/org-units/${m.w.units.ministry}`), 200);
      for (const u of [m.w.units.otherMinistry, m.w.units.root, m.w.units.commune])
        is(await m.w.call(role, 'GET', `/api/org-units/${u}`), 404);
    },
    ...each(['steering', 'admin'], async (role) => {
      for (const u of Object.values(m.w.units)) is(await m.w.call(role, 'GET', `/api/org-units/${u}`), 200);
    }),
  },

  'org.children': {
    anonymous: expectStatus(m, 401, 'GET', () => `/api/org-units/${m.w.units.province}/children`),
    ...each(['communeOfficer', 'communeLead', 'ministryOfficer'], async (role) => {
      const own = role === 'ministryOfficer' ? m.w.units.ministry : m.w.units.commune;
      expect((await m.w.call(role, 'GET', `/api/org-units/${own}/children`)).json().total).toBe(0);
      is(await m.w.call(role, 'GET', `/api/org-units/${m.w.units.province}/children`), 404);
      is(await m.w.call(role, 'GET', `/api/org-units/${m.w.units.root}/children`), 404);
    }),
    provinceOfficer: async (role) => {
      expect(
        (await m.w.call(role, 'GET', `/api/org-units/${m.w.units.province}/children`)).json().total,
      ).toBe(126);
      is(await m.w.call(role, 'GET', `/api/org-units/${m.w.units.otherProvince}/children`), 404);
    },
    ...each(['steering', 'admin'], async (role) => {
      const res = await m.w.call(role, 'GET', `/api/org-units/${m.w.units.root}/children?limit=500`);
      expect(ids(res)).toEqual(
        expect.arrayContaining([m.w.units.province, m.w.units.otherProvince, m.w.units.ministry]),
      );
    }),
  },

  'audit.list': {
    anonymous: expectStatus(m, 401, 'GET', () => '/api/audit'),
    ...each(
      [...NOT_MANAGERS, 'communeLead'],
      expectStatus(m, 403, 'GET', () => '/api/audit'),
    ),
    admin: async (role) => {
      const res = await m.w.call(role, 'GET', '/api/audit?limit=500');
      is(res, 200);
      const actors = res.json().items.map((e: { actorUserId: string }) => e.actorUserId);
      expect(actors).toEqual(
        expect.arrayContaining([m.w.seats.communeOfficer.user.id, m.w.seats.ministryOfficer.user.id]),
      );
    },
  },
});
