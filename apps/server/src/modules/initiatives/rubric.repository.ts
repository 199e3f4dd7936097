import type { Executor } from '../../db/transaction.ts';
import type { Criterion } from './rubric.ts';

/** The only SQL on initiative_rubric: versions are inserted, never changed. */
export const rubricRepository = {
  current: (db: Executor) =>
    db.selectFrom('initiative_rubric').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst(),
  byId: (db: Executor, id: string) =>
    db.selectFrom('initiative_rubric').selectAll().where('id', '=', id).executeTakeFirst(),
  async insert(
    db: Executor,
    row: { id: string; criteria: Criterion[]; scaleMax: number; by: string | null },
  ) {
    // versions are numbered in order; the unique version makes a concurrent insert fail rather than duplicate
    const last = await db
      .selectFrom('initiative_rubric')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    return db
      .insertInto('initiative_rubric')
      .values({
        id: row.id,
        version,
        criteria: JSON.stringify(row.criteria),
        scale_max: row.scaleMax,
        created_by: row.by,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};

export type RubricRow = NonNullable<Awaited<ReturnType<typeof rubricRepository.byId>>>;
