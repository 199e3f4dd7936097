/**
 * Demo KPI data (issue 9): the KPIs of domain.md with their trajectories; monthly values following the
 * administrative history: the 63 former provinces report January 2024 – June 2025, the 3,321 communes
 * July – December 2025 (two-level government from 1 July 2025), the 34 provinces their own elements
 * through 2025; the governance
 * indicators of 2025S1 (73 of the 84 ministries and former provinces reported them, 40 published them),
 * and communes' complete registrations rising to 100 % in December 2025. Values are generated in SQL
 * (generate_series, deterministic hashes of unit codes); national figures match the seeds exactly:
 * 5G coverage 26.00 % and fully-online records 39.51 % in June 2025.
 */
import { foldForSearch } from '@pilotage/contracts';
import { sql } from 'kysely';
import { newId } from '../db/ids.ts';
import type { Tx } from '../db/transaction.ts';
import { DEMO_DATA_SETS, DEMO_ELEMENTS, DEMO_INDICATORS } from './kpi-demo-catalogue.ts';

/** Monthly national levels (shares), January 2024 to December 2025 (index 1 = 2024-01). */
const CURVES = {
  fiveG: [
    ...[0, 0, 0, 0, 0, 0, 0, 0, 0, 0.02, 0.05, 0.08],
    ...[0.12, 0.14, 0.16, 0.19, 0.22, 0.26, 0.33, 0.41, 0.5, 0.58, 0.66, 0.74],
  ],
  online: [
    ...[0.18, 0.19, 0.2, 0.21, 0.22, 0.23, 0.24, 0.25, 0.26, 0.27, 0.28, 0.29],
    ...[0.3, 0.31, 0.33, 0.35, 0.37, 0.3951, 0.42, 0.45, 0.49, 0.53, 0.57, 0.61],
  ],
  pin: [
    ...[0.6, 0.61, 0.62, 0.64, 0.66, 0.68, 0.7, 0.72, 0.74, 0.76, 0.78, 0.79],
    ...[0.8, 0.84, 0.88, 0.91, 0.94, 0.97, 0.98, 0.99, 0.99, 1, 1, 1],
  ],
  proc: [
    ...Array<number>(12).fill(0.5),
    ...[0.55, 0.58, 0.61, 0.64, 0.67, 0.7, 0.73, 0.76, 0.8, 0.84, 0.88, 0.92],
  ],
  adults: [
    ...Array<number>(12).fill(0.2),
    ...[0.22, 0.23, 0.24, 0.25, 0.27, 0.28, 0.3, 0.31, 0.33, 0.35, 0.37, 0.38],
  ],
  /** Share of communes that complete their monthly report on the system (100 % by December 2025). */
  direct: [...Array<number>(18).fill(0), ...[0.7, 0.78, 0.85, 0.92, 0.97, 1]],
};

const curve = (values: number[]) => sql.raw(`(array[${values.join(',')}]::float8[])`);

export async function seedKpiDemo(tx: Tx): Promise<{ created: boolean; ms: number; values: number }> {
  const started = performance.now();
  if (await tx.selectFrom('data_element').select('id').where('code', '=', 'POP_5G').executeTakeFirst())
    return { created: false, ms: 0, values: 0 };
  const elementIds = new Map(DEMO_ELEMENTS.map((e) => [e.code, newId()]));
  await tx
    .insertInto('data_element')
    .values(
      DEMO_ELEMENTS.map((e) => ({
        id: elementIds.get(e.code)!,
        code: e.code,
        name: e.name,
        name_en: e.nameEn,
        value_type: e.valueType,
        aggregation: e.aggregation,
        levels: e.levels,
        search_key: foldForSearch(`${e.code} ${e.name} ${e.nameEn}`),
      })),
    )
    .execute();
  const indicatorIds = new Map(DEMO_INDICATORS.map((i) => [i.code, newId()]));
  await tx
    .insertInto('indicator')
    .values(
      DEMO_INDICATORS.map((i) => ({
        id: indicatorIds.get(i.code)!,
        code: i.code,
        name: i.name,
        name_en: i.nameEn,
        numerator: i.numerator,
        denominator: i.denominator,
        factor: 100,
        direction: 'higher' as const,
        unit_of_measure: '%',
        decimals: 2,
        search_key: foldForSearch(`${i.code} ${i.name} ${i.nameEn}`),
      })),
    )
    .execute();
  await tx
    .insertInto('kpi_target')
    .values(
      DEMO_INDICATORS.flatMap((i) =>
        i.targets.map(([date, value]) => ({
          id: newId(),
          indicator_id: indicatorIds.get(i.code)!,
          org_unit_id: null,
          target_date: date,
          value,
        })),
      ),
    )
    .execute();
  const dataSetIds = new Map(DEMO_DATA_SETS.map((d) => [d.code, newId()]));
  await tx
    .insertInto('data_set')
    .values(
      DEMO_DATA_SETS.map((d) => ({
        id: dataSetIds.get(d.code)!,
        code: d.code,
        name: d.name,
        name_en: d.nameEn,
        period_type: d.periodType,
        expiry_days: 0,
        timely_days: 15,
        levels: d.levels,
        search_key: foldForSearch(`${d.code} ${d.name} ${d.nameEn}`),
      })),
    )
    .execute();
  await tx
    .insertInto('data_set_element')
    .values(
      DEMO_DATA_SETS.flatMap((d) =>
        d.elements.map((code, i) => ({
          data_set_id: dataSetIds.get(d.code)!,
          data_element_id: elementIds.get(code)!,
          sort_order: i,
        })),
      ),
    )
    .execute();
  const id = (code: string) => elementIds.get(code)!;
  const values = await generateValues(tx, id);
  await generateRegistrations(
    tx,
    dataSetIds.get('DS_COMMUNE_MONTHLY')!,
    dataSetIds.get('DS_PROVINCE_MONTHLY')!,
  );
  return { created: true, ms: Math.round(performance.now() - started), values };
}

