/**
 * Bulk inserts for loaders (demo data): plain rows, batches of at most 1000, caller's transaction.
 * Workflows (report review, extension decisions) live in their services; these only write rows.
 */
import type { Insertable } from 'kysely';
import type {
  AssignmentTable,
  DeadlineExtensionTable,
  DirectiveDocumentTable,
  ProgressReportTable,
  TaskCoordinatingUnitTable,
  TaskTable,
} from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';

const BATCH = 1000;

async function insertBatched<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, batch = BATCH) {
  for (let i = 0; i < rows.length; i += batch) await insert(rows.slice(i, i + batch));
}

export const tasksBulkRepository = {
  /** Current org units (code, kind, parent) for loaders that address units by code. */
  currentUnits: (tx: Tx) =>
    tx
      .selectFrom('org_unit')
      .select(['id', 'code', 'name', 'kind', 'parent_id'])
      .where('valid_to', 'is', null)
      .orderBy('sort_order')
      .execute(),
  existingDocumentCodes: async (tx: Tx, codes: string[]) =>
    new Map(
      (
        await tx.selectFrom('directive_document').select(['id', 'code']).where('code', 'in', codes).execute()
      ).map((r) => [r.code, r.id]),
    ),
  insertDocuments: (tx: Tx, rows: Insertable<DirectiveDocumentTable>[]) =>
    insertBatched(rows, (b) => tx.insertInto('directive_document').values(b).execute()),
  insertTasks: (tx: Tx, rows: Insertable<TaskTable>[]) =>
    insertBatched(rows, (b) => tx.insertInto('task').values(b).execute()),
  insertCoordinating: (tx: Tx, rows: Insertable<TaskCoordinatingUnitTable>[]) =>
    insertBatched(rows, (b) => tx.insertInto('task_coordinating_unit').values(b).execute()),
  insertAssignments: (tx: Tx, rows: Insertable<AssignmentTable>[]) =>
    insertBatched(rows, (b) => tx.insertInto('assignment').values(b).execute()),
  insertExtensions: (tx: Tx, rows: Insertable<DeadlineExtensionTable>[]) =>
    insertBatched(rows, (b) => tx.insertInto('deadline_extension').values(b).execute()),
  /** progress_report has ~25 columns: 1000 rows stay well under the 65,535 bind parameters of PostgreSQL. */
  insertReports: (tx: Tx, rows: Insertable<ProgressReportTable>[]) =>
    insertBatched(rows, (b) => tx.insertInto('progress_report').values(b).execute()),
};
