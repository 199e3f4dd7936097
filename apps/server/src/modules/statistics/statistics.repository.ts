import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { unitInScope, type Scope } from '../org/index.ts';

/**
 * Feedback statistics in one SQL statement over feedback_item (the feedback module's table; read only).
 * Working days come from a calendar passed in as two arrays (day, ordinal of the working day): the handling
 * time of an item is ordinal(answer day) − ordinal(submission day) − its paused working days, so the
 * median is `percentile_cont` in SQL, whatever the number of items.
 */
export interface StatsFilter {
  scope: Scope | 'public';
  by: 'unit' | 'topic';
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Every day of the span and the number of working days up to it (inclusive). */
  calendar: { days: string[]; ordinals: number[] };
  now: Date;
}

export interface StatsSqlRow {
  id: string | null;
  code: string | null;
  name: string | null;
  name_en: string | null;
  received: string | number;
  answered: string | number;
  answered_on_time: string | number;
  overdue: string | number;
  median_wd: string | number | null;
  satisfaction: string | number | null;
  ratings: string | number;
}

const VN_DAY = (column: string) => sql`((${sql.ref(column)} at time zone 'UTC') + interval '7 hours')::date`;

export const statisticsRepository = {
  /** The span of submission and answer days (for the calendar). */
  async span(db: Executor) {
    const r = await db
      .selectFrom('feedback_item')
      .select([
        sql<string | null>`min(${VN_DAY('submitted_at')})::text`.as('first'),
        sql<string | null>`greatest(max(${VN_DAY('answered_at')}), max(${VN_DAY('submitted_at')}))::text`.as(
          'last',
        ),
      ])
      .executeTakeFirst();
    return { first: r?.first ?? null, last: r?.last ?? null };
  },

  exceptions: (db: Executor) =>
    db.selectFrom('working_calendar_exception').select(['day', 'is_working']).execute(),

  async stats(db: Executor, f: StatsFilter): Promise<StatsSqlRow[]> {
    const key = f.by === 'unit' ? sql.ref('i.unit_id') : sql.ref('i.topic_id');
    const scoped = f.scope === 'public' ? sql<boolean>`true` : unitInScope(f.scope, 'i.unit_id');
    const kind = f.kind ? sql`and i.kind = ${f.kind}` : sql``;
    const from = f.from ? sql`and ${VN_DAY('i.submitted_at')} >= ${f.from}::date` : sql``;
    const to = f.to ? sql`and ${VN_DAY('i.submitted_at')} <= ${f.to}::date` : sql``;
    const names =
      f.by === 'unit'
        ? sql`left join org_unit n on n.id = g.key`
        : sql`left join feedback_topic n on n.id = g.key`;
    const result = await sql<StatsSqlRow>`
      with cal as (
        select c.day::date as day, c.ord from unnest(${f.calendar.days}::text[], ${f.calendar.ordinals}::int[]) as c(day, ord)
      ),
      items as (
        select ${key} as key, i.status, i.due_at, i.answered_at, i.paused_working_days,
               cs.ord as s_ord, ca.ord as a_ord,
               (select avg(r.score) from feedback_rating r where r.item_id = i.id) as rating,
               (select count(*) from feedback_rating r where r.item_id = i.id) as n_ratings
          from feedback_item i
          left join cal cs on cs.day = ${VN_DAY('i.submitted_at')}
          left join cal ca on ca.day = ${VN_DAY('i.answered_at')}
         where i.status <> 'merged' and ${scoped} ${kind} ${from} ${to}
      ),
      g as (
        select key,
               count(*) as received,
               count(*) filter (where answered_at is not null) as answered,
               count(*) filter (where answered_at is not null and answered_at <= due_at) as answered_on_time,
               count(*) filter (where status in ('received', 'accepted', 'processing') and due_at < ${f.now}) as overdue,
               percentile_cont(0.5) within group (order by greatest(a_ord - s_ord - paused_working_days, 0))
                 filter (where answered_at is not null and a_ord is not null and s_ord is not null) as median_wd,
               avg(rating) as satisfaction,
               coalesce(sum(n_ratings), 0) as ratings
          from items
         group by grouping sets ((key), ())
      )
      select g.key::text as id, n.code, n.name, n.name_en, g.received, g.answered, g.answered_on_time, g.overdue,
             g.median_wd, g.satisfaction, g.ratings
        from g ${names}
       order by g.key is null, g.received desc, n.name`.execute(db);
    return result.rows;
  },
};
