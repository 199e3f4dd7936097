import type { Evidence, EvidenceType, ProgressReport, ReportStatus } from '@pilotage/contracts';
import type { Actor } from '../../http/context.ts';
import { vnDate } from '../tasks/index.ts';
import type { EvidenceMetaRow } from './evidence.repository.ts';
import { allowedActions, requiresApproval, type ReportParties } from './reports.policy.ts';
import type { ReportAssignmentRow, ReportRow } from './reports.repository.ts';

const EXT_TYPE: Record<string, EvidenceType> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

export const partiesOf = (
  a: Pick<ReportAssignmentRow, 'unit_id' | 'unit_kind' | 'assigned_by_unit_id'>,
): ReportParties => ({
  unitId: a.unit_id,
  unitKind: a.unit_kind,
  assignedByUnitId: a.assigned_by_unit_id,
});

export function toEvidence(e: EvidenceMetaRow): Evidence {
  return {
    id: e.id,
    reportId: e.report_id,
    filename: e.filename,
    detectedType: EXT_TYPE[e.content_type] ?? 'pdf',
    contentType: e.content_type,
    sizeBytes: e.size_bytes,
    sha256: e.sha256,
    createdAt: e.created_at.toISOString(),
    downloadUrl: `/api/evidence/${e.id}`,
  };
}

export const unitRef = (
  id: string,
  code: string,
  name: string,
  kind: string,
  nameEn: string | null = null,
) => ({
  id,
  code,
  name,
  nameEn,
  kind,
});

export function toReport(r: ReportRow, evidence: EvidenceMetaRow[], actor: Actor): ProgressReport {
  const status = r.status as ReportStatus;
  return {
    id: r.report_id,
    assignmentId: r.id,
    taskId: r.task_id,
    taskCode: r.task_code,
    taskTitle: r.task_title,
    programmeId: r.programme_id,
    isContinuous: r.is_continuous,
    unit: unitRef(r.unit_id, r.unit_code, r.unit_name, r.unit_kind, r.unit_name_en),
    assignedByUnit: unitRef(r.assigned_by_unit_id, r.by_code, r.by_name, r.by_kind, r.by_name_en),
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    dueOn: r.due_on,
    progress: r.report_progress,
    narrative: r.narrative,
    difficulties: r.difficulties,
    proposals: r.proposals,
    product: r.report_product,
    completedOn: r.report_completed_on,
    status,
    requiresApproval: requiresApproval(r.unit_kind),
    approvedByName: r.approved_by_name,
    approvedAt: r.approved_at?.toISOString() ?? null,
    submittedByName: r.submitted_by_name,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    onTime: r.submitted_at ? vnDate(r.submitted_at) <= r.due_on : null,
    reviewedByName: r.reviewed_by_name,
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    returnReason: r.return_reason,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    evidence: evidence.filter((e) => e.report_id === r.report_id).map(toEvidence),
    allowedActions: allowedActions(actor, partiesOf(r), status),
  };
}
