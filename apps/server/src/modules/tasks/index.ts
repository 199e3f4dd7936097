/**
 * Tasks module: directive documents, programmes, tasks, assignments (with cascades), deadline extensions,
 * and the status engine (status-engine.ts) that every other module uses through loadFacts/assignmentStatuses.
 */
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/audit.service.ts';
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
export { refreshStatuses, refreshDue, rebuildAll, countDueStatuses } from './stored-status.ts';
export { startStatusJob } from './status.job.ts';
export {
  COUNTED_REPORT_STATUSES,
  isCountedReport,
  effectiveFrequency,
  deadlineBeforeStart,
  assigningUnit,
} from './task-rules.ts';
