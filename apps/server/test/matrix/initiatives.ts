/** Rows of the initiative portal (ADR 0018): public catalogue and proposals, steering and expert routes. */
import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createUser, login, type Client } from '../factories.ts';
import { multipartBody, tinyPdf } from '../reports-helpers.ts';
import {
  ALL_SIGNED_IN,
  each,
  expectStatus,
  is,
  NATIONAL,
  NOT_PROGRAMME_MANAGERS,
  row,
  signedInRow,
  type M,
  type RoleClass,
  type Rows,
} from '../matrix.ts';

/** Neither steering nor admin, and no expert role: none of the internal routes. */
const OTHERS = NOT_PROGRAMME_MANAGERS;
export const PERSONAL = ['Nguyễn Thị Riêng Tư', 'rieng.tu@example.vn', '0987654321'];
let address = 0;

export const proposalBody = (title = 'Ứng dụng bản đồ số hạ tầng viễn thông cấp xã') => ({
  title,
  kind: 'product',
  domain: 'infrastructure',
  trl: 7,
  description: 'Bản đồ số trạm phát sóng và vùng phủ sóng di động giúp xã theo dõi hạ tầng số.',
  proposer: {
    name: PERSONAL[0],
    organisation: null,
    type: 'citizen',
    email: PERSONAL[1],
    phone: PERSONAL[2],
  },
  provinceCode: '01',
});

/** A call as a role class from its own address (the per-address limit is not what these rows test). */
export function callFrom(m: M, role: RoleClass, method: HTTPMethods, url: string, payload?: unknown) {
  const opts = {
    method,
    url,
    remoteAddress: `198.51.100.${(++address % 250) + 1}`,
    ...(payload === undefined ? {} : { payload: payload as object }),
  };
  return role === 'anonymous' ? m.env.app.inject(opts) : m.w.seats[role].client.request(opts);
}

export async function proposeAs(m: M, role: RoleClass = 'anonymous') {
  const res = await callFrom(m, role, 'POST', '/api/public/initiatives', proposalBody());
  is(res, 201);
  const { code, secret } = res.json<{ code: string; secret: string }>();
  const { id } = await m.env.database.db
    .selectFrom('initiative')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return { id, code, secret };
}

/** One catalogued initiative with an attachment, and one left unscreened: made once per database. */
let world:
  | Promise<{
      catalogued: { id: string; code: string };
      submitted: { id: string; code: string };
      attachment: string;
    }>
  | undefined;
export function initiativeWorld(m: M) {
  return (world ??= (async () => {
    const catalogued = await proposeAs(m);
    const { payload, headers } = multipartBody('file', 'mo-ta.pdf', tinyPdf());
    const att = await m.env.app.inject({
      method: 'POST',
      url: `/api/public/initiatives/${catalogued.code}/attachments?secret=${catalogued.secret}`,
      payload,
      headers,
    });
    is(att, 201);
    is(
      await m.w.seats.steering.client.post(`/api/initiatives/${catalogued.id}/screen`, { accept: true }),
      200,
    );
    const submitted = await proposeAs(m);
    return { catalogued, submitted, attachment: att.json<{ id: string }>().id };
  })());
}

type Expert = { id: string; client: Client };
let seats: Promise<Record<'a' | 'b' | 'c' | 'd', Expert>> | undefined;
/** Four people holding the expert role (the matrix's role classes hold none). */
export function expertSeats(m: M) {
  return (seats ??= (async () => {
    const one = async (unit: string): Promise<Expert> => {
      const user = await createUser(m.env, unit, ['expert']);
      return { id: user.id, client: await login(m.env, user.username) };
    };
    return { a: await one('BKHCN'), b: await one('BCA'), c: await one('01'), d: await one('VN') };
  })());
}

/**
 * The expert rules, run in the steering column of the declare and score rows (steering assigns the experts):
 * a, b and d assigned, b declares a conflict and cannot score, c (not assigned) sees and scores nothing,
 * nobody sees a's scores until d has scored too; an expert never sees the proposer's contacts.
 */
