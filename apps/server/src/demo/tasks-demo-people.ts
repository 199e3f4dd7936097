import type { Role } from '@pilotage/contracts';
import type { Insertable } from 'kysely';
import type { AssignmentTable, ProgressReportTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';

/** Who wrote, approved and reviewed the demo reports: the demo accounts of the units concerned. */
export interface DemoPeople {
  officer(unitId: string): string | null;
  lead(unitId: string): string | null;
  reviewer(unitId: string): string | null;
}

export async function demoPeople(tx: Tx): Promise<DemoPeople> {
  const users = await tx
    .selectFrom('app_user')
    .select(['id', 'org_unit_id', 'roles'])
    .where('active', '=', true)
    .orderBy('username')
    .execute();
  const first = (unitId: string, role: Role) =>
    users.find((u) => u.org_unit_id === unitId && u.roles.includes(role))?.id ?? null;
  return {
    officer: (unitId) => first(unitId, 'officer'),
    lead: (unitId) => first(unitId, 'unit_lead'),
    reviewer: (unitId) => first(unitId, 'reviewer'),
  };
}

/**
 * Names the people behind each demo report, as the workflow would have recorded them: the submitter (an
 * officer of the unit), the approver (its lead: approval is what sends a ministry's or province's report,
 * so it happens at the submission instant, never before) and the reviewer of the assigning unit. A unit
 * without a lead account has no approval at all, rather than an approval by nobody.
 */
export function attributeReports(
  reports: Insertable<ProgressReportTable>[],
  assignments: Pick<Insertable<AssignmentTable>, 'id' | 'unit_id' | 'assigned_by_unit_id'>[],
  people: DemoPeople,
): void {
  const byId = new Map(assignments.map((a) => [a.id, a]));
  for (const r of reports) {
    const a = byId.get(r.assignment_id);
    if (!a) throw new Error(`demo report of an unknown assignment ${r.assignment_id}`);
    r.submitted_by = r.submitted_at ? (people.officer(a.unit_id) ?? people.lead(a.unit_id)) : null;
    const lead = r.approved_at ? people.lead(a.unit_id) : null;
    r.approved_by = lead;
    r.approved_at = lead ? r.submitted_at : null;
    r.reviewed_by = r.reviewed_at ? people.reviewer(a.assigned_by_unit_id) : null;
  }
}
