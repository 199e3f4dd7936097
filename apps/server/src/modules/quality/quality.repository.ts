import { sql, type Insertable, type Updateable } from 'kysely';
import type { QualityAssessmentTable, QualityDatabaseTable } from '../../db/schema.quality.ts';
import type { Executor } from '../../db/transaction.ts';
import { unitInScope, type Scope } from '../org/index.ts';

/** The only SQL on quality_database and quality_assessment (the dictionary: dictionary.repository.ts). */
const databaseColumns = [
  'd.id',
  'd.name',
  'd.owner_unit_id',
  'd.kind',
  'd.legal_basis',
  'd.description',
  'd.record_count',
  'd.update_frequency',
  'd.last_updated_on',
  'd.connected_to_platform',
  'd.consumer_unit_ids',
  'd.shared_apis',
  'd.checks',
  'd.checks_version',
  'u.code as owner_code',
  'u.name as owner_name',
] as const;

const summaryColumns = ['id', 'database_id', 'status', 'year', 'score', 'grade', 'created_at'] as const;

export const qualityRepository = {
  insertDatabase(db: Executor, row: Insertable<QualityDatabaseTable>) {
    return db.insertInto('quality_database').values(row).execute();
  },

  updateDatabase(db: Executor, id: string, patch: Updateable<QualityDatabaseTable>) {
    return db.updateTable('quality_database').set(patch).where('id', '=', id).execute();
  },

  /** Databases whose owner lies in the scope (`forUpdate`: locks the row, in a transaction). */
  databases(db: Executor, scope: Scope, ids?: string[], forUpdate = false) {
    let q = db
      .selectFrom('quality_database as d')
      .innerJoin('org_unit as u', 'u.id', 'd.owner_unit_id')
      .select(databaseColumns)
      .where(unitInScope(scope, 'd.owner_unit_id'));
    if (ids) q = ids.length ? q.where('d.id', 'in', ids) : q.where(sql<boolean>`false`);
    if (forUpdate) q = q.forUpdate('d');
    return q.orderBy('u.code').orderBy('d.name').execute();
  },

  /** Run summaries of some databases, oldest first (for history and trend). */
  summaries(db: Executor, databaseIds: string[]) {
    if (databaseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('quality_assessment')
      .select(summaryColumns)
      .where('database_id', 'in', databaseIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  insertAssessment(db: Executor, row: Insertable<QualityAssessmentTable>) {
    return db.insertInto('quality_assessment').values(row).execute();
  },

  updateAssessment(db: Executor, id: string, patch: Updateable<QualityAssessmentTable>) {
    return db.updateTable('quality_assessment').set(patch).where('id', '=', id).execute();
  },

  /** Moves a queued or running run to its end state, once (a lost run is failed by whoever sees it first). */
  finishAssessment(db: Executor, id: string, patch: Updateable<QualityAssessmentTable>) {
    return db
      .updateTable('quality_assessment')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
  },

  /** One run with its database's owner, if the owner lies in the scope. */
  assessment(db: Executor, scope: Scope, id: string) {
    return db
      .selectFrom('quality_assessment as a')
      .innerJoin('quality_database as d', 'd.id', 'a.database_id')
      .selectAll('a')
      .select(['d.owner_unit_id'])
      .where('a.id', '=', id)
      .where(unitInScope(scope, 'd.owner_unit_id'))
      .executeTakeFirst();
  },

  /** The latest finished run of every database in a year (the ranking's input), all owners. */
  latestDone(db: Executor, year: number) {
    return db
      .selectFrom('quality_assessment as a')
      .innerJoin('quality_database as d', 'd.id', 'a.database_id')
      .innerJoin('org_unit as u', 'u.id', 'd.owner_unit_id')
      .select([
        'a.id',
        'a.database_id',
        'a.score',
        'a.grade',
        'a.criteria',
        'a.measurements',
        'a.formula_version',
        'a.created_at',
        'd.name',
        'd.kind',
        'd.owner_unit_id',
        'u.code as owner_code',
        'u.name as owner_name',
      ])
      .where('a.year', '=', year)
      .where('a.status', '=', 'done')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('quality_assessment as b')
              .select('b.id')
              .whereRef('b.database_id', '=', 'a.database_id')
              .where('b.year', '=', year)
              .where('b.status', '=', 'done')
              .where(sql<boolean>`(b.created_at, b.id) > (a.created_at, a.id)`),
          ),
        ),
      )
      .execute();
  },

  /** Official codes of the org tree (the admin_unit code list). */
  async unitCodes(db: Executor): Promise<Set<string>> {
    const rows = await db.selectFrom('org_unit').select('code').execute();
    return new Set(rows.map((r) => r.code));
  },

  unitsExist(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('org_unit').select('id').where('id', 'in', ids).execute();
  },
};

export type DatabaseRow = Awaited<ReturnType<typeof qualityRepository.databases>>[number];
export type SummaryRow = Awaited<ReturnType<typeof qualityRepository.summaries>>[number];
export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof qualityRepository.assessment>>>;