async function expertRules(m: M, part: 'declare' | 'score') {
  const { a, b, c, d } = await expertSeats(m);
  const p = await proposeAs(m);
  const st = m.w.seats.steering.client;
  is(await st.post(`/api/initiatives/${p.id}/screen`, { accept: true }), 200);
  is(await st.post(`/api/initiatives/${p.id}/experts`, { userIds: [a.id, b.id, d.id] }), 200);
  const url = `/api/initiatives/${p.id}`;
  const scores = { novelty: 4, feasibility: 3, impact: 5, scalability: 2 };
  const score = (e: Expert) => e.client.request({ method: 'PUT', url: `${url}/score`, payload: { scores } });
  if (part === 'declare') {
    is(await c.client.post(`${url}/conflict`, { conflict: false }), 404);
    is(await b.client.post(`${url}/conflict`, { conflict: true }), 400); // a reason is required
    is(await b.client.post(`${url}/conflict`, { conflict: true, reason: 'Người thân của tác giả' }), 200);
    is(await b.client.post(`${url}/conflict`, { conflict: false }), 409); // cannot be taken back
    is(await score(b), 409);
    const view = await a.client.get(url);
    is(view, 200);
    expect(view.json().proposer.email).toBeNull();
    expect(view.json().experts.find((e: { userId: string }) => e.userId === b.id).conflictReason).toBeNull();
    is(await c.client.get(url), 404);
    return;
  }
  is(await score(a), 409); // no declaration yet
  for (const e of [a, b, d])
    is(await e.client.post(`${url}/conflict`, { conflict: e === b, reason: 'x' }), 200);
  is(await score(b), 409);
  is(await score(c), 404);
  is(await score(a), 200);
  for (const viewer of [d.client, st]) {
    const v = (await viewer.get(url)).json();
    expect(v.revealed).toBe(false);
    expect(v.aggregate).toBeNull();
    expect(v.experts.every((e: { scores: unknown }) => e.scores === null)).toBe(true);
  }
  expect(
    (await a.client.get(url)).json().experts.find((e: { userId: string }) => e.userId === a.id).scores,
  ).toEqual(scores);
  const last = await score(d);
  is(last, 200);
  expect(last.json()).toMatchObject({ status: 'evaluated', revealed: true, aggregate: { n: 2 } });
}

const noPersonalData = (res: LightMyRequestResponse) => {
  for (const p of PERSONAL) expect(res.body, `leaks ${p}`).not.toContain(p);
};