async function generateValues(tx: Tx, id: (code: string) => string): Promise<number> {
  const c = CURVES;
  // one row per unit and month (from..to, 'YYYY-MM'); each unit's size and lead or lag are deterministic
  // hashes of its code; i = the month's index in CURVES (1 = 2024-01)
  const monthly = (units: string, from: string, to: string) => sql`
    with u as (
      select id, code,
             (abs(hashtext(code || ':a')) % 1000) / 1000.0 as f1,
             (abs(hashtext(code || ':b')) % 1000) / 1000.0 as f2,
             (abs(hashtext(code || ':c')) % 1000) / 1000.0 as f3,
             (abs(hashtext(code || ':d')) % 1000) / 1000.0 as f4
      from org_unit where ${sql.raw(units)}
    ), m as (
      select ((extract(year from g) - 2024) * 12 + extract(month from g))::int as i, g::date as period_start,
             (g + interval '1 month' - interval '1 day')::date as period_end, to_char(g, 'YYYYMM') as period
      from generate_series(${from + '-01'}::date, ${to + '-01'}::date, interval '1 month') g
    )`;
  const insert = (rows: ReturnType<typeof sql>) => sql`
    insert into data_value (data_element_id, period, org_unit_id, period_type, period_start, period_end, value, value_num)
    select element_id, period, unit_id, 'monthly', period_start, period_end, v::text, v from (${rows}) x`;
  // communes (two-level government from 1 July 2025), July to December 2025: population and 5G coverage,
  // records received / fully online / carrying a personal identification number
  const receptionSeries = (units: string, from: string, to: string, pop: string, rec: string) => sql`
    ${monthly(units, from, to)},
    base as (
      select u.id as unit_id, m.*, round(${sql.raw(pop)}) as pop, round(${sql.raw(rec)}) as rec, u.f2, u.f4
      from u cross join m
    )
    select ${id('POP')}::uuid as element_id, period, unit_id, period_start, period_end, pop as v from base
    union all
    select ${id('POP_5G')}::uuid, period, unit_id, period_start, period_end,
           round(pop * least(1, ${curve(c.fiveG)}[i] * (0.3 + 1.4 * f4))) from base
    union all
    select ${id('REC_TOTAL')}::uuid, period, unit_id, period_start, period_end, rec from base
    union all
    select ${id('REC_ONLINE')}::uuid, period, unit_id, period_start, period_end,
           round(rec * least(1, ${curve(c.online)}[i] * (0.5 + f2))) from base
    union all
    select ${id('REC_PIN')}::uuid, period, unit_id, period_start, period_end,
           round(rec * least(1, ${curve(c.pin)}[i] * (0.97 + 0.06 * f2))) from base`;
  await insert(
    receptionSeries(
      `kind = 'commune' and valid_to is null`,
      '2025-07',
      '2025-12',
      '3000 + u.f1 * 40000',
      '200 + u.f3 * 1800',
    ),
  ).execute(tx);
  // the 63 former provinces, January 2024 to June 2025 (rolled into their successors by the KPI core)
  await insert(
    receptionSeries(
      `kind = 'province' and valid_to = '2025-06-30'`,
      '2024-01',
      '2025-06',
      '400000 + u.f1 * 3000000',
      '20000 + u.f3 * 80000',
    ),
  ).execute(tx);
  // provinces, 2025: procedures offered fully online, adults using online public services
  await insert(sql`
    ${monthly(`kind = 'province' and valid_to is null`, '2025-01', '2025-12')},
    base as (
      select u.id as unit_id, m.*, round(800 + u.f1 * 1200) as proc, round(300000 + u.f3 * 5000000) as adults, u.f2
      from u cross join m
    )
    select ${id('PROC_ELIGIBLE')}::uuid as element_id, period, unit_id, period_start, period_end, proc as v from base
    union all
    select ${id('PROC_ONLINE')}::uuid, period, unit_id, period_start, period_end,
           round(proc * least(1, ${curve(c.proc)}[i] * (0.85 + 0.3 * f2))) from base
    union all
    select ${id('ADULTS')}::uuid, period, unit_id, period_start, period_end, adults from base
    union all
    select ${id('ADULTS_ONLINE')}::uuid, period, unit_id, period_start, period_end,
           round(adults * ${curve(c.adults)}[i] * (0.7 + 0.6 * f2)) from base`).execute(tx);
  // June 2025 national figures exactly as the seeds report them: one commune's value absorbs the rounding
  for (const [num, den, share] of [
    ['POP_5G', 'POP', 0.26],
    ['REC_ONLINE', 'REC_TOTAL', 0.3951],
  ] as const) {
    await sql`
      with d as (select sum(value_num) as total from data_value where data_element_id = ${id(den)} and period = '202506'),
           n as (select sum(value_num) as total from data_value where data_element_id = ${id(num)} and period = '202506'),
           one as (select org_unit_id from data_value where data_element_id = ${id(num)} and period = '202506'
                   order by value_num desc limit 1)
      update data_value v
         set value_num = v.value_num + round(${share} * d.total) - n.total,
             value = (v.value_num + round(${share} * d.total) - n.total)::text
        from d, n, one
       where v.data_element_id = ${id(num)} and v.period = '202506' and v.org_unit_id = one.org_unit_id`.execute(
      tx,
    );
  }
  // governance indicators, 2025S1: 84 units (21 ministries + 63 former provinces); 73 reported, 40 published
  await sql`
    with u as (
      select id, row_number() over (order by abs(hashtext(code || ':gov')), code) as n
      from org_unit where kind = 'ministry' or (kind = 'province' and valid_to = '2025-06-30')
    ), e as (
      select ${id('GOV_UNIT')}::uuid as element_id, 1 as threshold
      union all select ${id('GOV_REPORTED')}::uuid, 73
      union all select ${id('GOV_PUBLISHED')}::uuid, 40
    )
    insert into data_value (data_element_id, period, org_unit_id, period_type, period_start, period_end, value, value_num)
    select e.element_id, '2025S1', u.id, 'six_monthly', date '2025-01-01', date '2025-06-30',
           case when e.threshold = 1 or u.n <= e.threshold then '1' else '0' end,
           case when e.threshold = 1 or u.n <= e.threshold then 1 else 0 end
    from u cross join e`.execute(tx);
  const count = await tx
    .selectFrom('data_value')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(count.n);
}

