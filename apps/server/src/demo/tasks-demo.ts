/**
 * Demo data of the tasks module: the directive documents, the Government Action Programme 03/NQ-CP with
 * its 106 tasks, assignments, extensions and reports through 2025 (see tasks-demo-plan.ts). Idempotent
 * (skipped when the programme exists), deterministic, one transaction, bulk inserts, one audit event per
 * bulk action.
 */
import { foldForSearch } from '@pilotage/contracts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { inTransaction, type Tx } from '../db/transaction.ts';
import { systemContext } from '../http/context.ts';
import type { AuditAction, AuditEntityOf, AuditInputOf } from '../modules/audit/index.ts';
import { refreshStatuses, tasksBulkRepository, tasksRepository } from '../modules/tasks/index.ts';
import type { Services } from '../services.ts';
import { DEMO_DOCUMENTS } from './tasks-demo-catalogue.ts';
import type { DemoUnit, Units } from './tasks-demo-multi.ts';
import { buildTasksDemoPlan, PROGRAMME_START } from './tasks-demo-plan.ts';
import { attributeReports, demoPeople } from './tasks-demo-people.ts';

export const DEMO_PROGRAMME_CODE = '03/NQ-CP';

export interface TasksDemoResult {
  created: boolean;
  ms: number;
  counts?: { tasks: number; assignments: number; reports: number; extensions: number };
}

function unitIndex(rows: DemoUnit[]): Units {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const byKind = new Map<string, DemoUnit[]>();
  const byParent = new Map<string, DemoUnit[]>();
  for (const r of rows) {
    byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
    if (r.parent_id) {
      const list = byParent.get(r.parent_id) ?? [];
      list.push(r);
      byParent.set(r.parent_id, list);
    }
  }
  return {
    byCode: (code) => {
      const u = byCode.get(code);
      if (!u) throw new Error(`demo unit ${code} missing`);
      return u;
    },
    ofKind: (kind) => byKind.get(kind) ?? [],
    childrenOf: (id) => byParent.get(id) ?? [],
  };
}

export function seedTasksDemo(db: Db, services: Services, rootId: string): Promise<TasksDemoResult> {
  return inTransaction(db, (tx) => seedTasksDemoIn(tx, services, rootId));
}

/** The demo programme, inside the caller's transaction (skipped when it exists). */
export async function seedTasksDemoIn(tx: Tx, services: Services, rootId: string): Promise<TasksDemoResult> {
  const started = performance.now();
  const ctx = systemContext(rootId, 'demo-seed');
  const record = <A extends AuditAction>(
    tx: Parameters<Services['audit']['record']>[0],
    action: A,
    entityType: AuditEntityOf<A>,
    entityId: string | null,
    after: unknown,
  ) => services.audit.record(tx, ctx, { action, entityType, entityId, after } as AuditInputOf<A>);
  if (await tasksRepository.findProgrammeByCode(tx, DEMO_PROGRAMME_CODE))
    return { created: false, ms: performance.now() - started };

  const existing = await tasksBulkRepository.existingDocumentCodes(
    tx,
    DEMO_DOCUMENTS.map((d) => d.code),
  );
  const newDocs = DEMO_DOCUMENTS.filter((d) => !existing.has(d.code)).map((d) => ({
    id: newId(),
    code: d.code,
    title: d.title,
    doc_type: d.docType,
    issuer: d.issuer,
    issued_on: d.issuedOn,
    search_key: foldForSearch(`${d.code} ${d.title} ${d.issuer}`),
  }));
  if (newDocs.length) {
    await tasksBulkRepository.insertDocuments(tx, newDocs);
    await record(tx, 'document.bulk_create', 'directive_document', null, {
      codes: newDocs.map((d) => d.code),
    });
  }
  const docId = existing.get(DEMO_PROGRAMME_CODE) ?? newDocs.find((d) => d.code === DEMO_PROGRAMME_CODE)!.id;

  const units = unitIndex(await tasksBulkRepository.currentUnits(tx));
  const owner = units.byCode('BCDCP');
  const now = new Date();
  const programme = await tasksRepository.insertProgramme(tx, {
    id: newId(),
    code: DEMO_PROGRAMME_CODE,
    title: 'Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW',
    document_id: docId,
    owner_unit_id: owner.id,
    period_start: PROGRAMME_START,
    period_end: '2026-12-31',
    reporting_frequency: 'monthly',
    at_risk_margin: 20,
    report_due_days: 5,
    escalation_days: 7,
    search_key: foldForSearch(
      `${DEMO_PROGRAMME_CODE} Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW`,
    ),
    updated_at: now,
  });
  await record(tx, 'programme.create', 'programme', programme.id, programme);

  const plan = buildTasksDemoPlan(programme.id, owner.id, units, now);
  await tasksBulkRepository.insertTasks(tx, plan.tasks);
  await tasksBulkRepository.insertCoordinating(tx, plan.coordinating);
  await record(tx, 'task.bulk_create', 'programme', programme.id, {
    tasks: plan.tasks.length,
    coordinating: plan.coordinating.length,
  });
  await tasksBulkRepository.insertAssignments(tx, plan.assignments);
  await record(tx, 'assignment.bulk_create', 'programme', programme.id, {
    assignments: plan.assignments.length,
  });
  await tasksBulkRepository.insertExtensions(tx, plan.extensions);
  await record(tx, 'extension.bulk_create', 'programme', programme.id, {
    extensions: plan.extensions.length,
  });
  attributeReports(plan.reports, plan.assignments, await demoPeople(tx));
  await tasksBulkRepository.insertReports(tx, plan.reports);
  await record(tx, 'report.bulk_create', 'programme', programme.id, { reports: plan.reports.length });
  await refreshStatuses(
    tx,
    plan.assignments.map((a) => a.id),
  );
  return {
    created: true,
    ms: performance.now() - started,
    counts: {
      tasks: plan.tasks.length,
      assignments: plan.assignments.length,
      reports: plan.reports.length,
      extensions: plan.extensions.length,
    },
  };
}
