import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import type { StoredComponent } from '../../db/schema.scorecards.ts';

/** Targets, formula versions, published league tables and dashboard pins (the only SQL on these tables). */
export const scorecardsRepository = {
  unitByCode(db: Executor, code: string) {
    return (
      db
        .selectFrom('org_unit')
        .select(['id', 'code', 'name', 'name_en', 'kind', 'parent_id', 'valid_from', 'valid_to'])
        .where('code', '=', code)
        // a code may name a former unit too (e.g. '01' before 1 July 2025): the unit in force comes first
        .orderBy(sql`valid_to is null`, 'desc')
        .orderBy('valid_from', 'desc')
        .limit(1)
        .executeTakeFirst()
    );
  },

  unitById(db: Executor, id: string) {
    return db
      .selectFrom('org_unit')
      .select(['id', 'code', 'name', 'name_en', 'kind', 'parent_id', 'valid_from', 'valid_to'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  indicatorByCode(db: Executor, code: string) {
    return db
      .selectFrom('indicator')
      .select([
        'id',
        'code',
        'name',
        'name_en',
        'numerator',
        'denominator',
        'factor',
        'direction',
        'unit_of_measure',
      ])
      .where('code', '=', code)
      .executeTakeFirst();
  },

  targets(db: Executor, indicatorIds: readonly string[]) {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('kpi_target as t')
      .leftJoin('org_unit as u', 'u.id', 't.org_unit_id')
      .select([
        't.indicator_id',
        't.org_unit_id',
        't.target_date',
        't.value',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
      ])
      .where('t.indicator_id', 'in', indicatorIds)
      .orderBy('u.code', (o) => o.nullsFirst())
      .orderBy('t.target_date')
      .execute();
  },

  async replaceTargets(
    tx: Executor,
    indicatorId: string,
    unitId: string | null,
    rows: { id: string; date: string; value: number }[],
    userId: string | null,
  ) {
    await tx
      .deleteFrom('kpi_target')
      .where('indicator_id', '=', indicatorId)
      .where((eb) => (unitId === null ? eb('org_unit_id', 'is', null) : eb('org_unit_id', '=', unitId)))
      .execute();
    if (rows.length === 0) return;
    await tx
      .insertInto('kpi_target')
      .values(
        rows.map((r) => ({
          id: r.id,
          indicator_id: indicatorId,
          org_unit_id: unitId,
          target_date: r.date,
          value: r.value,
          created_by: userId,
        })),
      )
      .execute();
  },

  /** Indicators that have at least one target point. */
  targetedIndicators(db: Executor) {
    return db
      .selectFrom('indicator as i')
      .select(['i.id', 'i.code', 'i.name', 'i.numerator', 'i.denominator', 'i.factor', 'i.direction'])
      .where((eb) =>
        eb.exists(eb.selectFrom('kpi_target as t').select('t.id').whereRef('t.indicator_id', '=', 'i.id')),
      )
      .orderBy('i.code')
      .execute();
  },

  formulas(db: Executor) {
    return db
      .selectFrom('scorecard_formula as f')
      .leftJoin('app_user as u', 'u.id', 'f.created_by')
      .select(['f.version', 'f.components', 'f.note', 'f.created_at', 'u.display_name as created_by_name'])
      .orderBy('f.version', 'desc')
      .execute();
  },

  formula(db: Executor, version?: number) {
    let q = db.selectFrom('scorecard_formula').select(['version', 'components', 'note', 'created_at']);
    q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
    return q.executeTakeFirst();
  },

  async insertFormula(
    tx: Executor,
    f: {
      version: number;
      components: { key: string; weight: number }[];
      note: string | null;
      userId: string | null;
    },
  ) {
    await tx
      .insertInto('scorecard_formula')
      .values({
        version: f.version,
        components: JSON.stringify(f.components),
        note: f.note,
        created_by: f.userId,
      })
      .execute();
  },

  findRun(db: Executor, f: { level: string; parentId: string | null; period: string; version: number }) {
    return db
      .selectFrom('score_run')
      .select(['id', 'published_at'])
      .where('level', '=', f.level as 'province')
      .where((eb) => (f.parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', f.parentId)))
      .where('period', '=', f.period)
      .where('formula_version', '=', f.version)
      .executeTakeFirst();
  },

  runResults(db: Executor, runId: string) {
    return db
      .selectFrom('score_result')
      .select(['org_unit_id', 'rank', 'score', 'components'])
      .where('run_id', '=', runId)
      .execute() as Promise<
      { org_unit_id: string; rank: number | null; score: number | null; components: StoredComponent[] }[]
    >;
  },

  async insertRun(
    tx: Executor,
    run: {
      id: string;
      level: 'province' | 'ministry' | 'commune';
      parentId: string | null;
      period: string;
      version: number;
      userId: string | null;
    },
    rows: { unitId: string; rank: number | null; score: number | null; components: StoredComponent[] }[],
  ) {
    await tx
      .insertInto('score_run')
      .values({
        id: run.id,
        level: run.level,
        parent_id: run.parentId,
        period: run.period,
        formula_version: run.version,
        published_by: run.userId,
      })
      .execute();
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto('score_result')
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            run_id: run.id,
            org_unit_id: r.unitId,
            rank: r.rank,
            score: r.score,
            components: JSON.stringify(r.components),
          })),
        )
        .execute();
    }
  },

  pins(db: Executor, userId: string) {
    return db
      .selectFrom('dashboard_pin as p')
      .innerJoin('indicator as i', 'i.id', 'p.indicator_id')
      .select(['i.code', 'i.name', 'i.name_en'])
      .where('p.user_id', '=', userId)
      .orderBy('p.sort_order')
      .execute();
  },

  async replacePins(tx: Executor, userId: string, indicatorIds: string[]) {
    await tx.deleteFrom('dashboard_pin').where('user_id', '=', userId).execute();
    if (indicatorIds.length === 0) return;
    await tx
      .insertInto('dashboard_pin')
      .values(indicatorIds.map((id, i) => ({ user_id: userId, indicator_id: id, sort_order: i })))
      .execute();
  },

  indicatorsByCodes(db: Executor, codes: readonly string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('indicator').select(['id', 'code']).where('code', 'in', codes).execute();
  },

  /** Locks the formula table's newest row so two new versions are not numbered alike. */
  async lockFormulas(tx: Executor) {
    await sql`select version from scorecard_formula order by version desc limit 1 for update`.execute(tx);
  },
};
