import type { Lang, StatRow, Stats } from '@pilotage/contracts';
import type { z } from 'zod';
import type { StatsQuery } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { addDays, isWorkingDay, vnDay } from '../feedback/index.ts';
import { statisticsRepository, type StatsSqlRow } from './statistics.repository.ts';

const n = (v: string | number | null) => (v === null ? null : Number(v));
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** Every day from `first` to `last` and the running count of working days (the feedback calendar). */
export function workingDayOrdinals(first: string, last: string, exceptions: ReadonlyMap<string, boolean>) {
  const days: string[] = [];
  const ordinals: number[] = [];
  let ord = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (isWorkingDay(d, exceptions)) ord++;
    days.push(d);
    ordinals.push(ord);
  }
  return { days, ordinals };
}

function toRow(r: StatsSqlRow, lang: Lang, totalName: string): StatRow {
  return {
    id: r.id,
    code: r.code,
    name: r.id === null ? totalName : ((lang === 'en' ? r.name_en : null) ?? r.name ?? r.id),
    received: Number(r.received),
    answered: Number(r.answered),
    answeredOnTime: Number(r.answered_on_time),
    overdue: Number(r.overdue),
    medianWorkingDays: round1(n(r.median_wd)),
    satisfaction: round1(n(r.satisfaction)),
    ratings: Number(r.ratings),
  };
}

const EMPTY = (name: string): StatRow => ({
  id: null,
  code: null,
  name,
  received: 0,
  answered: 0,
  answeredOnTime: 0,
  overdue: 0,
  medianWorkingDays: null,
  satisfaction: null,
  ratings: 0,
});

/** Feedback statistics: public (every unit) or scoped to the caller's units; no personal data at all. */
export class StatisticsService {
  constructor(private readonly db: Db) {}

  private async compute(
    scope: RequestContext['actor']['scope'] | 'public',
    query: z.infer<typeof StatsQuery>,
    lang: Lang,
  ): Promise<Stats> {
    const now = new Date();
    const totalName = lang === 'en' ? 'Total' : 'Tổng cộng';
    const span = await statisticsRepository.span(this.db);
    const today = vnDay(now);
    const first = span.first ?? today;
    const last = span.last && span.last > today ? span.last : today;
    const exceptions = new Map(
      (await statisticsRepository.exceptions(this.db)).map((e) => [e.day, e.is_working] as const),
    );
    const rows = await statisticsRepository.stats(this.db, {
      scope,
      by: query.by,
      kind: query.kind,
      from: query.from,
      to: query.to,
      calendar: workingDayOrdinals(first, last, exceptions),
      now,
    });
    const mapped = rows.map((r) => toRow(r, lang, totalName));
    return {
      by: query.by,
      asOf: now.toISOString(),
      rows: mapped.filter((r) => r.id !== null),
      total: mapped.find((r) => r.id === null) ?? EMPTY(totalName),
    };
  }

  publicStats(query: z.infer<typeof StatsQuery>, lang: Lang) {
    return this.compute('public', query, lang);
  }

  internal(ctx: RequestContext, query: z.infer<typeof StatsQuery>) {
    return this.compute(ctx.actor.scope, query, ctx.lang);
  }
}
