/** Rows of the data-quality routes (issue 11): owners see their databases' runs; rankings are for all. */
import { expect } from 'vitest';
import type { HTTPMethods } from 'fastify';
import {
  ALL_SIGNED_IN,
  call,
  each,
  is,
  listRow,
  signedInRow,
  visibilityRow,
  type M,
  type Rows,
  type SignedInClass,
} from '../matrix.ts';
import { multipartBody } from '../reports-helpers.ts';
import { SAMPLE_CHECKS, SAMPLE_CSV } from '../quality-helpers.ts';

type Obj = 'ministry' | 'commune' | 'otherProvince';
const SEES: Record<SignedInClass, readonly Obj[]> = {
  communeOfficer: ['commune'],
  communeLead: ['commune'],
  provinceOfficer: ['commune'],
  ministryOfficer: ['ministry'],
  steering: ['ministry', 'commune', 'otherProvince'],
  admin: ['ministry', 'commune', 'otherProvince'],
};

interface Fixture {
  db: Record<Obj, string>;
  run: Record<Obj, string>;
}

export const qualityRows = (m: M): Rows => {
  let fixture: Promise<Fixture> | null = null;
  /** Three databases (ministry, Hà Nội commune, another province), each with checks and one finished run. */
  const fx = () =>
    (fixture ??= (async () => {
      const owners: Record<Obj, string> = {
        ministry: m.w.units.ministry,
        commune: m.w.units.commune,
        otherProvince: m.w.units.otherProvince,
      };
      const db = {} as Record<Obj, string>;
      const run = {} as Record<Obj, string>;
      for (const [k, unit] of Object.entries(owners) as [Obj, string][]) {
        const res = await call(m, 'admin', 'POST', '/api/databases', {
          name: `CSDL ${k}`,
          ownerUnitId: unit,
          kind: 'local',
        });
        is(res, 201);
        db[k] = res.json().id;
        is(await call(m, 'admin', 'PUT', `/api/databases/${db[k]}/checks`, { checks: SAMPLE_CHECKS }), 200);
        const up = await m.w.seats.admin.client.request({
          method: 'POST',
          url: `/api/databases/${db[k]}/assessments`,
          ...multipartBody('file', 'mau.csv', Buffer.from(SAMPLE_CSV)),
        });
        is(up, 202);
        run[k] = up.json().id;
      }
      await m.env.services.quality.runner.idle();
      return { db, run };
    })());
  const dbs = async () => (await fx()).db;
  let dbIds: Record<Obj, string> | null = null;
  const objects = () => dbIds!;

  /** Each role × each database: `ok` when the owner lies in the role's scope, 404 otherwise. */
  const perDatabase = (
    method: HTTPMethods,
    path: (id: string) => string,
    ok: number,
    send: (id: string) => (role: SignedInClass) => Promise<number>,
  ) =>
    signedInRow(
      m,
      method,
      () => path('00000000-0000-7000-8000-000000000000'),
      each(ALL_SIGNED_IN, async (role) => {
        const ids = await dbs();
        for (const [name, id] of Object.entries(ids) as [Obj, string][]) {
          const status = await send(id)(role as SignedInClass);
          expect(status, `${role} ${name}`).toBe(SEES[role as SignedInClass].includes(name) ? ok : 404);
        }
      }),
    );

  const ensure = async () => {
    dbIds = await dbs();
  };
  const withFixture = (row: ReturnType<typeof signedInRow>) =>
    Object.fromEntries(
      Object.entries(row).map(([role, check]) => [
        role,
        async (r: Parameters<typeof check>[0]) => {
          await ensure();
          return check(r);
        },
      ]),
    );

  return {
    'quality.createDatabase': signedInRow(
      m,
      'POST',
      () => '/api/databases',
      each(ALL_SIGNED_IN, async (role) => {
        const res = await call(m, role, 'POST', '/api/databases', {
          name: 'CSDL bộ',
          ownerUnitId: m.w.units.ministry,
          kind: 'specialised',
        });
        const mayOwn = ['ministryOfficer', 'steering', 'admin'].includes(role);
        is(res, mayOwn ? 201 : 403);
      }),
      () => ({ name: 'x', ownerUnitId: m.w.units.ministry, kind: 'local' }),
    ),
    'quality.listDatabases': withFixture(listRow(m, '/api/databases', objects, SEES)),
    'quality.getDatabase': withFixture(
      visibilityRow(m, 'GET', objects, (id) => `/api/databases/${id}`, SEES),
    ),
    'quality.updateDatabase': perDatabase(
      'PATCH',
      (id) => `/api/databases/${id}`,
      200,
      (id) => async (role) =>
        (await call(m, role, 'PATCH', `/api/databases/${id}`, { description: 'Cập nhật' })).statusCode,
    ),
    'quality.putChecks': perDatabase(
      'PUT',
      (id) => `/api/databases/${id}/checks`,
      200,
      (id) => async (role) =>
        (await call(m, role, 'PUT', `/api/databases/${id}/checks`, { checks: SAMPLE_CHECKS })).statusCode,
    ),
    'quality.uploadAssessment': perDatabase(
      'POST',
      (id) => `/api/databases/${id}/assessments`,
      202,
      (id) => async (role) => {
        const res = await m.w.seats[role].client.request({
          method: 'POST',
          url: `/api/databases/${id}/assessments`,
          ...multipartBody('file', 'mau.csv', Buffer.from(SAMPLE_CSV)),
        });
        await m.env.services.quality.runner.idle();
        return res.statusCode;
      },
    ),
    'quality.postgresAssessment': perDatabase(
      'POST',
      (id) => `/api/databases/${id}/assessments/postgres`,
      202,
      (id) => async (role) => {
        const res = await call(m, role, 'POST', `/api/databases/${id}/assessments/postgres`, {
          connectionString: 'postgresql://r:pw@127.0.0.1:1/x',
          table: 't',
        });
        await m.env.services.quality.runner.idle();
        return res.statusCode;
      },
    ),
    'quality.getAssessment': signedInRow(
      m,
      'GET',
      () => '/api/assessments/00000000-0000-7000-8000-000000000000',
      each(ALL_SIGNED_IN, async (role) => {
        const { run } = await fx();
        for (const [name, id] of Object.entries(run) as [Obj, string][]) {
          const res = await call(m, role, 'GET', `/api/assessments/${id}`);
          expect(res.statusCode, `${role} ${name}`).toBe(
            SEES[role as SignedInClass].includes(name) ? 200 : 404,
          );
        }
      }),
    ),
    'quality.rankings': signedInRow(
      m,
      'GET',
      () => '/api/data-quality/rankings',
      each(ALL_SIGNED_IN, async (role) => {
        const { db } = await fx();
        const res = await call(m, role, 'GET', '/api/data-quality/rankings');
        is(res, 200);
        const ids = res.json().items.map((i: { database: { id: string } }) => i.database.id);
        expect(ids).toEqual(expect.arrayContaining(Object.values(db))); // every database, whoever asks
        expect(res.body).not.toContain('examples');
      }),
    ),
    'quality.rankingsCsv': signedInRow(
      m,
      'GET',
      () => '/api/data-quality/rankings.csv',
      each(ALL_SIGNED_IN, async (role) => {
        await fx();
        const res = await call(m, role, 'GET', '/api/data-quality/rankings.csv');
        is(res, 200);
        expect(res.body).toContain('CSDL otherProvince');
      }),
    ),
    'quality.dictionary': signedInRow(
      m,
      'GET',
      () => '/api/data-dictionary',
      each(ALL_SIGNED_IN, async (role) => is(await call(m, role, 'GET', '/api/data-dictionary'), 200)),
    ),
    'quality.dictionaryCsv': signedInRow(
      m,
      'GET',
      () => '/api/data-dictionary.csv',
      each(ALL_SIGNED_IN, async (role) => is(await call(m, role, 'GET', '/api/data-dictionary.csv'), 200)),
    ),
    'quality.putDictionary': signedInRow(
      m,
      'PUT',
      () => '/api/data-dictionary',
      each(ALL_SIGNED_IN, async (role) => {
        const d = (await call(m, 'admin', 'GET', '/api/data-dictionary')).json();
        const res = await call(m, role, 'PUT', '/api/data-dictionary', {
          elements: d.elements,
          codeLists: d.codeLists,
        });
        is(res, role === 'steering' || role === 'admin' ? 200 : 403);
      }),
      () => ({ elements: [] }),
    ),
  };
};
