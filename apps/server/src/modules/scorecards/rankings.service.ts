import type { Lang, RankDetail, RankingLevel, Rankings } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { StoredComponent } from '../../db/schema.scorecards.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { canSeeUnit } from '../org/index.ts';
import { parsePeriod, previousPeriod, type Period } from './kpi-seam.ts';
import { rankedUnits } from './ranking.repository.ts';
import { compositeScore, rank, scoreChange } from './scorecard-formula.ts';
import { assertScorecardStaff } from './scorecards.policy.ts';
import { scorecardsRepository as repo } from './scorecards.repository.ts';
import type { ScoreComponentSource } from './score-component.ts';

type Unit = Awaited<ReturnType<typeof rankedUnits>>[number];
interface Scored {
  unit: Unit;
  score: number | null;
  components: StoredComponent[];
  rank: number | null;
}
interface Table {
  version: number;
  publishedAt: Date | null;
  rows: Scored[];
}

const period = (code: string): Period => {
  const p = parsePeriod(code);
  if (!p) throw badRequest([{ path: 'period', key: 'period_code' }]);
  return p;
};

/** League tables: computed live from today's data, or read from a published (stored) run. */
export class RankingsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly sources: ReadonlyMap<string, ScoreComponentSource>,
  ) {}

  private async formula(ex: Executor, version: number | undefined) {
    const f = await repo.formula(ex, version);
    if (!f) throw notFound('formula_version_not_found');
    return f;
  }

  private async parent(ex: Executor, level: RankingLevel, code: string | undefined) {
    if (level !== 'commune') return null;
    if (!code) throw badRequest([{ path: 'parent', key: 'ranking_parent_required' }]);
    const u = await repo.unitByCode(ex, code);
    if (!u) throw notFound('unit_code_not_found');
    if (u.kind !== 'province') throw badRequest([{ path: 'parent', key: 'ranking_parent_not_province' }]);
    return u;
  }

  /** Scores every unit of the level live, with the formula's components. */
  async compute(
    ex: Executor,
    level: RankingLevel,
    parentId: string | null,
    p: Period,
    f: { version: number; components: { key: string; weight: number }[] },
  ) {
    const units = await rankedUnits(ex, level, parentId, p.end);
    const ctx = { period: p, roots: units };
    const values = new Map<string, Map<string, number | null>>();
    for (const c of f.components) {
      const source = this.sources.get(c.key);
      if (source && c.weight > 0 && units.length > 0) values.set(c.key, await source.compute(ex, ctx));
    }
    const scored = units.map((unit) => {
      const r = compositeScore(
        f.components,
        f.components.map((c) => ({ key: c.key, value: values.get(c.key)?.get(unit.id) ?? null })),
      );
      return {
        unit,
        score: r.score,
        components: r.components.map(({ key, weight, value }) => ({ key, weight, value })),
      };
    });
    return rank(scored, (a, b) => a.unit.code.localeCompare(b.unit.code));
  }

  private async table(
    ex: Executor,
    level: RankingLevel,
    parentId: string | null,
    p: Period,
    version: number | undefined,
  ): Promise<Table> {
    const f = await this.formula(ex, version);
    const run = await repo.findRun(ex, { level, parentId, period: p.code, version: f.version });
    if (run) {
      const units = new Map((await rankedUnits(ex, level, parentId, p.end)).map((u) => [u.id, u]));
      const rows = (await repo.runResults(ex, run.id))
        .filter((r) => units.has(r.org_unit_id))
        .map((r) => ({
          unit: units.get(r.org_unit_id)!,
          score: r.score,
          components: r.components,
          rank: r.rank,
        }))
        .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unit.code.localeCompare(b.unit.code));
      return { version: f.version, publishedAt: run.published_at, rows };
    }
    return { version: f.version, publishedAt: null, rows: await this.compute(ex, level, parentId, p, f) };
  }

  private render(level: RankingLevel, p: Period, prevCode: string, t: Table, prev: Table | null): Rankings {
    const before = new Map(prev?.rows.map((r) => [r.unit.id, r.score]) ?? []);
    return {
      formulaVersion: t.version,
      level,
      period: p.code,
      previousPeriod: prevCode,
      publishedAt: t.publishedAt?.toISOString() ?? null,
      items: t.rows.map((r) => ({
        rank: r.rank,
        unit: { code: r.unit.code, name: r.unit.name, nameEn: r.unit.name_en },
        score: r.score,
        change: scoreChange(r.score, before.get(r.unit.id)),
        components: r.components,
      })),
    };
  }

  async rankings(
    _ctx: RequestContext,
    q: {
      level: RankingLevel;
      period: string;
      parent?: string | undefined;
      formulaVersion?: number | undefined;
    },
  ): Promise<Rankings> {
    const p = period(q.period);
    return inTransaction(this.db, async (tx) => {
      const parent = await this.parent(tx, q.level, q.parent);
      const t = await this.table(tx, q.level, parent?.id ?? null, p, q.formulaVersion);
      const prevCode = previousPeriod(p.code);
      const prev = prevCode
        ? await this.table(tx, q.level, parent?.id ?? null, period(prevCode), t.version)
        : null;
      return this.render(q.level, p, prevCode ?? '', t, prev);
    });
  }

  /** Stores the league table with its formula version (once per level, parent, period and version). */
  async publish(
    ctx: RequestContext,
    body: { level: RankingLevel; period: string; parent?: string | undefined },
  ) {
    const p = period(body.period);
    await inTransaction(this.db, async (tx) => {
      assertScorecardStaff(ctx.actor);
      const parent = await this.parent(tx, body.level, body.parent);
      const f = await this.formula(tx, undefined);
      const key = { level: body.level, parentId: parent?.id ?? null, period: p.code, version: f.version };
      if (await repo.findRun(tx, key)) return; // already published: the stored table stands
      const rows = await this.compute(tx, body.level, key.parentId, p, f);
      const id = newId();
      await repo.insertRun(
        tx,
        { id, ...key, userId: ctx.actor.userId },
        rows.map((r) => ({ unitId: r.unit.id, rank: r.rank, score: r.score, components: r.components })),
      );
      await this.audit.record(tx, ctx, {
        action: 'ranking.publish',
        entityType: 'score_run',
        entityId: id,
        before: null,
        after: { ...key, units: rows.length },
      });
    });
    return this.rankings(ctx, { ...body, formulaVersion: undefined });
  }

  /** Why this rank: each component, its basis and the records behind it. */
  async detail(
    ctx: RequestContext,
    code: string,
    q: { period: string; formulaVersion?: number | undefined },
  ): Promise<RankDetail> {
    const p = period(q.period);
    const lang: Lang = ctx.lang;
    return inTransaction(this.db, async (tx) => {
      const unit = await repo.unitByCode(tx, code);
      if (!unit || !(await canSeeUnit(tx, ctx.actor, unit.id))) throw notFound('unit_code_not_found');
      if (unit.kind !== 'province' && unit.kind !== 'ministry' && unit.kind !== 'commune')
        throw new AppError(400, 'ranking_unit_not_ranked');
      const level = unit.kind;
      const parentId = level === 'commune' ? unit.parent_id : null;
      const t = await this.table(tx, level, parentId, p, q.formulaVersion);
      const mine = t.rows.find((r) => r.unit.id === unit.id);
      const ctxC = { period: p, roots: [unit] };
      const total =
        mine?.components.filter((c) => c.value !== null && c.weight > 0).reduce((s, c) => s + c.weight, 0) ??
        0;
      const components = [];
      for (const c of mine?.components ?? []) {
        const source = this.sources.get(c.key);
        components.push({
          key: c.key,
          name: source?.name[lang] ?? c.key,
          weight: c.weight,
          value: c.value,
          contribution:
            c.value !== null && total > 0 ? Math.round((c.weight / total) * c.value * 100) / 100 : 0,
          basis: source?.basis[lang] ?? '',
          records: source ? await source.records(tx, ctxC, unit.id, lang, 20) : [],
        });
      }
      return {
        formulaVersion: t.version,
        period: p.code,
        unit: { code: unit.code, name: unit.name, nameEn: unit.name_en },
        level,
        rank: mine?.rank ?? null,
        of: t.rows.length,
        score: mine?.score ?? null,
        components,
      };
    });
  }
}
