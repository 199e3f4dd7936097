/**
 * Factories for the tasks module: direct service calls as the system (admin at the national root), unique
 * random codes, no HTTP. Reused by the reports, task-io and notifications tests.
 */
import type { Programme, Task } from '@pilotage/contracts';
import { systemContext } from '../src/http/context.ts';
import { SYSTEM_SCOPE } from '../src/modules/org/scope.ts';
import { assignmentsRepository, type AssignmentRow } from '../src/modules/tasks/assignments.repository.ts';
import type { CreateTaskInput } from '../src/modules/tasks/tasks.service.ts';
import { uniq, unitByCode } from './factories.ts';
import type { TestEnv } from './harness.ts';

const ctxOf = (env: TestEnv) => systemContext(env.rootId, 'test-factory');

export interface ProgrammeOverrides {
  code?: string;
  title?: string;
  ownerUnitCode?: string;
  periodStart?: string;
  periodEnd?: string;
  reportingFrequency?: 'monthly' | 'quarterly' | 'semiannual' | 'annual';
  atRiskMargin?: number;
  reportDueDays?: number;
  escalationDays?: number;
}

/** A programme owned by BCDCP (unless overridden), 2025-01-01..2026-12-31, monthly. */
export async function createProgramme(env: TestEnv, overrides: ProgrammeOverrides = {}): Promise<Programme> {
  const owner = await unitByCode(env, overrides.ownerUnitCode ?? 'BCDCP');
  return env.services.tasks.programmes.create(ctxOf(env), {
    code: overrides.code ?? uniq('CT-'),
    title: overrides.title ?? `Chương trình thử nghiệm ${uniq()}`,
    ownerUnitId: owner.id,
    periodStart: overrides.periodStart ?? '2025-01-01',
    periodEnd: overrides.periodEnd ?? '2026-12-31',
    reportingFrequency: overrides.reportingFrequency ?? 'monthly',
    atRiskMargin: overrides.atRiskMargin ?? 20,
    reportDueDays: overrides.reportDueDays ?? 5,
    escalationDays: overrides.escalationDays ?? 7,
  });
}

export type TaskOverrides = Partial<
  Omit<CreateTaskInput, 'programmeId' | 'leadUnitId' | 'coordinatingUnitIds'>
> & {
  leadUnitCode?: string;
  coordinatingUnitCodes?: string[];
};

/** A dated task (2025-01-01..2025-12-31) led by BKHCN unless overridden. */
export async function createTask(
  env: TestEnv,
  programmeId: string,
  overrides: TaskOverrides = {},
): Promise<Task> {
  const { leadUnitCode, coordinatingUnitCodes, ...rest } = overrides;
  const lead = await unitByCode(env, leadUnitCode ?? 'BKHCN');
  const coordinating = await Promise.all((coordinatingUnitCodes ?? []).map((c) => unitByCode(env, c)));
  const isContinuous = rest.isContinuous ?? false;
  return env.services.tasks.tasks.create(ctxOf(env), {
    code: uniq('NV-'),
    title: `Nhiệm vụ thử nghiệm ${uniq()}`,
    category: 'digital_government',
    startDate: '2025-01-01',
    ...(isContinuous ? {} : { deadline: '2025-12-31' }),
    ...rest,
    programmeId,
    leadUnitId: lead.id,
    coordinatingUnitIds: coordinating.map((u) => u.id),
  });
}

async function rowsFor(env: TestEnv, taskId: string, unitIds: string[]): Promise<AssignmentRow[]> {
  const rows = await assignmentsRepository.list(env.database.db, { scope: SYSTEM_SCOPE, taskId });
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  return unitIds.map((id) => {
    const r = byUnit.get(id);
    if (!r) throw new Error(`no assignment of task ${taskId} to unit ${id}`);
    return r;
  });
}

/**
 * Assigns a task to units by code (e.g. ['BKHCN', '01']) — assigning unit = the programme owner — and returns
 * the assignment rows in the order of the codes. `deadline` defaults to the task's.
 */
export async function assign(
  env: TestEnv,
  taskId: string,
  unitCodes: string[],
  deadline?: string | null,
): Promise<AssignmentRow[]> {
  const units = await Promise.all(unitCodes.map((c) => unitByCode(env, c)));
  await env.services.tasks.assignments.assign(ctxOf(env), taskId, {
    unitIds: units.map((u) => u.id),
    ...(deadline !== undefined ? { deadline } : {}),
  });
  return rowsFor(
    env,
    taskId,
    units.map((u) => u.id),
  );
}

/** Cascades an assignment to units below its unit (e.g. a province to communes); returns the new rows. */
export async function cascade(
  env: TestEnv,
  assignmentId: string,
  unitCodes: string[],
  deadline?: string | null,
): Promise<AssignmentRow[]> {
  const parent = await assignmentsRepository.find(env.database.db, assignmentId);
  if (!parent) throw new Error(`no assignment ${assignmentId}`);
  const units = await Promise.all(unitCodes.map((c) => unitByCode(env, c)));
  await env.services.tasks.assignments.cascade(ctxOf(env), assignmentId, {
    unitIds: units.map((u) => u.id),
    ...(deadline !== undefined ? { deadline } : {}),
  });
  return rowsFor(
    env,
    parent.task_id,
    units.map((u) => u.id),
  );
}

/** Programme + dated task + assignment to one unit: the usual starting point of a reports test. */
export async function assignedTask(env: TestEnv, unitCode: string, taskOverrides: TaskOverrides = {}) {
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, taskOverrides);
  const [assignment] = await assign(env, task.id, [unitCode]);
  return { programme, task, assignment: assignment! };
}
