/**
 * Rows of feedback (issue 10): the public intake and tracking (every role, nothing revealed without the
 * secret, no personal data), the handlers' list, item and actions (routed to the unit or below), admin.
 */
import { expect } from 'vitest';
import type { HTTPMethods } from 'fastify';
import {
  ALL_SIGNED_IN,
  each,
  expectStatus,
  is,
  listRow,
  row,
  signedInRow,
  visibilityRow,
  type M,
  type Rows,
  type SignedInClass,
} from '../matrix.ts';
import { ROLE_CLASSES, type RoleClass } from '../roles.ts';
import { seedTopics, submission } from '../feedback-factories.ts';

const PLACES = ['commune', 'otherCommune', 'province', 'otherProvince', 'ministry', 'triage'] as const;
type Place = (typeof PLACES)[number];
const ALL_PLACES = PLACES;
/** Routed to the seat's unit or below; the steering office and national admins see everything. */
const SEES: Record<SignedInClass, readonly Place[]> = {
  communeOfficer: ['commune'],
  communeLead: ['commune'],
  provinceOfficer: ['commune', 'otherCommune', 'province'],
  ministryOfficer: ['ministry'],
  steering: ALL_PLACES,
  admin: ALL_PLACES,
};
/** The item routed to the seat's own unit (the admin sits at the national root: none). */
const OWN_PLACE: Record<SignedInClass, Place | null> = {
  communeOfficer: 'commune',
  communeLead: 'commune',
  provinceOfficer: 'province',
  ministryOfficer: 'ministry',
  steering: 'triage',
  admin: null,
};
const ADMINS: readonly RoleClass[] = ['steering', 'admin'];
const PERSONAL = ['Nguyễn Văn An', 'an.nguyen@example.vn', '0912345678', '001099012345'];

interface FeedbackWorld {
  items: Record<Place, string>;
  codes: Record<Place, { trackingCode: string; secret: string }>;
}

let ipSeq = 0;
const nextIp = () => `198.51.100.${(ipSeq++ % 250) + 1}`;

/** Calls as a role from a fresh address (the intake counts per address). */
function callFrom(m: M, role: RoleClass, method: HTTPMethods, url: string, payload?: unknown) {
  const opts = {
    method,
    url,
    remoteAddress: nextIp(),
    ...(payload === undefined ? {} : { payload: payload as object }),
  };
  return role === 'anonymous' ? m.env.app.inject(opts) : m.w.seats[role].client.request(opts);
}

let world: Promise<FeedbackWorld> | undefined;
function feedbackWorld(m: M): Promise<FeedbackWorld> {
  return (world ??= (async () => {
    await seedTopics(m.env);
    const units: Record<Place, string> = {
      commune: m.w.units.commune,
      otherCommune: m.w.units.otherCommune,
      province: m.w.units.province,
      otherProvince: m.w.units.otherProvince,
      ministry: m.w.units.ministry,
      triage: (
        await m.env.database.db
          .selectFrom('org_unit')
          .select('id')
          .where('code', '=', 'BCDCP')
          .executeTakeFirstOrThrow()
      ).id,
    };
    const items = {} as Record<Place, string>;
    const codes = {} as FeedbackWorld['codes'];
    for (const place of PLACES) {
      const res = await callFrom(
        m,
        'anonymous',
        'POST',
        '/api/public/feedback',
        submission({ title: `Phản ánh mẫu ${place}` }),
      );
      is(res, 201);
      codes[place] = res.json();
      const it = await m.env.database.db
        .updateTable('feedback_item')
        .set({ unit_id: units[place] })
        .where('tracking_code', '=', codes[place].trackingCode)
        .returning('id')
        .executeTakeFirstOrThrow();
      items[place] = it.id;
    }
    return { items, codes };
  })());
}

const noPersonalData = (body: string) => {
  for (const p of PERSONAL) expect(body).not.toContain(p);
};

/** Every role (anonymous included) gets `status`; bodies never carry personal data. */
const publicRow = (m: M, method: HTTPMethods, url: () => string, status: number, body?: () => unknown) =>
  row(
    Object.fromEntries(
      ROLE_CLASSES.map((role) => [
        role,
        async () => {
          await feedbackWorld(m);
          const res = await callFrom(m, role, method, url(), body?.());
          expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
          noPersonalData(res.body);
        },
      ]),
    ),
  );

