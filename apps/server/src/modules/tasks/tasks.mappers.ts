/** Row → API shape conversions for the tasks module. */
import type { Assignment, DirectiveDocument, Extension, Programme, Task, UnitRef } from '@pilotage/contracts';
import type { StatusResult } from './status-engine.ts';
import { NO_REPORTING, toReporting } from './assignment-reporting.repository.ts';
import type { ReportingSummary } from './reporting-state.ts';
import type { DocumentRow, ProgrammeRow, TaskListRow } from './tasks.repository.ts';
import type { AssignmentViewRow, ExtensionRow } from './assignments.repository.ts';

export const toDocument = (r: DocumentRow): DirectiveDocument => ({
  id: r.id,
  code: r.code,
  title: r.title,
  docType: r.doc_type,
  issuer: r.issuer,
  issuedOn: r.issued_on,
});

export function toProgramme(
  r: ProgrammeRow,
  extra: { document: DocumentRow | null; ownerUnitName: string; taskCount: number },
): Programme {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    documentId: r.document_id,
    document: extra.document ? toDocument(extra.document) : null,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: extra.ownerUnitName,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    reportingFrequency: r.reporting_frequency,
    atRiskMargin: r.at_risk_margin,
    reportDueDays: r.report_due_days,
    escalationDays: r.escalation_days,
    taskCount: extra.taskCount,
  };
}

export function toTask(
  r: TaskListRow,
  coordinating: UnitRef[],
  status: StatusResult,
  assignmentCount: number,
): Task {
  return {
    id: r.id,
    programmeId: r.programme_id,
    code: r.code,
    title: r.title,
    description: r.description,
    sourceClause: r.source_clause,
    category: r.category,
    expectedProduct: r.expected_product,
    leadUnit: {
      id: r.lead_unit_id,
      code: r.lead_code,
      name: r.lead_name,
      nameEn: r.lead_name_en,
      kind: r.lead_kind,
    },
    coordinatingUnits: coordinating,
    startDate: r.start_date,
    deadline: r.deadline,
    isContinuous: r.is_continuous,
    reportingFrequency: r.reporting_frequency,
    priority: r.priority,
    parentTaskId: r.parent_task_id,
    status: status.status,
    atRisk: status.atRisk,
    progress: status.progress,
    assignmentCount,
  };
}

export function toAssignment(
  r: AssignmentViewRow,
  s: StatusResult,
  reporting: ReportingSummary | undefined,
): Assignment {
  return {
    id: r.id,
    taskId: r.task_id,
    taskCode: r.task_code,
    taskTitle: r.task_title,
    programmeId: r.programme_id,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, nameEn: r.unit_name_en, kind: r.unit_kind },
    assignedByUnit: {
      id: r.assigned_by_unit_id,
      code: r.by_code,
      name: r.by_name,
      nameEn: r.by_name_en,
      kind: r.by_kind,
    },
    parentAssignmentId: r.parent_assignment_id,
    deadline: r.deadline,
    originalDeadline: r.original_deadline,
    isContinuous: r.is_continuous,
    responsibleLeader: r.responsible_leader,
    progress: s.progress,
    completedOn: r.completed_on,
    product: r.product,
    status: s.status,
    atRisk: s.atRisk,
    deadlineUsed: s.deadlineUsed,
    effectiveDeadline: s.effectiveDeadline,
    judgedPeriod: s.judgedPeriod,
    childCount: r.child_count,
    reporting: toReporting(reporting ?? NO_REPORTING),
  };
}

export const toExtension = (r: ExtensionRow): Extension => ({
  id: r.id,
  assignmentId: r.assignment_id,
  previousDeadline: r.previous_deadline,
  requestedDeadline: r.requested_deadline,
  reason: r.reason,
  status: r.status,
  requestedAt: r.requested_at.toISOString(),
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  effectiveOn: r.effective_on,
  decisionNote: r.decision_note,
});
