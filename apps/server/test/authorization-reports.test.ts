import { reportRoutes, type RouteContract } from '@pilotage/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { act, saveReport } from './reports-helpers.ts';
import { buildWorld, ROLE_CLASSES, type RoleClass, type World } from './roles.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

/**
 * The authorization matrix of the report workflow: every transition route (POST /api/reports/:id/<action>)
 * as every role class, on a report in the state the transition starts from. A transition added to the
 * contracts without a row here fails the first test. (Reading and editing reports: reports.test.ts.)
 */
const TRANSITIONS = Object.fromEntries(
  Object.entries(reportRoutes as Record<string, RouteContract>).filter(
    ([, r]) =>
      r.method === 'POST' && /^\/api\/reports\/:id\/\w+$/.test(r.path) && !r.path.endsWith('/evidence'),
  ),
);

let env: TestEnv;
let w: World;
let communeAssignment: string;
let provinceAssignment: string;
let month = 0;
/** A fresh period each time (monthly reporting from 2023-01): one report per period and assignment. */
const nextPeriod = () => {
  const m = month++;
  return `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

beforeAll(async () => {
  env = await createTestEnv();
  w = await buildWorld(env);
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { startDate: '2023-01-01', deadline: '2030-12-31' });
  const [province] = await assign(env, task.id, ['01']);
  provinceAssignment = province!.id;
  communeAssignment = (await cascade(env, provinceAssignment, ['10101003']))[0]!.id;
});
afterAll(() => env.close());

/** A report of the commune (assigned by its province, Hà Nội) submitted to the province for review. */
async function communeSubmitted(): Promise<string> {
  const client = w.seats.communeOfficer.client;
  const { reportId } = await saveReport(client, {
    assignmentId: communeAssignment,
    period: nextPeriod(),
    progress: 20,
  });
  const res = await act(client, reportId, 'submit');
  if (res.json().status !== 'submitted') throw new Error(`setup: ${res.body}`);
  return reportId;
}
async function communeDraft(): Promise<string> {
  return (
    await saveReport(w.seats.communeOfficer.client, {
      assignmentId: communeAssignment,
      period: nextPeriod(),
      progress: 20,
    })
  ).reportId;
}
/** A report of the province waiting for its lead's approval (provinces need one). */
async function provincePending(): Promise<string> {
  const client = w.seats.provinceOfficer.client;
  const { reportId } = await saveReport(client, {
    assignmentId: provinceAssignment,
    period: nextPeriod(),
    progress: 20,
  });
  const res = await act(client, reportId, 'submit');
  if (res.json().status !== 'pending_approval') throw new Error(`setup: ${res.body}`);
  return reportId;
}

interface Row {
  setup: () => Promise<string>;
  body?: unknown;
  expect: Record<RoleClass, number>;
}
// 404: the report is not visible to the caller (drafts and pending approvals are the unit's own business);
// 403: visible, but not the caller's part of the workflow.
const matrix: Record<string, Row> = {
  submit: {
    setup: communeDraft,
    expect: {
      anonymous: 401,
      communeOfficer: 200,
      communeLead: 200,
      provinceOfficer: 404,
      ministryOfficer: 404,
      steering: 404,
      admin: 404,
    },
  },
  approve: {
    setup: provincePending,
    expect: {
      anonymous: 401,
      communeOfficer: 404,
      communeLead: 404,
      provinceOfficer: 403,
      ministryOfficer: 404,
      steering: 404,
      admin: 404,
    },
  },
  accept: {
    setup: communeSubmitted,
    expect: {
      anonymous: 401,
      communeOfficer: 403,
      communeLead: 403,
      provinceOfficer: 403, // the assigning unit, but no reviewer role
      ministryOfficer: 404,
      steering: 403,
      admin: 403, // the national admin did not assign it
    },
  },
  return: {
    setup: communeSubmitted,
    body: { reason: 'Bổ sung số liệu' },
    expect: {
      anonymous: 401,
      communeOfficer: 403,
      communeLead: 403,
      provinceOfficer: 403,
      ministryOfficer: 404,
      steering: 403,
      admin: 403,
    },
  },
  withdraw: {
    setup: communeSubmitted,
    expect: {
      anonymous: 401,
      communeOfficer: 200,
      communeLead: 200,
      provinceOfficer: 403,
      ministryOfficer: 404,
      steering: 403,
      admin: 403,
    },
  },
};

describe('every report workflow transition', () => {
  it('has a row in the matrix, with every role class', () => {
    expect(Object.keys(TRANSITIONS).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(TRANSITIONS).sort());
    for (const [key, row] of Object.entries(matrix))
      expect(Object.keys(row.expect).sort(), key).toEqual([...ROLE_CLASSES].sort());
  });
});

describe.each(Object.entries(matrix))('POST /api/reports/:id/%s', (action, row) => {
  it.each(ROLE_CLASSES)('as %s', async (role) => {
    const id = await row.setup();
    const res = await w.call(role, 'POST', TRANSITIONS[action]!.path.replace(':id', id), row.body);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(row.expect[role]);
    if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
