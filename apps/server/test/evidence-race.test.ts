/**
 * Evidence writes read what they check inside their transaction, after locking the report: two removals
 * of the same file, or a removal racing the report's submission, are ordered (no check-then-act gap).
 * On PostgreSQL the requests really overlap; on PGlite (one connection) they run one after the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, signedIn, type Client } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { draftReport, uploadEvidence } from './matrix-world.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
let officer: Client;
let assignmentId: string;
beforeAll(async () => {
  env = await createTestEnv();
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { deadline: '2030-12-31' });
  const [province] = await assign(env, task.id, ['01']);
  assignmentId = (await cascade(env, province!.id, ['00004']))[0]!.id;
  officer = (await signedIn(env, '00004', ['officer'])).client;
});
afterAll(() => env.close());

const remove = (id: string) => officer.request({ method: 'DELETE', url: `/api/evidence/${id}` });

describe('evidence removal', () => {
  it('removes a file once when asked twice at the same time: one 200, one 404, one audit event', async () => {
    for (const period of ['2025-01', '2025-02', '2025-03']) {
      const reportId = await draftReport(officer, assignmentId, period);
      const ev = await uploadEvidence(officer, reportId);
      const statuses = (await Promise.all([remove(ev), remove(ev), remove(ev)])).map((r) => r.statusCode);
      expect(statuses.sort()).toEqual([200, 404, 404]);
      const actions = await auditActions(env, reportId);
      expect(actions.filter((a) => a === 'report.evidence_remove')).toHaveLength(1);
    }
  });

  it('never removes a file from a report submitted meanwhile', async () => {
    for (const period of ['2025-04', '2025-05', '2025-06']) {
      const reportId = await draftReport(officer, assignmentId, period);
      const ev = await uploadEvidence(officer, reportId);
      const [del, submit] = await Promise.all([
        remove(ev),
        officer.post(`/api/reports/${reportId}/submit`, {}),
      ]);
      expect(submit.statusCode).toBe(200);
      const report = (await officer.get(`/api/reports/${reportId}`)).json();
      // either the removal came first (and the report was submitted without the file) or it was refused
      if (del.statusCode === 200) expect(report.evidence).toEqual([]);
      else {
        expect(del.statusCode).toBe(409);
        expect(report.evidence.map((e: { id: string }) => e.id)).toEqual([ev]);
      }
    }
  });
});
