import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { orgTree } from '../org/index.ts';

/** Partial aggregates of one element in one unit's subtree (combined in rollup.rules.ts). */
export interface Partial {
  unit_id: string;
  element_id: string;
  /** Code of the former unit the values come from (rolled into its successor), null for the subtree. */
  former: string | null;
  s: number | null;
  n: number;
  mn: number | null;
  mx: number | null;
}

const uuids = (ids: readonly string[]) => sql`${sql.val([...ids])}::uuid[]`;
const texts = (ids: readonly string[]) => sql`${sql.val([...ids])}::text[]`;

/**
 * Live roll-ups, aggregated on read (ADR 0015): one pass over the values of the asked elements and periods
 * (a contiguous range of the primary key per element and period), joined to the closure of the target units;
 * former units add their values to their successor. `last` elements keep, per unit, the latest period only.
 */
export const rollupRepository = {
  async partials(
    db: Executor,
    targets: readonly string[],
    elements: { sumLike: readonly string[]; last: readonly string[] },
    periods: readonly string[],
  ): Promise<Partial[]> {
    const out: Partial[] = [];
    for (const [ids, last] of [
      [elements.sumLike, false],
      [elements.last, true],
    ] as const) {
      if (ids.length === 0 || targets.length === 0) continue;
      const base = last
        ? sql`(select distinct on (data_element_id, org_unit_id) data_element_id, org_unit_id, value_num
                 from data_value where data_element_id = any(${uuids(ids)}) and period = any(${texts(periods)})
                order by data_element_id, org_unit_id, period_start desc)`
        : sql`(select data_element_id, org_unit_id, value_num
                 from data_value where data_element_id = any(${uuids(ids)}) and period = any(${texts(periods)}))`;
      const { rows } = await sql<Partial>`
        select l.ancestor_id as unit_id, dv.data_element_id as element_id, null::text as former,
               sum(dv.value_num) as s, count(dv.value_num)::int as n, min(dv.value_num) as mn, max(dv.value_num) as mx
          from ${base} dv join ${orgTree.subtreeLinks(targets)} l on l.descendant_id = dv.org_unit_id
         group by l.ancestor_id, dv.data_element_id
        union all
        select o.successor_id, dv.data_element_id, o.code,
               sum(dv.value_num), count(dv.value_num)::int, min(dv.value_num), max(dv.value_num)
          from ${base} dv join org_unit o on o.id = dv.org_unit_id
         where o.successor_id = any(${uuids(targets)})
         group by o.successor_id, dv.data_element_id, o.code`.execute(db);
      out.push(...rows);
    }
    return out.map((r) => ({
      ...r,
      s: r.s === null ? null : Number(r.s),
      mn: r.mn === null ? null : Number(r.mn),
      mx: r.mx === null ? null : Number(r.mx),
      n: Number(r.n),
    }));
  },

  /**
   * Completeness of a data set in a period for each target: units of the set's levels valid in the period
   * (expected), complete registrations (received), those by the end of the period + timely days in Hà Nội
   * time (on time). Former units count in their successor's figure.
   */
  async completeness(
    db: Executor,
    targets: readonly string[],
    set: { id: string; levels: readonly string[]; timelyDays: number },
    period: { code: string; start: string; end: string },
  ) {
    const { rows } = await sql<{ unit_id: string; expected: number; received: number; on_time: number }>`
      with units as (
        select l.ancestor_id as target, o.id from ${orgTree.subtreeLinks(targets)} l join org_unit o on o.id = l.descendant_id
        union all
        select o.successor_id, o.id from org_unit o where o.successor_id = any(${uuids(targets)})
      ), due as (
        select ((${period.end}::date + ${set.timelyDays}::int + 1)::text || ' 00:00:00+07')::timestamptz as at
      )
      select u.target as unit_id, count(*)::int as expected, count(r.org_unit_id)::int as received,
             count(r.org_unit_id) filter (where r.completed_at < (select at from due))::int as on_time
        from units u
        join org_unit o on o.id = u.id
        left join data_set_registration r on r.data_set_id = ${set.id} and r.period = ${period.code} and r.org_unit_id = o.id
       where o.kind = any(${texts(set.levels)}) and o.valid_from <= ${period.end}::date
         and (o.valid_to is null or o.valid_to >= ${period.start}::date)
       group by u.target`.execute(db);
    return new Map(
      rows.map((r) => [
        r.unit_id,
        { expected: Number(r.expected), received: Number(r.received), onTime: Number(r.on_time) },
      ]),
    );
  },
};
