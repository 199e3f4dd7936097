/** Rows of programmes, directive documents, tasks, assignments and extensions. */
import { expect } from 'vitest';
import { uniq } from '../factories.ts';
import {
  ALL_SIGNED_IN,
  each,
  expectStatus,
  ids,
  is,
  listRow,
  NATIONAL,
  NOT_PROGRAMME_MANAGERS,
  row,
  signedInRow,
  visibilityRow,
  type M,
  type Rows,
  type SignedInClass,
} from '../matrix.ts';
import { PLACES, SEES_ASSIGNMENT } from '../matrix-world.ts';

const SEES_TASK = {
  communeOfficer: ['main'],
  communeLead: ['main'],
  provinceOfficer: ['main', 'hanoi'],
  ministryOfficer: ['main'],
  steering: ['main', 'hanoi', 'bacNinh'],
  admin: ['main', 'hanoi', 'bacNinh'],
} as const;

/** Units whose rows each role's summaries may show. */
const unitsSeen = (m: M, role: SignedInClass): string[] => {
  const u = m.w.units;
  if (role === 'communeOfficer' || role === 'communeLead') return [u.commune];
  if (role === 'provinceOfficer') return [u.province, u.commune, u.otherCommune];
  // BKHCN leads the task: a lead unit sees the statuses of all of its task's assignments (tasks/scope.ts)
  if (role === 'ministryOfficer') return Object.values(u);
  return Object.values(u);
};

