/**
 * Tree reads for modules that aggregate over the organisation (KPI roll-ups): units by code with their
 * validity and successor, current children, and the closure as a derived table to join from. Like
 * scope.ts, the only place outside org.repository that reads org_unit_closure.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/transaction.ts';

const anyUuid = (ids: readonly string[]) => sql<string>`any(${sql.val([...ids])}::uuid[])`;

/** What a tree read returns of a unit: identity, names, kind, place, validity and successor. */
const TREE_COLUMNS = [
  'id',
  'code',
  'name',
  'name_en',
  'kind',
  'parent_id',
  'valid_from',
  'valid_to',
  'successor_id',
] as const;

export const orgTree = {
  /** Units with these codes (today's and former ones), with validity, kind and successor. */
  unitsByCodes: (db: Executor, codes: readonly string[]) =>
    codes.length
      ? db
          .selectFrom('org_unit')
          .select(TREE_COLUMNS)
          .where('code', '=', sql<string>`any(${sql.val([...codes])}::text[])`)
          .execute()
      : Promise.resolve([]),

  unitsByIds: (db: Executor, ids: readonly string[]) =>
    ids.length
      ? db.selectFrom('org_unit').select(TREE_COLUMNS).where('id', '=', anyUuid(ids)).execute()
      : Promise.resolve([]),

  /** Today's children of a unit, in display order. */
  children: (db: Executor, parentId: string) =>
    db
      .selectFrom('org_unit')
      .select([
        'id',
        'code',
        'name',
        'name_en',
        'kind',
        'parent_id',
        'valid_from',
        'valid_to',
        'successor_id',
      ])
      .where('parent_id', '=', parentId)
      .where('valid_to', 'is', null)
      .orderBy('sort_order')
      .execute(),

  /** Units whose successor is one of `ids` (the former provinces of today's provinces). */
  predecessors: (db: Executor, ids: readonly string[]) =>
    ids.length
      ? db
          .selectFrom('org_unit')
          .select(['id', 'code', 'successor_id'])
          .where('successor_id', '=', anyUuid(ids))
          .execute()
      : Promise.resolve([]),

  /**
   * (ancestor_id, descendant_id) of the subtrees of `ids` (each unit itself included), as a derived table
   * to join from.
   */
  subtreeLinks(ids: readonly string[]): RawBuilder<{ ancestor_id: string; descendant_id: string }> {
    return sql`(select ancestor_id, descendant_id from org_unit_closure where ancestor_id = ${anyUuid(ids)})`;
  },
};