async function generateRegistrations(tx: Tx, communeSet: string, provinceSet: string) {
  // communes complete their monthly report on the system, more each month (100 % in December 2025);
  // most within the 15 timely days, some later
  await sql`
    insert into data_set_registration (data_set_id, period, org_unit_id, period_start, period_end, completed_at)
    select ${communeSet}::uuid, '2025' || lpad(g::text, 2, '0'), u.id, make_date(2025, g, 1),
           (make_date(2025, g, 1) + interval '1 month' - interval '1 day')::date,
           (make_date(2025, g, 1) + interval '1 month' + ((abs(hashtext(u.code || g::text)) % 22) || ' days')::interval
             + interval '2 hours')
    from org_unit u cross join generate_series(7, 12) g
    where u.kind = 'commune' and u.valid_to is null
      and (abs(hashtext(u.code || ':direct')) % 1000) / 1000.0 < ${curve(CURVES.direct)}[12 + g]`.execute(tx);
  await sql`
    insert into data_set_registration (data_set_id, period, org_unit_id, period_start, period_end, completed_at)
    select ${provinceSet}::uuid, '2025' || lpad(g::text, 2, '0'), u.id, make_date(2025, g, 1),
           (make_date(2025, g, 1) + interval '1 month' - interval '1 day')::date,
           (make_date(2025, g, 1) + interval '1 month' + ((abs(hashtext(u.code || g::text)) % 12) || ' days')::interval)
    from org_unit u cross join generate_series(1, 12) g
    where u.kind = 'province' and u.valid_to is null`.execute(tx);
}
