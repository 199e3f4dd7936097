/**
 * Tasks module: directive documents, programmes, tasks, assignments (with cascades), deadline extensions,
 * and the status engine (status-engine.ts) that every other module uses through loadFacts/assignmentStatuses.
 */
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import { AssignmentsService } from './assignments.service.ts';
import { ExtensionsService } from './extensions.service.ts';
import { ProgrammesService } from './programmes.service.ts';
import { TasksService } from './tasks.service.ts';

export function createTasks(db: Db, audit: AuditService) {
  return {
    programmes: new ProgrammesService(db, audit),
    tasks: new TasksService(db, audit),
    assignments: new AssignmentsService(db, audit),
    extensions: new ExtensionsService(db, audit),
  };
}

export type TasksModule = ReturnType<typeof createTasks>;
export { tasksPlugin } from './tasks.routes.ts';
export { loadFacts, assignmentStatuses, type AssignmentFactsRow } from './assignment-facts.repository.ts';
export { statusesFromFacts } from './assignment-facts.repository.ts';
export { refreshStatuses, refreshDue, rebuildAll, countDueStatuses } from './stored-status.ts';
export { startStatusJob } from './status.job.ts';
export {
  COUNTED_REPORT_STATUSES,
  isCountedReport,
  effectiveFrequency,
  deadlineBeforeStart,
  assigningUnit,
} from './task-rules.ts';
export { assignmentsRepository, type AssignmentViewRow } from './assignments.repository.ts';
export { ProgrammesService } from './programmes.service.ts';
export {
  addDays,
  daysBetween,
  dueOn,
  frequencyOfKey,
  isPeriodKey,
  periodBounds,
  periodOf,
  periodsBetween,
  todayVn,
  vnDate,
} from './reporting-period.ts';
export { reportingPeriods, reportingSummary, type PeriodState } from './reporting-state.ts';
export { anyUuid, assignmentVisible } from './scope.ts';
export {
  type AssignmentFacts,
  effectiveDeadline,
  isDone,
  rollUp,
  judgedPeriodOf,
  type StatusResult,
} from './status-engine.ts';
export { type CarrierStatus, carrierStatuses, taskStatuses } from './task-status.ts';
export { tasksBulkRepository } from './tasks-bulk.repository.ts';
export { assertCanManageProgrammes, canSeeAssignment } from './tasks.policy.ts';
export { type ProgrammeRow, type TaskListRow, taskSearchKey, tasksRepository } from './tasks.repository.ts';
