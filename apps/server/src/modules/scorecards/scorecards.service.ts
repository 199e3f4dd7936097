import type {
  DashboardPins,
  Formulas,
  FormulaVersion,
  IndicatorTargets,
  IndicatorTrajectory,
  NewFormulaBody,
  ProvinceValues,
  SetTargetsBody,
} from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { badRequest, conflict, notFound, type FieldError } from '../../http/errors.ts';
import type { MessageKey } from '../../http/messages.ts';
import type { AuditService } from '../audit/index.ts';
import { canSeeUnit } from '../org/index.ts';
import { judge } from './kpi-judgement.ts';
import { parsePeriod, periodsWithin } from './kpi-seam.ts';
import { indicatorValues } from './kpi-values.repository.ts';
import { rankedUnits } from './ranking.repository.ts';
import { formulaProblems } from './scorecard-formula.ts';
import { assertPerson, assertScorecardStaff } from './scorecards.policy.ts';
import { scorecardsRepository as repo } from './scorecards.repository.ts';
import type { ScoreComponentSource } from './score-component.ts';
import { normaliseTrajectory, targetOn, trajectoryFor } from './targets.ts';

/** Targets and trajectories, formula versions, dashboard pins. */
export class ScorecardsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly sources: ReadonlyMap<string, ScoreComponentSource>,
  ) {}

  private async indicator(ex: Executor, code: string) {
    const i = await repo.indicatorByCode(ex, code);
    if (!i) throw notFound('indicator_not_found');
    return i;
  }

  private async targetsOf(ex: Executor, code: string): Promise<IndicatorTargets> {
    const i = await this.indicator(ex, code);
    const rows = await repo.targets(ex, [i.id]);
    const byUnit = new Map<string, IndicatorTargets['trajectories'][number]>();
    for (const r of rows) {
      const k = r.org_unit_id ?? '';
      if (!byUnit.has(k))
        byUnit.set(k, {
          unit: r.unit_code ? { code: r.unit_code, name: r.unit_name!, nameEn: r.unit_name_en } : null,
          points: [],
        });
      byUnit.get(k)!.points.push({ date: r.target_date, value: r.value });
    }
    return {
      indicator: { code: i.code, name: i.name, nameEn: i.name_en, direction: i.direction },
      trajectories: [...byUnit.values()],
    };
  }

  targets(_ctx: RequestContext, code: string) {
    return inTransaction(this.db, (tx) => this.targetsOf(tx, code));
  }

  setTargets(ctx: RequestContext, code: string, body: SetTargetsBody) {
    return inTransaction(this.db, async (tx) => {
      assertScorecardStaff(ctx.actor);
      const i = await this.indicator(tx, code);
      let unitId: string | null = null;
      if (body.unit) {
        const u = await repo.unitByCode(tx, body.unit);
        if (!u || !(await canSeeUnit(tx, ctx.actor, u.id)))
          throw badRequest([{ path: 'unit', key: 'unit_code_not_found' }]);
        unitId = u.id;
      }
      const before = await this.targetsOf(tx, code);
      const points = normaliseTrajectory(body.points);
      await repo.replaceTargets(
        tx,
        i.id,
        unitId,
        points.map((p) => ({ id: newId(), ...p })),
        ctx.actor.userId,
      );
      await this.audit.record(tx, ctx, {
        action: 'kpi_target.set',
        entityType: 'indicator',
        entityId: i.id,
        before: before.trajectories.find((t) => (t.unit?.code ?? null) === (body.unit ?? null)) ?? null,
        after: { unit: body.unit ?? null, points },
      });
      return this.targetsOf(tx, code);
    });
  }

  /** A unit's (default: the national root's) monthly values against its trajectory, judged. */
  trajectory(
    ctx: RequestContext,
    code: string,
    q: { unit?: string | undefined; from?: string | undefined; to?: string | undefined },
  ): Promise<IndicatorTrajectory> {
    return inTransaction(this.db, async (tx) => {
      const i = await this.indicator(tx, code);
      const unit = q.unit
        ? await repo.unitByCode(tx, q.unit)
        : await tx
            .selectFrom('org_unit')
            .select(['id', 'code', 'name', 'name_en', 'kind', 'parent_id', 'valid_from', 'valid_to'])
            .where('kind', '=', 'national')
            .executeTakeFirst();
      // aggregates of provinces and the nation are shown to every signed-in user; other units in scope only
      const visible =
        unit &&
        (unit.kind === 'national' || unit.kind === 'province' || (await canSeeUnit(tx, ctx.actor, unit.id)));
      if (!unit || !visible) throw notFound('unit_code_not_found');
      const from = parsePeriod(q.from ?? '2025')!;
      const to = parsePeriod(q.to ?? q.from ?? '2025')!;
      const months = [];
      for (let y = from.year; y <= to.year; y++) months.push(...periodsWithin(String(y), 'monthly'));
      const periods = months.filter(
        (m) => m >= from.start.slice(0, 7).replace('-', '') && m <= to.end.slice(0, 7).replace('-', ''),
      );
      if (periods.length > 120) throw badRequest([{ path: 'to', key: 'validation_failed' }]);
      const values = await indicatorValues(tx, [i], [unit.id], periods);
      const points = (await repo.targets(tx, [i.id])).map((t) => ({
        unitId: t.org_unit_id,
        date: t.target_date,
        value: t.value,
      }));
      const own = trajectoryFor(points, unit.id);
      return {
        indicator: {
          code: i.code,
          name: i.name,
          nameEn: i.name_en,
          direction: i.direction,
          unitOfMeasure: i.unit_of_measure,
        },
        unit: { code: unit.code, name: unit.name, nameEn: unit.name_en },
        points: periods.map((period) => {
          const end = parsePeriod(period)!.end;
          const value = values.get(i.code)?.get(unit.id)?.get(period) ?? null;
          const target = targetOn(own, end);
          const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
          return {
            period,
            end,
            value: round(value),
            target: round(target),
            judgement: value !== null && target !== null ? judge(value, target, i.direction) : null,
          };
        }),
      };
    });
  }

  /** The map: the indicator in each province valid at the period's end (former ones before 1 July 2025). */
  provinceValues(_ctx: RequestContext, code: string, period: string): Promise<ProvinceValues> {
    return inTransaction(this.db, async (tx) => {
      const i = await this.indicator(tx, code);
      const p = parsePeriod(period);
      if (!p) throw badRequest([{ path: 'period', key: 'period_code' }]);
      const units = await rankedUnits(tx, 'province', null, p.end);
      const values = await indicatorValues(
        tx,
        [i],
        units.map((u) => u.id),
        [p.code],
      );
      return {
        indicator: { code: i.code, name: i.name, nameEn: i.name_en },
        period: p.code,
        items: units.map((u) => {
          const v = values.get(i.code)?.get(u.id)?.get(p.code) ?? null;
          return {
            code: u.code,
            name: u.name,
            nameEn: u.name_en,
            value: v === null ? null : Math.round(v * 100) / 100,
          };
        }),
      };
    });
  }

  async formulas(_ctx: RequestContext, lang = _ctx.lang): Promise<Formulas> {
    const rows = await repo.formulas(this.db);
    const versions: FormulaVersion[] = rows.map((r) => ({
      version: r.version,
      components: r.components,
      note: r.note,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_by_name,
    }));
    return {
      current: versions[0]!,
      versions,
      available: [...this.sources.values()].map((s) => ({
        key: s.key,
        name: s.name[lang],
        description: s.basis[lang],
      })),
    };
  }

  newFormula(ctx: RequestContext, body: NewFormulaBody): Promise<FormulaVersion> {
    return inTransaction(this.db, async (tx) => {
      assertScorecardStaff(ctx.actor);
      const problems = formulaProblems(body.components, [...this.sources.keys()]);
      if (problems.length > 0) {
        const errors: FieldError[] = problems.map((p) => {
          const index = body.components.findIndex((c) => c.key === p.key);
          const path =
            p.problem === 'no_weight'
              ? 'components'
              : `components.${index}.${p.problem === 'bad_weight' ? 'weight' : 'key'}`;
          return { path, key: `formula_${p.problem}` as MessageKey, params: { key: p.key } };
        });
        throw badRequest(errors);
      }
      await repo.lockFormulas(tx);
      const latest = await repo.formula(tx);
      const version = (latest?.version ?? 0) + 1;
      try {
        await repo.insertFormula(tx, {
          version,
          components: body.components,
          note: body.note ?? null,
          userId: ctx.actor.userId,
        });
      } catch {
        throw conflict('formula_version_conflict');
      }
      await this.audit.record(tx, ctx, {
        action: 'scorecard_formula.create',
        entityType: 'scorecard_formula',
        entityId: String(version),
        before: latest ? { version: latest.version, components: latest.components } : null,
        after: { version, components: body.components, note: body.note ?? null },
      });
      return {
        version,
        components: body.components,
        note: body.note ?? null,
        createdAt: new Date().toISOString(),
        createdBy: ctx.actor.name,
      };
    });
  }

  async pins(ctx: RequestContext): Promise<DashboardPins> {
    const userId = assertPerson(ctx.actor);
    const rows = await repo.pins(this.db, userId);
    return { items: rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en })) };
  }

  setPins(ctx: RequestContext, body: { indicators: string[] }): Promise<DashboardPins> {
    return inTransaction(this.db, async (tx) => {
      const userId = assertPerson(ctx.actor);
      const codes = [...new Set(body.indicators)];
      const found = new Map((await repo.indicatorsByCodes(tx, codes)).map((r) => [r.code, r.id]));
      const missing = codes.findIndex((c) => !found.has(c));
      if (missing >= 0) throw badRequest([{ path: `indicators.${missing}`, key: 'indicator_not_found' }]);
      const before = await repo.pins(tx, userId);
      await repo.replacePins(
        tx,
        userId,
        codes.map((c) => found.get(c)!),
      );
      await this.audit.record(tx, ctx, {
        action: 'dashboard.pins',
        entityType: 'user',
        entityId: userId,
        before: { indicators: before.map((b) => b.code) },
        after: { indicators: codes },
      });
      const rows = await repo.pins(tx, userId);
      return { items: rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en })) };
    });
  }
}
