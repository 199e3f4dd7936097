import type { RankingLevel } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';

/** The units a league table ranks: valid at the period's end, of the level's kind (communes of a parent). */
export function rankedUnits(db: Executor, level: RankingLevel, parentId: string | null, on: string) {
  let q = db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'name_en', 'kind'])
    .where('kind', '=', level)
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]));
  if (parentId) q = q.where('parent_id', '=', parentId);
  return q.orderBy('code').execute();
}
