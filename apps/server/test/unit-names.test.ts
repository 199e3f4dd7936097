import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn } from './factories.ts';
import { saveReport } from './reports-helpers.ts';
import { assign, createProgramme, createTask } from './tasks-factories.ts';

/** Issue 8: the English UI shows the English names of units that have one (ministries, central bodies). */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('units carry their English name', () => {
  it('in assignments, reports and the programme summary', async () => {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id, { deadline: '2030-12-31' });
    const [ministry] = await assign(env, task.id, ['BKHCN', '01']);
    const officer = (await signedIn(env, 'BKHCN', ['officer'])).client;

    const assignment = (await officer.get(`/api/assignments/${ministry!.id}`)).json();
    expect(assignment.unit).toMatchObject({
      name: 'Bộ Khoa học và Công nghệ',
      nameEn: expect.stringMatching(/Science and Technology/),
    });

    const saved = await saveReport(officer, { assignmentId: ministry!.id, period: '2025-06', progress: 10 });
    const report = (await officer.get(`/api/reports/${saved.reportId}`)).json();
    expect(report.unit.nameEn).toMatch(/Science and Technology/);

    const steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
    const summary = (await steering.get(`/api/programmes/${programme.id}/summary`)).json();
    const row = summary.byUnit.find((u: { unitName: string }) => u.unitName === 'Bộ Khoa học và Công nghệ');
    expect(row.unitNameEn).toMatch(/Science and Technology/);
    expect(summary.byUnit.find((u: { unitName: string }) => u.unitName === 'Hà Nội')?.unitNameEn).toBe(
      'Hanoi',
    );
  });
});