export const taskRows = (m: M): Rows => {
  const document = () => ({
    code: uniq('VB-'),
    title: 'Văn bản',
    docType: 'plan',
    issuer: 'Chính phủ',
    issuedOn: '2025-01-01',
  });
  const programme = () => ({
    code: uniq('CT-'),
    title: 'Chương trình',
    ownerUnitId: m.w.units.root,
    periodStart: '2025-01-01',
    periodEnd: '2026-12-31',
  });
  const task = () => ({
    programmeId: m.fx.programmeId,
    code: uniq('NV-'),
    title: 'Nhiệm vụ',
    category: 'digital_government',
    leadUnitId: m.w.units.ministry,
    startDate: '2025-01-01',
    deadline: '2025-12-31',
  });
  const assignments = () => m.fx.assignments;
  const tasks = () => m.fx.tasks;
  const managers = (status: number, method: 'POST' | 'PATCH', url: () => string, body: () => unknown) =>
    signedInRow(
      m,
      method,
      url,
      {
        ...each(NOT_PROGRAMME_MANAGERS, expectStatus(m, 403, method, url, body)),
        ...each(NATIONAL, expectStatus(m, status, method, url, body)),
      },
      body,
    );

  return {
    'programme.listDocuments': signedInRow(
      m,
      'GET',
      () => '/api/documents',
      each(
        ALL_SIGNED_IN,
        expectStatus(m, 200, 'GET', () => '/api/documents'),
      ),
    ),
    'programme.createDocument': managers(201, 'POST', () => '/api/documents', document),
    'programme.list': signedInRow(
      m,
      'GET',
      () => '/api/programmes',
      each(ALL_SIGNED_IN, async (role) => {
        const res = await m.w.call(role, 'GET', '/api/programmes?limit=100');
        is(res, 200);
        expect(ids(res)).toContain(m.fx.programmeId);
      }),
    ),
    'programme.create': managers(201, 'POST', () => '/api/programmes', programme),
    'programme.get': signedInRow(m, 'GET', () => `/api/programmes/${m.fx.programmeId}`, {
      ...each(
        ALL_SIGNED_IN,
        expectStatus(m, 200, 'GET', () => `/api/programmes/${m.fx.programmeId}`),
      ),
    }),
    'programme.summary': signedInRow(
      m,
      'GET',
      () => `/api/programmes/${m.fx.programmeId}/summary`,
      each(ALL_SIGNED_IN, async (role) => {
        const res = await m.w.call(role, 'GET', `/api/programmes/${m.fx.programmeId}/summary`);
        is(res, 200);
        const seen = new Set(unitsSeen(m, role as SignedInClass));
        for (const u of res.json().byUnit as { unitId: string }[])
          expect(seen.has(u.unitId), u.unitId).toBe(true);
        expect(res.json().total).toBe(SEES_TASK[role as SignedInClass].length);
      }),
    ),

    'task.list': listRow(m, () => `/api/tasks?programmeId=${m.fx.programmeId}&limit=100`, tasks, SEES_TASK),
    'task.create': managers(201, 'POST', () => '/api/tasks', task),
    'task.get': visibilityRow(m, 'GET', tasks, (id) => `/api/tasks/${id}`, SEES_TASK),
    'task.update': managers(
      200,
      'PATCH',
      () => `/api/tasks/${m.fx.tasks.main}`,
      () => ({ title: 'Đổi tên' }),
    ),

    'assignment.list': listRow(
      m,
      () => `/api/assignments?taskId=${m.fx.taskId}&limit=100`,
      assignments,
      SEES_ASSIGNMENT,
    ),
    'assignment.get': visibilityRow(m, 'GET', assignments, (id) => `/api/assignments/${id}`, SEES_ASSIGNMENT),
    'assignment.listExtensions': visibilityRow(
      m,
      'GET',
      assignments,
      (id) => `/api/assignments/${id}/extensions`,
      SEES_ASSIGNMENT,
    ),
    'assignment.assign': row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => `/api/tasks/${m.fx.tasks.hanoi}/assignments`,
        () => ({ unitIds: [m.w.units.province] }),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { taskId } = await m.fx.chain();
        const res = await m.w.call(role, 'POST', `/api/tasks/${taskId}/assignments`, {
          unitIds: [m.w.units.otherMinistry],
        });
        is(res, (NATIONAL as readonly string[]).includes(role) ? 201 : 403);
      }),
    }),
    'assignment.cascade': row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => `/api/assignments/${m.fx.assignments.province}/cascade`,
        () => ({ unitIds: [m.fx.spareCommune] }),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { a } = await m.fx.chain();
        const body = { unitIds: [m.fx.spareCommune] };
        const sees = new Set<string>(SEES_ASSIGNMENT[role as SignedInClass]);
        const expected = !sees.has('province') ? 404 : 201;
        is(await m.w.call(role, 'POST', `/api/assignments/${a.province}/cascade`, body), expected);
        is(
          await m.w.call(role, 'POST', `/api/assignments/${a.otherProvince}/cascade`, body),
          sees.has('otherProvince') ? 400 : 404,
        );
      }),
    }),
    'assignment.update': row({
      anonymous: expectStatus(
        m,
        401,
        'PATCH',
        () => `/api/assignments/${m.fx.assignments.commune}`,
        () => ({ responsibleLeader: 'X' }),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const sees = new Set<string>(SEES_ASSIGNMENT[role as SignedInClass]);
        for (const place of PLACES) {
          const res = await m.w.call(role, 'PATCH', `/api/assignments/${m.fx.assignments[place]}`, {
            responsibleLeader: 'Ông A',
          });
          expect(res.statusCode, `${role} ${place}`).toBe(sees.has(place) ? 200 : 404);
        }
      }),
    }),
    'assignment.requestExtension': row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => `/api/assignments/${m.fx.assignments.commune}/extensions`,
        () => ({ requestedDeadline: '2031-06-30', reason: 'x' }),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { a } = await m.fx.chain();
        const sees = new Set<string>(SEES_ASSIGNMENT[role as SignedInClass]);
        const own: Record<SignedInClass, string | null> = {
          communeOfficer: 'commune',
          communeLead: 'commune',
          provinceOfficer: 'province',
          ministryOfficer: 'ministry',
          steering: null,
          admin: null,
        };
        for (const place of PLACES) {
          const res = await m.w.call(role, 'POST', `/api/assignments/${a[place]}/extensions`, {
            requestedDeadline: place.endsWith('ommune') ? '2030-09-30' : '2031-06-30',
            reason: 'Chờ kinh phí',
          });
          const expected = !sees.has(place) ? 404 : own[role as SignedInClass] === place ? 201 : 403;
          expect(res.statusCode, `${role} ${place}: ${res.body.slice(0, 200)}`).toBe(expected);
        }
      }),
    }),
    'assignment.decideExtension': row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => `/api/extensions/${m.fx.extensions.commune}/decision`,
        () => ({ approve: false }),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { a } = await m.fx.chain();
        const ext = {
          province: await m.fx.requestExtension(m.w.seats.provinceOfficer.client, a.province, '2031-06-30'),
          commune: await m.fx.requestExtension(m.w.seats.communeOfficer.client, a.commune),
          otherProvinceCommune: await m.fx.requestExtension(
            m.fx.makers.otherProvinceCommune,
            a.otherProvinceCommune,
          ),
        };
        const sees = new Set<string>(SEES_ASSIGNMENT[role as SignedInClass]);
        for (const [place, id] of Object.entries(ext)) {
          const res = await m.w.call(role, 'POST', `/api/extensions/${id}/decision`, { approve: true });
          // the assigning unit decides: BCDCP (steering) for the province's, Hà Nội's leads for its communes'
          const expected = !sees.has(place) ? 404 : role === 'steering' && place === 'province' ? 200 : 403;
          expect(res.statusCode, `${role} ${place}: ${res.body.slice(0, 200)}`).toBe(expected);
        }
        is(
          await m.fx.makers.provinceLead.post(`/api/extensions/${ext.commune}/decision`, { approve: false }),
          200,
        );
      }),
    }),
  };
};
