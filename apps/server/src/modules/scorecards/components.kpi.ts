import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { unitsUnderEach } from '../org/index.ts';
import { reportingRate } from './components.tasks.ts';
import { achievementScore, judge } from './kpi-judgement.ts';
import { indicatorValues } from './kpi-values.repository.ts';
import { scorecardsRepository } from './scorecards.repository.ts';
import { targetOn, trajectoryFor } from './targets.ts';
import type { ComponentContext, ScoreComponentSource } from './score-component.ts';

/**
 * KPI components: reporting of data sets (DHIS2 completeness and timeliness: a unit of a level the data set
 * names is expected once per period; its complete registration is received; on time when registered by
 * the period's end + the data set's timely days), and achievement against the targets' trajectories.
 */
async function dataSetTallies(db: Executor, c: ComponentContext, rootIds: string[]) {
  const rows = await sql<{
    root_id: string;
    code: string;
    name: string;
    name_en: string | null;
    expected: number;
    received: number;
    on_time: number;
  }>`
    select m.root_id, ds.code, ds.name, ds.name_en,
           count(*)::int as expected,
           count(r.org_unit_id)::int as received,
           count(*) filter (
             where ((r.completed_at at time zone 'UTC') + interval '7 hours')::date
                   <= ${c.period.end}::date + ds.timely_days
           )::int as on_time
    from data_set ds
    cross join ${unitsUnderEach(rootIds)} m
    join org_unit u on u.id = m.unit_id and u.kind = any(ds.levels)
      and u.valid_from <= ${c.period.end}::date and (u.valid_to is null or u.valid_to >= ${c.period.end}::date)
    left join data_set_registration r
      on r.data_set_id = ds.id and r.period = ${c.period.code} and r.org_unit_id = m.unit_id
    where ds.period_type = ${c.period.type}
    group by m.root_id, ds.code, ds.name, ds.name_en`.execute(db);
  return rows.rows;
}

export const reportingKpi: ScoreComponentSource = {
  key: 'reporting_kpi',
  name: { vi: 'Báo cáo chỉ tiêu (KPI)', en: 'KPI reporting' },
  basis: {
    vi: 'Bộ dữ liệu của kỳ: một nửa theo tỷ lệ đơn vị đã hoàn thành, một nửa theo tỷ lệ hoàn thành đúng hạn',
    en: "The period's data sets: half the share of units that completed them, half the share on time",
  },
  async compute(db, c) {
    const rows = await dataSetTallies(
      db,
      c,
      c.roots.map((r) => r.id),
    );
    const t = new Map<string, { expected: number; received: number; onTime: number }>();
    for (const r of rows) {
      const x = t.get(r.root_id) ?? { expected: 0, received: 0, onTime: 0 };
      x.expected += r.expected;
      x.received += r.received;
      x.onTime += r.on_time;
      t.set(r.root_id, x);
    }
    return new Map(c.roots.map((r) => [r.id, reportingRate(t.get(r.id))]));
  },
  async records(db, c, unitId, lang) {
    const rows = await dataSetTallies(db, c, [unitId]);
    return rows.map((r) => ({
      kind: 'data_set',
      ref: r.code,
      label: lang === 'en' && r.name_en ? r.name_en : r.name,
      detail:
        lang === 'vi'
          ? `phải nộp ${r.expected}, đã hoàn thành ${r.received}, đúng hạn ${r.on_time}`
          : `expected ${r.expected}, complete ${r.received}, on time ${r.on_time}`,
    }));
  },
};

/** Each targeted indicator's value for each unit at the period's end, with its target and judgement. */
async function achievements(db: Executor, c: ComponentContext, rootIds: string[]) {
  const indicators = await scorecardsRepository.targetedIndicators(db);
  const targets = await scorecardsRepository.targets(
    db,
    indicators.map((i) => i.id),
  );
  const values = await indicatorValues(db, indicators, rootIds, [c.period.code]);
  const out = new Map<
    string,
    { code: string; name: string; value: number; target: number; score: number; judgement: string }[]
  >();
  for (const i of indicators) {
    const points = targets
      .filter((t) => t.indicator_id === i.id)
      .map((t) => ({ unitId: t.org_unit_id, date: t.target_date, value: t.value }));
    for (const root of rootIds) {
      const value = values.get(i.code)?.get(root)?.get(c.period.code);
      const target = targetOn(trajectoryFor(points, root), c.period.end);
      if (value === null || value === undefined || target === null) continue;
      const list = out.get(root) ?? [];
      list.push({
        code: i.code,
        name: i.name,
        value,
        target,
        score: achievementScore(value, target, i.direction),
        judgement: judge(value, target, i.direction),
      });
      out.set(root, list);
    }
  }
  return out;
}

export const kpiAchievement: ScoreComponentSource = {
  key: 'kpi_achievement',
  name: { vi: 'Đạt chỉ tiêu theo lộ trình', en: 'KPIs against trajectory' },
  basis: {
    vi: 'Trung bình mức đạt của các chỉ tiêu có mục tiêu (giá trị so với mục tiêu tại cuối kỳ, tối đa 100)',
    en: "Average achievement of the indicators with targets (value against the period end's target, at most 100)",
  },
  async compute(db, c) {
    const a = await achievements(
      db,
      c,
      c.roots.map((r) => r.id),
    );
    return new Map(
      c.roots.map((r) => {
        const list = a.get(r.id);
        return [r.id, list && list.length > 0 ? list.reduce((s, x) => s + x.score, 0) / list.length : null];
      }),
    );
  },
  async records(db, c, unitId, lang) {
    const list = (await achievements(db, c, [unitId])).get(unitId) ?? [];
    const word = {
      on_track: { vi: 'đúng lộ trình', en: 'on track' },
      at_risk: { vi: 'có nguy cơ', en: 'at risk' },
      off_track: { vi: 'chậm lộ trình', en: 'off track' },
    } as const;
    const r2 = (n: number) => Math.round(n * 100) / 100;
    return list.map((x) => ({
      kind: 'indicator',
      ref: x.code,
      label: `${x.code} — ${x.name}`,
      detail: `${r2(x.value)} / ${r2(x.target)} (${word[x.judgement as 'on_track'][lang]})`,
    }));
  },
};