export const initiativeRows = (m: M): Rows => {
  const fx = () => initiativeWorld(m);
  const ALL = ['anonymous', ...ALL_SIGNED_IN] as const;
  /** A fresh proposal screened in by steering, for rows whose action changes it. */
  const catalogued = async () => {
    const p = await proposeAs(m);
    is(await m.w.seats.steering.client.post(`/api/initiatives/${p.id}/screen`, { accept: true }), 200);
    return p;
  };
  const steeringOnly = (method: HTTPMethods, url: () => Promise<string>, body: () => unknown, ok: number) =>
    row({
      anonymous: async () => is(await callFrom(m, 'anonymous', method, await url(), await body()), 401),
      ...each(NATIONAL, async (role) => is(await callFrom(m, role, method, await url(), await body()), ok)),
      ...each(OTHERS, async (role) => is(await callFrom(m, role, method, await url(), await body()), 403)),
    });

  return {
    'publicInitiative.catalogue': row(
      each(ALL, async (role) => {
        const { catalogued, submitted } = await fx();
        const res = await callFrom(m, role, 'GET', '/api/public/initiatives?q=ban%20do%20so&limit=500');
        is(res, 200);
        const codes = res.json().items.map((i: { code: string }) => i.code);
        expect(codes).toContain(catalogued.code);
        expect(codes).not.toContain(submitted.code);
        noPersonalData(res);
      }),
    ),
    'publicInitiative.facets': row(
      each(ALL, async (role) => {
        await fx();
        const res = await callFrom(m, role, 'GET', '/api/public/initiatives/facets');
        is(res, 200);
        expect(res.json().total).toBeGreaterThan(0);
      }),
    ),
    'publicInitiative.get': row(
      each(ALL, async (role) => {
        const { catalogued, submitted } = await fx();
        const res = await callFrom(m, role, 'GET', `/api/public/initiatives/${catalogued.code}`);
        is(res, 200);
        noPersonalData(res);
        is(await callFrom(m, role, 'GET', `/api/public/initiatives/${submitted.code}`), 404);
      }),
    ),
    'publicInitiative.propose': row(
      each(ALL, async (role) => {
        const res = await callFrom(m, role, 'POST', '/api/public/initiatives', proposalBody());
        is(res, 201);
        expect(res.json().secret.length).toBeGreaterThan(16);
      }),
    ),
    'publicInitiative.attach': row(
      each(ALL, async (role) => {
        const p = await proposeAs(m, role);
        const send = (secret: string) => {
          const { payload, headers } = multipartBody('file', 'a.pdf', tinyPdf());
          const url = `/api/public/initiatives/${p.code}/attachments?secret=${secret}`;
          const opts = { method: 'POST' as const, url, payload, headers };
          return role === 'anonymous' ? m.env.app.inject(opts) : m.w.seats[role].client.request(opts);
        };
        is(await send('not-the-secret-of-this-one'), 404);
        is(await send(p.secret), 201);
      }),
    ),
    'initiative.list': signedInRow(m, 'GET', () => '/api/initiatives', {
      ...each(NATIONAL, async (role) => {
        const { catalogued, submitted } = await fx();
        const res = await callFrom(m, role, 'GET', '/api/initiatives?limit=500');
        is(res, 200);
        const ids = res.json().items.map((i: { id: string }) => i.id);
        expect(ids).toEqual(expect.arrayContaining([catalogued.id, submitted.id]));
      }),
      ...each(
        OTHERS,
        expectStatus(m, 403, 'GET', () => '/api/initiatives'),
      ),
    }),
    'initiative.get': row({
      anonymous: async () =>
        is(await callFrom(m, 'anonymous', 'GET', `/api/initiatives/${(await fx()).catalogued.id}`), 401),
      ...each(NATIONAL, async (role) => {
        const res = await callFrom(m, role, 'GET', `/api/initiatives/${(await fx()).catalogued.id}`);
        is(res, 200);
        expect(res.json().proposer.email).toBe(PERSONAL[1]); // steering sees the contacts
      }),
      ...each(OTHERS, async (role) =>
        is(await callFrom(m, role, 'GET', `/api/initiatives/${(await fx()).catalogued.id}`), 404),
      ),
    }),
    'initiative.screen': steeringOnly(
      'POST',
      async () => `/api/initiatives/${(await proposeAs(m)).id}/screen`,
      () => ({ accept: true }),
      200,
    ),
    'initiative.assignExperts': steeringOnly(
      'POST',
      async () => `/api/initiatives/${(await catalogued()).id}/experts`,
      async () => ({ userIds: [(await expertSeats(m)).a.id] }),
      200,
    ),
    'initiative.declare': signedInRow(
      m,
      'POST',
      () => '/api/initiatives/00000000-0000-7000-8000-000000000000/conflict',
      each(ALL_SIGNED_IN, async (role) => {
        const url = `/api/initiatives/${(await fx()).catalogued.id}/conflict`;
        is(await callFrom(m, role, 'POST', url, { conflict: false }), 403);
        if (role === 'steering') await expertRules(m, 'declare');
      }),
      () => ({ conflict: false }),
    ),
    'initiative.score': signedInRow(
      m,
      'PUT',
      () => '/api/initiatives/00000000-0000-7000-8000-000000000000/score',
      each(ALL_SIGNED_IN, async (role) => {
        const url = `/api/initiatives/${(await fx()).catalogued.id}/score`;
        is(await callFrom(m, role, 'PUT', url, { scores: { novelty: 3 } }), 403);
        if (role === 'steering') await expertRules(m, 'score');
      }),
      () => ({ scores: {} }),
    ),
    'initiative.decide': steeringOnly(
      'POST',
      async () => `/api/initiatives/${(await catalogued()).id}/decision`,
      () => ({ decision: 'reject', note: 'Ngoài phạm vi' }),
      200,
    ),
    'initiative.experts': steeringOnly(
      'GET',
      () => Promise.resolve('/api/initiatives/experts'),
      () => undefined,
      200,
    ),
    'initiative.rubric': steeringOnly(
      'GET',
      () => Promise.resolve('/api/initiatives/rubric'),
      () => undefined,
      200,
    ),
    'initiative.createRubric': steeringOnly(
      'POST',
      () => Promise.resolve('/api/initiatives/rubric'),
      () => ({ criteria: [{ code: 'impact', weight: 1, name: 'Tác động', nameEn: 'Impact' }] }),
      201,
    ),
    'initiative.attachment': row({
      anonymous: async () =>
        is(
          await callFrom(m, 'anonymous', 'GET', `/api/initiative-attachments/${(await fx()).attachment}`),
          401,
        ),
      ...each(NATIONAL, async (role) => {
        const res = await callFrom(m, role, 'GET', `/api/initiative-attachments/${(await fx()).attachment}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
      }),
      ...each(OTHERS, async (role) =>
        is(await callFrom(m, role, 'GET', `/api/initiative-attachments/${(await fx()).attachment}`), 404),
      ),
    }),
  };
};

/** The portal's public routes (authorization.test.ts: only these, health and login are public). */
export const INITIATIVE_PUBLIC_ROUTES = [
  'publicInitiative.attach',
  'publicInitiative.catalogue',
  'publicInitiative.facets',
  'publicInitiative.get',
  'publicInitiative.propose',
];
