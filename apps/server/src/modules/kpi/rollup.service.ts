import type { IndicatorValueRow, IndicatorValues, KpiCompletenessRow } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { canSeeUnit, orgTree } from '../org/index.ts';
import { parseExpression, referencedCodes } from './expression.ts';
import { metadataRepository as meta } from './metadata.repository.ts';
import { KPI_PERIOD_TYPES, type KpiPeriodType } from '@pilotage/contracts';
import { parsePeriod, periodsWithin, PERIOD_RANK, type Period } from './periods.ts';
import { rollupRepository, type Partial } from './rollup.repository.ts';
import { combine, indicatorFigure } from './rollup.rules.ts';
import { unitFor } from './import.resolve.ts';

type UnitRow = Awaited<ReturnType<typeof orgTree.children>>[number];

/** Every period code of the same or a finer type inside `p` (202507…202509 and 2025Q3 for 2025Q3). */
export function periodCodesWithin(p: Period): string[] {
  return KPI_PERIOD_TYPES.filter((t: KpiPeriodType) => PERIOD_RANK[t] <= PERIOD_RANK[p.type]).flatMap((t) =>
    periodsWithin(p.code, t),
  );
}

/**
 * Live figures (aggregate on read, ADR 0015): an indicator's value for a unit and each of its children, a
 * data set's completeness. The next request after an import sees it; nothing is cached.
 */
export class KpiRollupService {
  constructor(private readonly db: Db) {}

  private async unitAndChildren(db: Executor, ctx: RequestContext, code: string | undefined, p: Period) {
    let unit: UnitRow | undefined;
    if (code) {
      // today's unit first (a series for today's provinces takes in their former ones), else a former one
      const candidates = await orgTree.unitsByCodes(db, [code]);
      const picked = unitFor(
        candidates.map((u) => ({ ...u, validFrom: u.valid_from, validTo: u.valid_to })),
        p,
      );
      unit = candidates.find((u) => u.valid_to === null) ?? candidates.find((u) => u.id === picked?.id);
    } else {
      [unit] = await orgTree.unitsByIds(db, [ctx.actor.scopeRootId]);
    }
    if (!unit || !(await canSeeUnit(db, ctx.actor, unit.id))) throw notFound('unit_not_found');
    return { unit, children: await orgTree.children(db, unit.id) };
  }

  async indicatorValues(
    ctx: RequestContext,
    code: string,
    q: { period: string; parent?: string | undefined },
  ): Promise<IndicatorValues> {
    const period = parsePeriod(q.period);
    if (!period) throw badRequest([{ path: 'period', key: 'period_code' }]);
    const ind = await meta.indicatorByCode(this.db, code);
    if (!ind) throw notFound('indicator_not_found');
    const numerator = parseExpression(ind.numerator);
    const denominator = parseExpression(ind.denominator);
    const codes = [...new Set([...referencedCodes(numerator), ...referencedCodes(denominator)])];
    const elements = await meta.elementsByCodes(this.db, codes);
    const { unit, children } = await this.unitAndChildren(this.db, ctx, q.parent, period);
    const targets = [unit, ...children];
    const parts = await rollupRepository.partials(
      this.db,
      targets.map((u) => u.id),
      {
        sumLike: elements.filter((e) => e.aggregation !== 'last').map((e) => e.id),
        last: elements.filter((e) => e.aggregation === 'last').map((e) => e.id),
      },
      periodCodesWithin(period),
    );
    const byUnit = new Map<string, Partial[]>();
    for (const p of parts) byUnit.set(p.unit_id, [...(byUnit.get(p.unit_id) ?? []), p]);
    const def = { numerator, denominator, factor: Number(ind.factor), decimals: ind.decimals };
    const row = (u: UnitRow): IndicatorValueRow => {
      const mine = byUnit.get(u.id) ?? [];
      const values = new Map<string, number | null>();
      const former = new Set<string>();
      for (const e of elements) {
        const c = combine(
          mine.filter((p) => p.element_id === e.id),
          e.aggregation,
        );
        values.set(e.code, c.value);
        for (const f of c.former) former.add(f);
      }
      const fig = indicatorFigure(def, values, former);
      return {
        code: u.code,
        name: ctx.lang === 'en' ? (u.name_en ?? u.name) : u.name,
        value: fig.value,
        numerator: fig.numerator,
        denominator: fig.denominator,
        ...(fig.former.length ? { former: fig.former } : {}),
      };
    };
    return {
      indicator: {
        code: ind.code,
        name: ctx.lang === 'en' ? (ind.name_en ?? ind.name) : ind.name,
        unitOfMeasure: ind.unit_of_measure,
      },
      period: period.code,
      unit: row(unit),
      children: children.map(row),
    };
  }

  async completeness(ctx: RequestContext, code: string, q: { period: string; parent?: string | undefined }) {
    const period = parsePeriod(q.period);
    if (!period) throw badRequest([{ path: 'period', key: 'period_code' }]);
    const set = await meta.dataSetByCode(this.db, code);
    if (!set) throw notFound('data_set_not_found');
    const { unit, children } = await this.unitAndChildren(this.db, ctx, q.parent, period);
    const targets = [unit, ...children];
    const figures = await rollupRepository.completeness(
      this.db,
      targets.map((u) => u.id),
      { id: set.id, levels: set.levels, timelyDays: set.timely_days },
      period,
    );
    const row = (u: UnitRow): KpiCompletenessRow => ({
      code: u.code,
      name: ctx.lang === 'en' ? (u.name_en ?? u.name) : u.name,
      ...(figures.get(u.id) ?? { expected: 0, received: 0, onTime: 0 }),
    });
    return { dataSet: set.code, period: period.code, unit: row(unit), children: children.map(row) };
  }
}
