import type { Measurement, QualityRankings } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { Executor } from '../../db/transaction.ts';
import { todayVn } from '../tasks/index.ts';
import { FORMULA_VERSION, phaseOf, unitScore, type CriterionScores } from './quality-score.ts';
import { qualityRepository as repo } from './quality.repository.ts';

/**
 * League tables per year: each database ranks by the score of its latest finished run of that year (ties:
 * name); owner units rank by the mean of their databases' scores. Visible to every signed-in user: scores,
 * classes and failing checks (metric, column, value) only — never examples.
 */
export class RankingsService {
  constructor(private readonly db: Db) {}

  async rankings(year = Number(todayVn().slice(0, 4)), ex: Executor = this.db): Promise<QualityRankings> {
    const rows = (await repo.latestDone(ex, year))
      .map((r) => ({ ...r, score: Number(r.score) }))
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'));
    const items: QualityRankings['items'] = [];
    rows.forEach((r, i) => {
      const prev = items[i - 1];
      items.push({
        rank: prev && prev.score === r.score ? prev.rank : i + 1,
        database: { id: r.database_id, name: r.name, kind: r.kind },
        ownerUnit: { id: r.owner_unit_id, code: r.owner_code, name: r.owner_name },
        score: r.score,
        grade: r.grade ?? 'C',
        criteria: r.criteria as CriterionScores,
        assessmentId: r.id,
        failing: ((r.measurements as Measurement[] | null) ?? [])
          .filter((m) => !m.pass)
          .map((m) => ({ metric: m.metric, column: m.column, criterion: m.criterion, value: m.value })),
      });
    });
    const byUnit = new Map<
      string,
      {
        unit: QualityRankings['items'][number]['ownerUnit'];
        scores: { score: number; grade: 'A' | 'B' | 'C' }[];
      }
    >();
    for (const it of items) {
      const u = byUnit.get(it.ownerUnit.id) ?? { unit: it.ownerUnit, scores: [] };
      u.scores.push({ score: it.score, grade: it.grade });
      byUnit.set(it.ownerUnit.id, u);
    }
    const units = [...byUnit.values()]
      .map((u) => ({ ownerUnit: u.unit, databases: u.scores.length, ...unitScore(u.scores)! }))
      .sort((a, b) => b.score - a.score || a.ownerUnit.code.localeCompare(b.ownerUnit.code));
    const ranked: QualityRankings['units'] = [];
    units.forEach((u, i) => {
      const prev = ranked[i - 1];
      ranked.push({ ...u, rank: prev && prev.score === u.score ? prev.rank : i + 1 });
    });
    return { year, phase: phaseOf(year), formulaVersion: FORMULA_VERSION, items, units: ranked };
  }

  async rankOf(databaseId: string, year: number): Promise<number | null> {
    const r = await this.rankings(year);
    return r.items.find((i) => i.database.id === databaseId)?.rank ?? null;
  }

  /**
   * Each owner unit's quality score for a period (a year, or a date range whose end year is used): the KPI
   * scorecard's component. Map unit id → { score 0–100, grade, databases }.
   */
  async unitScores(period: { year: number } | { from: string; to: string }) {
    const year = 'year' in period ? period.year : Number(period.to.slice(0, 4));
    const r = await this.rankings(year);
    return new Map(
      r.units.map((u) => [u.ownerUnit.id, { score: u.score, grade: u.grade, databases: u.databases }]),
    );
  }

  async csv(year?: number): Promise<{ text: string; year: number }> {
    const r = await this.rankings(year);
    const head = [
      'rank',
      'database',
      'kind',
      'owner_code',
      'owner',
      'score',
      'grade',
      'correct',
      'sufficient',
      'clean',
      'living',
      'unified',
      'shared',
      'failing_checks',
    ];
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
      const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const lines = [head.join(',')];
    for (const i of r.items)
      lines.push(
        [
          i.rank,
          i.database.name,
          i.database.kind,
          i.ownerUnit.code,
          i.ownerUnit.name,
          i.score,
          i.grade,
          i.criteria.correct,
          i.criteria.sufficient,
          i.criteria.clean,
          i.criteria.living,
          i.criteria.unified,
          i.criteria.shared,
          i.failing.map((f) => `${f.metric}${f.column ? `(${f.column})` : ''}=${f.value ?? '-'}`).join(' | '),
        ]
          .map(cell)
          .join(','),
      );
    return { text: '\uFEFF' + lines.join('\r\n') + '\r\n', year: r.year };
  }
}
