/**
 * Task-monitoring objects of the authorization matrix, one per place relative to the role seats of
 * roles.ts: the seats' own commune (Phường Ba Đình), another commune of the same province (Phường Bạch Mai),
 * the province (Hà Nội), another province (Bắc Ninh) and its commune, and a ministry (BKHCN).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { signedIn, type Client } from './factories.ts';
import type { TestEnv } from './harness.ts';
import { multipartBody, saveReport, tinyPdf } from './reports-helpers.ts';
import type { World } from './roles.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

export const PLACES = [
  'province',
  'commune',
  'otherCommune',
  'otherProvince',
  'otherProvinceCommune',
  'ministry',
] as const;
export type Place = (typeof PLACES)[number];

/**
 * Which assignments each role class sees (the tasks rule: its unit or its assigning unit lies in the
 * caller's subtree). Communes see their own; Hà Nội sees its own and its communes'; the ministry its own.
 */
export const SEES_ASSIGNMENT = {
  communeOfficer: ['commune'],
  communeLead: ['commune'],
  provinceOfficer: ['province', 'commune', 'otherCommune'],
  ministryOfficer: ['ministry'],
  steering: PLACES,
  admin: PLACES,
} as const satisfies Record<string, readonly Place[]>;

export type ReportPlace = 'commune' | 'otherCommune' | 'otherProvinceCommune';
/** Submitted reports (and their evidence): seen with their assignment. */
export const SEES_REPORT = {
  communeOfficer: ['commune'],
  communeLead: ['commune'],
  provinceOfficer: ['commune', 'otherCommune'],
  ministryOfficer: [],
  steering: ['commune', 'otherCommune', 'otherProvinceCommune'],
  admin: ['commune', 'otherCommune', 'otherProvinceCommune'],
} as const satisfies Record<string, readonly ReportPlace[]>;

const ok = <T extends { statusCode: number; body: string }>(res: T, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  return res;
};

export async function uploadEvidence(client: Client, reportId: string): Promise<string> {
  const { payload, headers } = multipartBody('file', 'minh-chung.pdf', tinyPdf(), 'application/pdf');
  const res = await client.request({
    method: 'POST',
    url: `/api/reports/${reportId}/evidence`,
    payload,
    headers,
  });
  return ok(res, 201).json<{ id: string }>().id;
}

/** A draft report of an assignment (monthly period), written by a member of the assigned unit. */
export async function draftReport(client: Client, assignmentId: string, period = '2025-06'): Promise<string> {
  const res = await saveReport(client, { assignmentId, period, progress: 30, narrative: 'Đang triển khai' });
  return ok(res).reportId;
}

