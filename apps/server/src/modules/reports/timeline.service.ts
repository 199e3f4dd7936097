import type { TimelineEvent } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { canSeeAssignment } from '../tasks/index.ts';
import { partiesOf } from './reports.mapper.ts';
import { isMember } from './reports.policy.ts';
import { reportsRepository } from './reports.repository.ts';
import { timelineRepository, type TimelineRow } from './timeline.repository.ts';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Report events that leave the reporting unit: what its reviewers and supervisors may see. */
const PUBLIC_REPORT_ACTIONS = new Set(['report.submit', 'report.approve', 'report.accept', 'report.return']);

function kindOf(row: TimelineRow): TimelineEvent['kind'] {
  if (row.entity_type === 'progress_report')
    return row.action.startsWith('report.evidence') ? 'evidence' : 'report';
  if (row.entity_type === 'commitment') return 'commitment';
  if (row.entity_type === 'assignment') return 'assignment';
  return 'extension';
}

/** Whether a non-member of the assigned unit may see this event (drafts and lead approvals stay internal). */
function isPublic(row: TimelineRow): boolean {
  if (row.entity_type !== 'progress_report') return true;
  if (!PUBLIC_REPORT_ACTIONS.has(row.action)) return false;
  const before = str(obj(row.before).status);
  const after = str(obj(row.after).status);
  return after !== 'pending_approval' && after !== 'draft' && before !== 'pending_approval';
}

export function toTimelineEvent(row: TimelineRow): TimelineEvent {
  const after = obj(row.after);
  const isReport = row.entity_type === 'progress_report';
  const details: Json = {};
  for (const [k, v] of Object.entries(after))
    if (!['narrative', 'difficulties', 'proposals'].includes(k)) details[k] = v;
  return {
    id: row.id,
    at: row.occurred_at.toISOString(),
    kind: kindOf(row),
    action: row.action,
    actorName: row.actor_name,
    actorUnitId: row.actor_unit_id,
    reportId: isReport ? row.entity_id : str(after.reportId),
    period: str(after.period),
    status: isReport ? str(after.status) : null,
    progress: num(after.progress),
    reason:
      row.action === 'report.return'
        ? str(after.returnReason)
        : row.action.startsWith('extension.')
          ? (str(after.decisionNote) ?? str(after.reason))
          : null,
    details,
  };
}

export class TimelineService {
  constructor(private readonly db: Db) {}

  /** Newest first, at most 500 events; drafts and approvals only for the assigned unit itself. */
  async timeline(ctx: RequestContext, assignmentId: string) {
    const a = await reportsRepository.findAssignment(this.db, assignmentId);
    if (!a || !(await canSeeAssignment(this.db, ctx.actor, a))) throw notFound('assignment_not_found');
    const member = isMember(ctx.actor, partiesOf(a));
    const rows = await timelineRepository.events(this.db, assignmentId, 500);
    const items = rows.filter((r) => member || isPublic(r)).map(toTimelineEvent);
    return { items, total: items.length };
  }
}