export const FEEDBACK_PUBLIC_ROUTES = [
  ...['topics', 'challenge', 'similar', 'submit', 'track', 'reply', 'rate', 'reopen', 'answers'].map(
    (r) => `publicFeedback.${r}`,
  ),
  ...['discovery', 'services', 'service', 'requests', 'postRequest', 'request'].map((r) => `open311.${r}`),
];

export const feedbackRows = (m: M): Rows => {
  const fw = () => feedbackWorld(m);
  let fwSync: FeedbackWorld;
  const ready = async () => (fwSync = await fw());
  const code = () => fwSync.codes.commune;
  const wrongSecret = 'x'.repeat(32);
  const onlyAdmins = (
    method: HTTPMethods,
    url: () => string,
    ok: number,
    body?: () => unknown,
    okRoles = ADMINS,
  ) =>
    signedInRow(
      m,
      method,
      url,
      each(ALL_SIGNED_IN, async (role) => {
        await ready();
        const res = await callFrom(m, role, method, url(), body?.());
        expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBe(okRoles.includes(role) ? ok : 403);
      }),
      body,
    );

  return {
    'publicFeedback.topics': publicRow(m, 'GET', () => '/api/public/feedback/topics', 200),
    'publicFeedback.challenge': publicRow(m, 'GET', () => '/api/public/feedback/challenge', 200),
    'publicFeedback.similar': publicRow(
      m,
      'GET',
      () => '/api/public/feedback/similar?q=ket%20noi%20du%20lieu%20dan%20cu',
      200,
    ),
    'publicFeedback.submit': publicRow(
      m,
      'POST',
      () => '/api/public/feedback',
      201,
      () => submission(),
    ),
    // the right secret shows the item without personal data; a wrong one is the 404 of an unknown code
    'publicFeedback.track': row(
      Object.fromEntries(
        ROLE_CLASSES.map((role) => [
          role,
          async () => {
            await ready();
            const ok = await callFrom(
              m,
              role,
              'GET',
              `/api/public/feedback/${code().trackingCode}?secret=${code().secret}`,
            );
            is(ok, 200);
            noPersonalData(ok.body);
            const wrong = await callFrom(
              m,
              role,
              'GET',
              `/api/public/feedback/${code().trackingCode}?secret=${wrongSecret}`,
            );
            is(wrong, 404);
            expect(wrong.body).not.toContain(code().trackingCode);
          },
        ]),
      ),
    ),
    'publicFeedback.reply': publicRow(
      m,
      'POST',
      () => `/api/public/feedback/${code().trackingCode}/reply`,
      404,
      () => ({ secret: wrongSecret, message: 'x' }),
    ),
    'publicFeedback.rate': publicRow(
      m,
      'POST',
      () => `/api/public/feedback/${code().trackingCode}/rating`,
      404,
      () => ({ secret: wrongSecret, score: 5 }),
    ),
    'publicFeedback.reopen': publicRow(
      m,
      'POST',
      () => `/api/public/feedback/${code().trackingCode}/reopen`,
      404,
      () => ({ secret: wrongSecret, reason: 'Chưa thỏa đáng' }),
    ),
    'publicFeedback.answers': publicRow(m, 'GET', () => '/api/public/answers?q=du%20lieu', 200),
    'open311.discovery': publicRow(m, 'GET', () => '/open311/v2/discovery.json', 200),
    'open311.services': publicRow(m, 'GET', () => '/open311/v2/services.xml', 200),
    'open311.service': publicRow(m, 'GET', () => '/open311/v2/services/data.json', 200),
    'open311.requests': publicRow(m, 'GET', () => '/open311/v2/requests.json?status=open', 200),
    'open311.request': publicRow(m, 'GET', () => `/open311/v2/requests/${code().trackingCode}.json`, 200),
    'open311.postRequest': row(
      Object.fromEntries(
        ROLE_CLASSES.map((role) => [
          role,
          async () => {
            await ready();
            const opts = {
              method: 'POST' as const,
              url: '/open311/v2/requests.json',
              remoteAddress: nextIp(),
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              payload: new URLSearchParams({
                service_code: 'data',
                description: 'Dữ liệu dân cư chưa đồng bộ',
                address_string: 'Hà Nội',
                email: 'an.nguyen@example.vn',
              }).toString(),
            };
            const res =
              role === 'anonymous'
                ? await m.env.app.inject(opts)
                : await m.w.seats[role].client.request(opts);
            expect(res.statusCode, res.body).toBe(201);
            noPersonalData(res.body);
          },
        ]),
      ),
    ),

    'feedback.list': { ...listRow(m, '/api/feedback?limit=500', () => fwSync.items, SEES), ...{} },
    'feedback.get': visibilityRow(
      m,
      'GET',
      () => fwSync.items,
      (id) => `/api/feedback/${id}`,
      SEES,
    ),
    'feedback.act': signedInRow(
      m,
      'POST',
      () => `/api/feedback/${fwSync.items.commune}/actions`,
      each(ALL_SIGNED_IN, async (role) => {
        await ready();
        for (const place of PLACES) {
          const res = await callFrom(m, role, 'POST', `/api/feedback/${fwSync.items[place]}/actions`, {
            action: 'note',
            body: 'ghi chú',
          });
          expect(res.statusCode, `${role} ${place}`).toBe(
            SEES[role as SignedInClass].includes(place) ? 200 : 404,
          );
          if (res.statusCode === 200) {
            // the masked contact only for handlers sitting in the responsible unit
            const inUnit = OWN_PLACE[role as SignedInClass] === place;
            expect(res.json().contact === null, `${role} ${place} contact`).toBe(!inUnit);
            noPersonalData(res.body);
          }
        }
      }),
      () => ({ action: 'note', body: 'ghi chú' }),
    ),
    'feedback.listTopics': signedInRow(
      m,
      'GET',
      () => '/api/feedback-admin/topics',
      each(
        ALL_SIGNED_IN,
        expectStatus(m, 200, 'GET', () => '/api/feedback-admin/topics'),
      ),
    ),
    'feedback.setDeadline': onlyAdmins(
      'PUT',
      () => '/api/feedback-admin/deadlines',
      200,
      () => ({ kind: 'difficulty', topic: null, workingDays: 15 }),
    ),
    'feedback.listRoutingRules': signedInRow(
      m,
      'GET',
      () => '/api/feedback-admin/routing-rules',
      each(
        ALL_SIGNED_IN,
        expectStatus(m, 200, 'GET', () => '/api/feedback-admin/routing-rules'),
      ),
    ),
    'feedback.createRoutingRule': onlyAdmins(
      'POST',
      () => '/api/feedback-admin/routing-rules',
      201,
      () => ({ topic: 'institutions', placeUnitId: null, unitId: m.w.units.ministry }),
    ),
    'feedback.deleteRoutingRule': signedInRow(
      m,
      'DELETE',
      () => '/api/feedback-admin/routing-rules/00000000-0000-7000-8000-000000000000',
      each(ALL_SIGNED_IN, async (role) => {
        const created = await callFrom(m, 'admin', 'POST', '/api/feedback-admin/routing-rules', {
          topic: null,
          placeUnitId: null,
          unitId: m.w.units.ministry,
          priority: -100,
        });
        is(created, 201);
        const res = await callFrom(
          m,
          role,
          'DELETE',
          `/api/feedback-admin/routing-rules/${created.json().id}`,
        );
        expect(res.statusCode, role).toBe(ADMINS.includes(role) ? 200 : 403);
        if (res.statusCode !== 200)
          is(
            await callFrom(m, 'admin', 'DELETE', `/api/feedback-admin/routing-rules/${created.json().id}`),
            200,
          );
      }),
    ),
    'feedback.calendar': signedInRow(
      m,
      'GET',
      () => '/api/working-calendar?year=2026',
      each(
        ALL_SIGNED_IN,
        expectStatus(m, 200, 'GET', () => '/api/working-calendar?year=2026'),
      ),
    ),
    'feedback.setCalendarException': onlyAdmins(
      'PUT',
      () => '/api/working-calendar/exceptions/2030-05-04',
      200,
      () => ({ isWorking: true, note: 'Làm bù' }),
      ['admin'],
    ),
    'feedback.deleteCalendarException': signedInRow(
      m,
      'DELETE',
      () => '/api/working-calendar/exceptions/2030-05-05',
      each(ALL_SIGNED_IN, async (role) => {
        is(
          await callFrom(m, 'admin', 'PUT', '/api/working-calendar/exceptions/2030-05-05', {
            isWorking: true,
            note: 'Làm bù',
          }),
          200,
        );
        const res = await callFrom(m, role, 'DELETE', '/api/working-calendar/exceptions/2030-05-05');
        expect(res.statusCode, role).toBe(role === 'admin' ? 200 : 403);
      }),
    ),
  };
};