export async function buildTaskWorld(env: TestEnv, w: World) {
  const makers = {
    otherCommune: (await signedIn(env, '00292', ['officer'])).client,
    otherProvinceCommune: (await signedIn(env, '07210', ['officer'])).client,
    otherProvinceCommuneLead: (await signedIn(env, '07210', ['unit_lead'])).client,
    provinceLead: (await signedIn(env, '01', ['unit_lead'])).client,
    provinceReviewer: (await signedIn(env, '01', ['reviewer'])).client,
  };
  const writerOf: Record<ReportPlace, Client> = {
    commune: w.seats.communeOfficer.client,
    otherCommune: makers.otherCommune,
    otherProvinceCommune: makers.otherProvinceCommune,
  };

  /** A new task (led by BKHCN) assigned to Hà Nội, Bắc Ninh and BKHCN, cascaded to the three communes. */
  async function chain(): Promise<{ programmeId: string; taskId: string; a: Record<Place, string> }> {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id, { deadline: '2030-12-31' });
    const [province, otherProvince, ministry] = await assign(env, task.id, ['01', '24', 'BKHCN']);
    const [commune, otherCommune] = await cascade(env, province!.id, ['00004', '00292'], '2030-06-30');
    const [otherProvinceCommune] = await cascade(env, otherProvince!.id, ['07210'], '2030-06-30');
    return {
      programmeId: programme.id,
      taskId: task.id,
      a: {
        province: province!.id,
        commune: commune!.id,
        otherCommune: otherCommune!.id,
        otherProvince: otherProvince!.id,
        otherProvinceCommune: otherProvinceCommune!.id,
        ministry: ministry!.id,
      },
    };
  }

  /** Submitted reports (one evidence file each) of a chain's communes. */
  async function submitted(a: Record<Place, string>, period = '2025-06') {
    const reports = {} as Record<ReportPlace, string>;
    const evidence = {} as Record<ReportPlace, string>;
    for (const place of ['commune', 'otherCommune', 'otherProvinceCommune'] as const) {
      const client = writerOf[place];
      reports[place] = await draftReport(client, a[place], period);
      evidence[place] = await uploadEvidence(client, reports[place]);
      ok(await client.post(`/api/reports/${reports[place]}/submit`, {}));
    }
    return { reports, evidence };
  }

  const main = await chain();
  const { reports, evidence } = await submitted(main.a);
  const communeDraft = await draftReport(w.seats.communeOfficer.client, main.a.commune, '2025-07');

  /** Communes' deadlines are 2030-06-30 (within their province's 2030-12-31): they may ask for 2030-09-30. */
  const requestExtension = async (client: Client, assignmentId: string, requestedDeadline = '2030-09-30') =>
    ok(
      await client.post(`/api/assignments/${assignmentId}/extensions`, {
        requestedDeadline,
        reason: 'Chờ kinh phí',
      }),
      201,
    ).json<{ id: string }>().id;
  const extensions = {
    commune: await requestExtension(w.seats.communeOfficer.client, main.a.commune),
    otherProvinceCommune: await requestExtension(makers.otherProvinceCommune, main.a.otherProvinceCommune),
  };

  const sign = async (client: Client, assignmentId: string) =>
    ok(
      await client.post('/api/commitments', {
        outcome: 'Hoàn thành đúng hạn',
        dueOn: '2030-12-31',
        assignmentIds: [assignmentId],
      }),
      201,
    ).json<{ id: string }>().id;
  const commitments = {
    commune: await sign(w.seats.communeLead.client, main.a.commune),
    otherProvinceCommune: await sign(makers.otherProvinceCommuneLead, main.a.otherProvinceCommune),
  };

  // tasks seen through their lead unit only: one led by Hà Nội, one by Bắc Ninh (no assignments)
  const tasks = {
    main: main.taskId,
    hanoi: (await createTask(env, main.programmeId, { leadUnitCode: '01' })).id,
    bacNinh: (await createTask(env, main.programmeId, { leadUnitCode: '24' })).id,
  };
  // a Hà Nội commune none of the chains uses (cascade targets)
  const spare = await env.database.db
    .selectFrom('org_unit')
    .select('id')
    .where('parent_id', '=', w.units.province)
    .where('id', 'not in', [w.units.commune, w.units.otherCommune])
    .orderBy('code')
    .executeTakeFirstOrThrow();

  // one notification addressed to each seat's unit, of a kind its role reads, and to the other units
  const notifUnits = {
    commune: ['overdue', w.units.commune],
    province: ['overdue', w.units.province],
    ministry: ['overdue', w.units.ministry],
    steering: ['report_submitted', w.seats.steering.user.org_unit_id],
    national: ['overdue', w.units.root],
    otherCommune: ['overdue', w.units.otherCommune],
    otherProvince: ['overdue', w.units.otherProvince],
  } as const;
  const notifications = {} as Record<keyof typeof notifUnits, string>;
  for (const [name, [kind, unitId]] of Object.entries(notifUnits)) {
    const id = newId();
    await env.database.db
      .insertInto('notification')
      .values({
        id,
        kind,
        unit_id: unitId,
        user_id: null,
        subject_type: 'assignment',
        subject_id: main.a.commune,
        assignment_id: main.a.commune,
        period: '2025-06',
        params: JSON.stringify({ taskCode: 'NV', period: '2025-06' }),
        dedupe_key: `matrix:${name}:${randomUUID()}`,
      })
      .execute();
    notifications[name as keyof typeof notifUnits] = id;
  }

  return {
    tasks,
    spareCommune: spare.id,
    notifications,
    makers,
    writerOf,
    chain,
    submitted,
    programmeId: main.programmeId,
    taskId: main.taskId,
    assignments: main.a,
    reports,
    evidence,
    communeDraft,
    extensions,
    commitments,
    requestExtension,
    /** A fresh id that names nothing. */
    unknown: () => randomUUID(),
  };
}

export type TaskWorld = Awaited<ReturnType<typeof buildTaskWorld>>;
