/** SQL reads that import, export and review need beyond the tasks core's repositories. */
import type { Executor } from '../../db/transaction.ts';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
}

export const taskIoRepository = {
  /** Every current org unit (≈3,400 rows: loaded once per import to resolve codes and names in memory). */
  currentUnits(db: Executor): Promise<UnitRow[]> {
    return db
      .selectFrom('org_unit')
      .select(['id', 'code', 'name', 'name_en', 'kind'])
      .where('valid_to', 'is', null)
      .orderBy('sort_order')
      .execute();
  },

  async subtreeIds(db: Executor, rootId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', '=', rootId).execute();
    return new Set(rows.map((r) => r.descendant_id));
  },

  /** Code → id of the programme's tasks. */
  async taskCodes(db: Executor, programmeId: string): Promise<Map<string, string>> {
    const rows = await db.selectFrom('task').select(['id', 'code']).where('programme_id', '=', programmeId).execute();
    return new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
  },
};
