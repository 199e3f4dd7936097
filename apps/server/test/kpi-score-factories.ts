/**
 * KPI fixtures for the scorecard tests, written straight into the KPI core's tables (elements, indicator,
 * data set, values, registrations), so these tests do not depend on the import route's rules.
 */
import { newId } from '../src/db/ids.ts';
import { parsePeriod } from '../src/modules/kpi/periods.ts';
import { uniq } from './factories.ts';
import type { TestEnv } from './harness.ts';

export interface KpiFixture {
  num: { id: string; code: string };
  den: { id: string; code: string };
  indicator: { id: string; code: string };
  dataSet: { id: string; code: string };
}

/** A ratio indicator #{NUM} / #{DEN} × 100 (higher is better) reported monthly by communes. */
export async function ratioIndicator(
  env: TestEnv,
  direction: 'higher' | 'lower' = 'higher',
): Promise<KpiFixture> {
  const db = env.database.db;
  const element = async (prefix: string) => {
    const row = { id: newId(), code: uniq(prefix).toUpperCase() };
    await db
      .insertInto('data_element')
      .values({
        ...row,
        name: row.code,
        value_type: 'integer',
        aggregation: 'sum',
        levels: ['commune'],
        search_key: row.code.toLowerCase(),
      })
      .execute();
    return row;
  };
  const num = await element('NUM');
  const den = await element('DEN');
  const indicator = { id: newId(), code: uniq('IND').toUpperCase() };
  await db
    .insertInto('indicator')
    .values({
      ...indicator,
      name: `Chỉ tiêu ${indicator.code}`,
      numerator: `#{${num.code}}`,
      denominator: `#{${den.code}}`,
      factor: 100,
      direction,
      search_key: indicator.code.toLowerCase(),
    })
    .execute();
  const dataSet = { id: newId(), code: uniq('DS').toUpperCase() };
  await db
    .insertInto('data_set')
    .values({
      ...dataSet,
      name: dataSet.code,
      period_type: 'monthly',
      levels: ['commune'],
      search_key: dataSet.code.toLowerCase(),
    })
    .execute();
  await db
    .insertInto('data_set_element')
    .values([
      { data_set_id: dataSet.id, data_element_id: num.id },
      { data_set_id: dataSet.id, data_element_id: den.id },
    ])
    .execute();
  return { num, den, indicator, dataSet };
}

/** Sets (inserts or replaces) one value. */
export async function putValue(
  env: TestEnv,
  elementId: string,
  period: string,
  unitId: string,
  value: number,
) {
  const p = parsePeriod(period)!;
  await env.database.db
    .insertInto('data_value')
    .values({
      data_element_id: elementId,
      period,
      org_unit_id: unitId,
      period_type: p.type,
      period_start: p.start,
      period_end: p.end,
      value: String(value),
      value_num: value,
    })
    .onConflict((oc) =>
      oc
        .columns(['data_element_id', 'period', 'org_unit_id'])
        .doUpdateSet({ value: String(value), value_num: value }),
    )
    .execute();
}

/** A complete registration of the data set for the unit and period, at `completedAt`. */
export async function registerComplete(
  env: TestEnv,
  dataSetId: string,
  period: string,
  unitId: string,
  completedAt: string,
) {
  const p = parsePeriod(period)!;
  await env.database.db
    .insertInto('data_set_registration')
    .values({
      data_set_id: dataSetId,
      period,
      org_unit_id: unitId,
      period_start: p.start,
      period_end: p.end,
      completed_at: completedAt,
    })
    .execute();
}

/** Communes of a province (by its code), in code order. */
export async function communesOf(env: TestEnv, provinceCode: string, n: number) {
  return env.database.db
    .selectFrom('org_unit as c')
    .innerJoin('org_unit as p', 'p.id', 'c.parent_id')
    .select(['c.id', 'c.code', 'c.name'])
    .where('p.code', '=', provinceCode)
    .where('c.kind', '=', 'commune')
    .orderBy('c.code')
    .limit(n)
    .execute();
}
