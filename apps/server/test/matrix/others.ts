/** Rows of review reports, import/export, commitments, notifications and demo removal. */
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { multipartBody } from '../reports-helpers.ts';
import {
  ALL_SIGNED_IN,
  each,
  expectStatus,
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

const SEES_COMMITMENT = {
  communeOfficer: ['commune'],
  communeLead: ['commune'],
  provinceOfficer: ['commune'],
  ministryOfficer: [],
  steering: ['commune', 'otherProvinceCommune'],
  admin: ['commune', 'otherProvinceCommune'],
} as const;

/** Notifications are addressed to a unit: each seat reads its own unit's, of the kinds its roles read. */
const SEES_NOTIFICATION = {
  communeOfficer: ['commune'],
  communeLead: ['commune'],
  provinceOfficer: ['province'],
  ministryOfficer: ['ministry'],
  steering: ['steering'],
  admin: ['national'],
} as const;

/** A unit far from the seats of commune, province and ministry: its name must not leak into their files. */
const FAR = 'otherProvince'; // directly assigned: reviews and exports list it by name
const seesFar = (role: SignedInClass) =>
  role === 'steering' || role === 'admin' || role === 'ministryOfficer';

export const otherRows = (m: M): Rows => {
  const get = (role: SignedInClass, url: string) => m.w.call(role, 'GET', url);
  /** 200 for every signed-in role; the body names the far unit only for those who see it. */
  const scopedFile = (url: () => string, sees = seesFar) =>
    signedInRow(
      m,
      'GET',
      url,
      each(ALL_SIGNED_IN, async (role) => {
        const res = await get(role as SignedInClass, url());
        is(res, 200);
        if (url().endsWith('.xlsx') || url().endsWith('.docx')) return; // zipped: checked through the JSON/CSV twins
        const farName = (
          await m.env.database.db
            .selectFrom('org_unit')
            .select('name')
            .where('id', '=', m.w.units[FAR])
            .executeTakeFirstOrThrow()
        ).name;
        expect(res.body.includes(farName), `${role} sees ${farName}`).toBe(sees(role as SignedInClass));
      }),
    );
  const importCsv = async (role: SignedInClass, programmeId: string) => {
    const csv = await readFile(new URL('../fixtures/import-good.csv', import.meta.url));
    const { payload, headers } = multipartBody('file', 'good.csv', csv, 'text/csv');
    const url = `/api/programmes/${programmeId}/import?dryRun=true`;
    return m.w.seats[role].client.request({ method: 'POST', url, payload, headers });
  };
  const commitments = () => m.fx.commitments;
  const notifications = () => m.fx.notifications;

  return {
    'review.review': scopedFile(() => `/api/programmes/${m.fx.programmeId}/review?asOf=2030-12-31`),
    'review.reviewXlsx': scopedFile(() => `/api/programmes/${m.fx.programmeId}/review.xlsx`),
    'review.reviewDocx': scopedFile(() => `/api/programmes/${m.fx.programmeId}/review.docx`),
    'taskIo.templateXlsx': scopedFile(() => '/api/programmes/import-template.xlsx'),
    'taskIo.templateCsv': signedInRow(
      m,
      'GET',
      () => '/api/programmes/import-template.csv',
      each(
        ALL_SIGNED_IN,
        expectStatus(m, 200, 'GET', () => '/api/programmes/import-template.csv'),
      ),
    ),
    'taskIo.exportXlsx': scopedFile(() => `/api/programmes/${m.fx.programmeId}/export.xlsx`),
    // exports list the assignments the caller sees; the task's lead unit does not see the others' rows
    'taskIo.exportCsv': scopedFile(
      () => `/api/programmes/${m.fx.programmeId}/export.csv`,
      (role) => role === 'steering' || role === 'admin',
    ),
    'taskIo.importTasks': row({
      anonymous: async () => {
        const csv = await readFile(new URL('../fixtures/import-good.csv', import.meta.url));
        const { payload, headers } = multipartBody('file', 'good.csv', csv, 'text/csv');
        is(
          await m.env.app.inject({
            method: 'POST',
            url: `/api/programmes/${m.fx.programmeId}/import?dryRun=true`,
            payload,
            headers,
          }),
          401,
        );
      },
      ...each(ALL_SIGNED_IN, async (role) => {
        const res = await importCsv(role as SignedInClass, m.fx.programmeId);
        is(res, (NATIONAL as readonly string[]).includes(role) ? 200 : 403);
      }),
    }),

    'commitment.sign': row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => '/api/commitments',
        () => ({ outcome: 'x', dueOn: '2030-12-31', assignmentIds: [m.fx.assignments.commune] }),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { a } = await m.fx.chain();
        const sign = (assignmentId: string) =>
          m.w.call(role, 'POST', '/api/commitments', {
            outcome: 'Hoàn thành',
            dueOn: '2030-12-31',
            assignmentIds: [assignmentId],
          });
        // a person holding unit_lead, for their own unit only
        is(await sign(a.commune), role === 'communeLead' ? 201 : 403);
        if (role === 'communeLead') {
          const res = await sign(a.otherCommune);
          is(res, 400);
          expect(res.json().errors[0].path).toBe('assignmentIds.0');
        }
      }),
    }),
    'commitment.list': listRow(m, '/api/commitments?limit=100', commitments, SEES_COMMITMENT),
    'commitment.get': visibilityRow(m, 'GET', commitments, (id) => `/api/commitments/${id}`, SEES_COMMITMENT),

    'notification.list': listRow(m, '/api/notifications?limit=100', notifications, SEES_NOTIFICATION),
    'notification.unreadCount': signedInRow(
      m,
      'GET',
      () => '/api/notifications/unread-count',
      each(ALL_SIGNED_IN, async (role) => {
        const res = await get(role as SignedInClass, '/api/notifications/unread-count');
        is(res, 200);
        const list = await get(role as SignedInClass, '/api/notifications?unread=true&limit=1');
        expect(res.json().count).toBe(list.json().total);
      }),
    ),
    'notification.read': visibilityRow(
      m,
      'POST',
      notifications,
      (id) => `/api/notifications/${id}/read`,
      SEES_NOTIFICATION,
    ),
    'notification.readAll': signedInRow(
      m,
      'POST',
      () => '/api/notifications/read-all',
      each(ALL_SIGNED_IN, async (role) => {
        is(await m.w.call(role, 'POST', '/api/notifications/read-all'), 200);
        expect((await get(role as SignedInClass, '/api/notifications/unread-count')).json().count).toBe(0);
        // another unit's notification stays unread for its readers
        const other = await m.fx.makers.otherCommune.get('/api/notifications?unread=true&limit=100');
        expect(other.json().items.map((i: { id: string }) => i.id)).toContain(
          m.fx.notifications.otherCommune,
        );
      }),
    ),
    'notification.runReminders': signedInRow(
      m,
      'POST',
      () => '/api/admin/jobs/reminders/run',
      {
        ...each(
          [...NOT_PROGRAMME_MANAGERS, 'steering'],
          expectStatus(
            m,
            403,
            'POST',
            () => '/api/admin/jobs/reminders/run',
            () => ({ asOf: '2025-01-01' }),
          ),
        ),
        admin: expectStatus(
          m,
          200,
          'POST',
          () => '/api/admin/jobs/reminders/run',
          () => ({ asOf: '2025-01-01' }),
        ),
      },
      () => ({ asOf: '2025-01-01' }),
    ),

    'demo.removeAccounts': signedInRow(m, 'POST', () => '/api/admin/demo/remove', {
      ...each(
        [...NOT_PROGRAMME_MANAGERS, 'steering'],
        expectStatus(m, 403, 'POST', () => '/api/admin/demo/remove'),
      ),
      admin: async (role) => {
        const res = await m.w.call(role, 'POST', '/api/admin/demo/remove');
        is(res, 200);
        expect(res.json().removed).toBe(0); // the matrix world has no demo account
      },
    }),
  };
};
