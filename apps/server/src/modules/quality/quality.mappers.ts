import type { Assessment, QualityDatabase } from '@pilotage/contracts';
import type { z } from 'zod';
import type { AssessmentSummary } from '@pilotage/contracts';
import type { AssessmentRow, DatabaseRow, SummaryRow } from './quality.repository.ts';

/** Rows → contract shapes (bigint columns come back as strings on node-postgres). */
const num = (v: string | number | null) => (v === null ? null : Number(v));
const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const dateText = (d: unknown) =>
  d === null || d === undefined
    ? null
    : d instanceof Date
      ? d.toISOString().slice(0, 10)
      : typeof d === 'string'
        ? d
        : JSON.stringify(d);

type Summary = z.infer<typeof AssessmentSummary>;

/** Summaries oldest first, each done run with its change against the previous done run. */
export function withTrend(rows: SummaryRow[]): Summary[] {
  let previous: number | null = null;
  return rows.map((r) => {
    const score = r.score === null ? null : Number(r.score);
    const trend =
      r.status === 'done' && score !== null && previous !== null
        ? Math.round((score - previous) * 10) / 10
        : null;
    if (r.status === 'done' && score !== null) previous = score;
    return {
      id: r.id,
      status: r.status,
      year: r.year,
      score,
      grade: r.grade,
      createdAt: iso(r.created_at),
      trend,
    };
  });
}

export function toDatabase(r: DatabaseRow, history: Summary[]): QualityDatabase {
  return {
    id: r.id,
    name: r.name,
    owner: { id: r.owner_unit_id, code: r.owner_code, name: r.owner_name },
    kind: r.kind,
    legalBasis: r.legal_basis,
    description: r.description,
    recordCount: num(r.record_count),
    updateFrequency: r.update_frequency,
    lastUpdatedOn: dateText(r.last_updated_on),
    connectedToPlatform: r.connected_to_platform,
    consumerUnitIds: r.consumer_unit_ids as string[],
    sharedApis: r.shared_apis as string[],
    checks: r.checks as Record<string, unknown>[],
    checksVersion: r.checks_version,
    latest: history.at(-1) ?? null,
  };
}

const EMPTY_CRITERIA = {
  correct: null,
  sufficient: null,
  clean: null,
  living: null,
  unified: null,
  shared: null,
};

export function toAssessment(a: AssessmentRow, error: string | null): Assessment {
  return {
    id: a.id,
    databaseId: a.database_id,
    status: a.status,
    progress: Math.round(Number(a.progress) * 1000) / 1000,
    rowsRead: Number(a.rows_read),
    source: a.source,
    sourceLabel: a.source_label,
    year: a.year,
    phase: a.phase,
    measurements: (a.measurements as Assessment['measurements'] | null) ?? [],
    criteria: (a.criteria as Assessment['criteria'] | null) ?? EMPTY_CRITERIA,
    score: a.score === null ? null : Number(a.score),
    grade: a.grade,
    formulaVersion: a.formula_version,
    error,
    createdAt: iso(a.created_at),
    finishedAt: a.finished_at ? iso(a.finished_at) : null,
  };
}
