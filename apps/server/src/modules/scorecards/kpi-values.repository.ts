import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { unitsUnderEach } from '../org/index.ts';
import { evaluate, parseExpression, referencedCodes } from './kpi-seam.ts';

export interface IndicatorFormula {
  code: string;
  numerator: string;
  denominator: string;
  factor: number;
}

interface ElementAggregate {
  root_id: string;
  period: string;
  code: string;
  aggregation: string;
  s: number | null;
  a: number | null;
  lo: number | null;
  hi: number | null;
}

const pick = (r: ElementAggregate) =>
  r.aggregation === 'average' ? r.a : r.aggregation === 'min' ? r.lo : r.aggregation === 'max' ? r.hi : r.s;

/**
 * Indicator values of each root unit over its subtree, per period, computed as DHIS2 does: the numerator's
 * and the denominator's elements are aggregated over the subtree first (sum, average, min, max as each
 * element says), then divided — a province's percentage is the ratio of its sums, never an average of its
 * communes' percentages. A former unit's values count in its successor's figures (a series crossing
 * 1 July 2025). One SQL aggregate for all roots, elements and periods.
 */
export async function indicatorValues(
  db: Executor,
  indicators: readonly IndicatorFormula[],
  rootIds: readonly string[],
  periods: readonly string[],
): Promise<Map<string, Map<string, Map<string, number | null>>>> {
  const parsed = indicators.map((i) => ({
    code: i.code,
    factor: i.factor,
    num: parseExpression(i.numerator),
    den: parseExpression(i.denominator),
  }));
  const codes = [...new Set(parsed.flatMap((p) => [...referencedCodes(p.num), ...referencedCodes(p.den)]))];
  const out = new Map<string, Map<string, Map<string, number | null>>>();
  if (codes.length === 0 || rootIds.length === 0 || periods.length === 0) return out;
  const rows = await sql<ElementAggregate>`
    select m.root_id, v.period, de.code, de.aggregation,
           sum(v.value_num) as s, avg(v.value_num) as a, min(v.value_num) as lo, max(v.value_num) as hi
    from data_element de
    join data_value v on v.data_element_id = de.id and v.period = any(${sql.val([...periods])}::text[])
    join (
      select root_id, unit_id from ${unitsUnderEach(rootIds)} s
      -- a former unit (e.g. one of the 63 provinces before 1 July 2025) reports into its successor
      union all
      select successor_id, id from org_unit where successor_id = any(${sql.val([...rootIds])}::uuid[])
    ) m on m.unit_id = v.org_unit_id
    where de.code = any(${sql.val(codes)}::text[]) and v.value_num is not null
    group by m.root_id, v.period, de.code, de.aggregation`.execute(db);
  const values = new Map<string, Map<string, number | null>>(); // root|period → element → value
  for (const r of rows.rows) {
    const k = `${r.root_id}|${r.period}`;
    if (!values.has(k)) values.set(k, new Map());
    values.get(k)!.set(r.code, pick(r) === null ? null : Number(pick(r)));
  }
  for (const p of parsed) {
    const byRoot = new Map<string, Map<string, number | null>>();
    for (const root of rootIds) {
      const byPeriod = new Map<string, number | null>();
      for (const period of periods) {
        const v = values.get(`${root}|${period}`) ?? new Map<string, number | null>();
        const n = evaluate(p.num, v);
        const d = evaluate(p.den, v);
        byPeriod.set(period, n === null || d === null || d === 0 ? null : (n / d) * p.factor);
      }
      byRoot.set(root, byPeriod);
    }
    out.set(p.code, byRoot);
  }
  return out;
}
