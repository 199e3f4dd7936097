import {
  QUALITY_CRITERIA,
  QUALITY_METRICS,
  type QualityCriterion,
  type QualityMetric,
} from '@pilotage/contracts';
import type { FieldError } from '../../http/errors.ts';
import { FORMATS, type FormatName } from './formats.ts';

/**
 * The check language (ADR 0019), in the spirit of SodaCL: each check is
 * `{ metric, column?, must: { lt|le|eq|ge|gt: n }, criterion }` plus the metric's options:
 *  - missing_percent  column                                   % of rows with an empty value
 *  - invalid_percent  column + one of format | pattern | codeList | element   % of non-empty values invalid
 *  - duplicate_count  column or columns (key fields)           rows whose key was already seen
 *  - freshness        column (a date)                          days from the newest value to the run
 *  - row_count        expected? (n rows)                       rows, or % of `expected` when given
 *  - reference        column + codeList (admin_unit: the unit tree's official codes)   % not found
 *  - schema           mapping { field: element code }          % of mapped fields present and known
 * This file only reads and validates declarations; engine.ts measures them.
 */
export const COMPARATORS = ['lt', 'le', 'eq', 'ge', 'gt'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface CheckDecl {
  metric: QualityMetric;
  column: string | null;
  columns: string[];
  must: { op: Comparator; n: number };
  criterion: QualityCriterion;
  format?: FormatName;
  pattern?: string;
  codeList?: string;
  element?: string;
  expected?: number;
  mapping?: Record<string, string>;
}

const NEEDS_COLUMN: readonly QualityMetric[] = [
  'missing_percent',
  'invalid_percent',
  'freshness',
  'reference',
];
const OPTION_KEYS = ['format', 'pattern', 'codeList', 'element', 'expected', 'mapping', 'columns'] as const;
const KNOWN = new Set(['metric', 'column', 'must', 'criterion', ...OPTION_KEYS]);

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const colName = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= 200;

/** Validates the declarations; every error names the check index and the field (`checks.3.must`). */
export function parseChecks(input: unknown[]): { checks: CheckDecl[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const checks: CheckDecl[] = [];
  input.forEach((raw, i) => {
    const at = (field: string, key: FieldError['key'], params: Record<string, string | number> = {}) =>
      errors.push({
        path: `checks.${i}${field ? `.${field}` : ''}`,
        key,
        params: { index: i + 1, ...params },
      });
    if (!isObj(raw)) return at('', 'quality_check_not_object');
    for (const k of Object.keys(raw)) if (!KNOWN.has(k)) at(k, 'quality_check_unknown_field', { field: k });
    const metric = raw.metric as QualityMetric;
    if (!QUALITY_METRICS.includes(metric))
      return at('metric', 'quality_check_metric', { allowed: QUALITY_METRICS.join(', ') });
    const criterion = raw.criterion as QualityCriterion;
    if (!QUALITY_CRITERIA.includes(criterion))
      at('criterion', 'quality_check_criterion', { allowed: QUALITY_CRITERIA.join(', ') });
    const must = raw.must;
    const ops = isObj(must) ? Object.keys(must) : [];
    const op = ops[0] as Comparator;
    const n = isObj(must) ? must[op] : undefined;
    if (ops.length !== 1 || !COMPARATORS.includes(op) || typeof n !== 'number' || !Number.isFinite(n))
      at('must', 'quality_check_must');
    const column = raw.column === undefined ? null : raw.column;
    if (column !== null && !colName(column)) at('column', 'quality_check_column');
    const columns = raw.columns === undefined ? (typeof column === 'string' ? [column] : []) : raw.columns;
    if (!Array.isArray(columns) || !columns.every(colName)) at('columns', 'quality_check_column');
    if (NEEDS_COLUMN.includes(metric) && column === null) at('column', 'quality_check_column_required');
    if (metric === 'duplicate_count' && Array.isArray(columns) && columns.length === 0)
      at('columns', 'quality_check_column_required');
    const decl: CheckDecl = {
      metric,
      column: typeof column === 'string' ? column : null,
      columns: Array.isArray(columns) ? (columns as string[]) : [],
      must: { op, n: n as number },
      criterion,
    };
    if (raw.format !== undefined) {
      if (!(typeof raw.format === 'string' && raw.format in FORMATS))
        at('format', 'quality_check_format', { allowed: Object.keys(FORMATS).join(', ') });
      else decl.format = raw.format as FormatName;
    }
    if (raw.pattern !== undefined) {
      try {
        if (typeof raw.pattern !== 'string' || raw.pattern.length > 500) throw new Error('pattern');
        new RegExp(raw.pattern, 'u');
        decl.pattern = raw.pattern;
      } catch {
        at('pattern', 'quality_check_pattern');
      }
    }
    for (const k of ['codeList', 'element'] as const)
      if (raw[k] !== undefined) {
        if (typeof raw[k] === 'string' && raw[k].trim()) decl[k] = raw[k].trim();
        else at(k, 'quality_check_option');
      }
    if (raw.expected !== undefined) {
      if (typeof raw.expected === 'number' && raw.expected > 0) decl.expected = raw.expected;
      else at('expected', 'quality_check_expected');
    }
    if (raw.mapping !== undefined) {
      if (isObj(raw.mapping) && Object.values(raw.mapping).every((v) => typeof v === 'string'))
        decl.mapping = raw.mapping as Record<string, string>;
      else at('mapping', 'quality_check_mapping');
    }
    if (
      metric === 'invalid_percent' &&
      ['format', 'pattern', 'codeList', 'element'].every((k) => raw[k] === undefined)
    )
      at('format', 'quality_check_rule_required');
    if (metric === 'reference' && !decl.codeList) at('codeList', 'quality_check_option');
    if (metric === 'schema' && !decl.mapping) at('mapping', 'quality_check_mapping');
    checks.push(decl);
  });
  return { checks, errors };
}

/** The comparison a check's `must` states. */
export function passes(value: number | null, must: CheckDecl['must']): boolean {
  if (value === null || Number.isNaN(value)) return false;
  switch (must.op) {
    case 'lt':
      return value < must.n;
    case 'le':
      return value <= must.n;
    case 'eq':
      return value === must.n;
    case 'ge':
      return value >= must.n;
    case 'gt':
      return value > must.n;
  }
}

/** A declaration as stored (the JSON the owner wrote, normalised). */
export function toStored(c: CheckDecl): Record<string, unknown> {
  const out: Record<string, unknown> = { metric: c.metric };
  if (c.column !== null) out.column = c.column;
  if (c.metric === 'duplicate_count' && (c.columns.length > 1 || c.column === null)) out.columns = c.columns;
  out.must = { [c.must.op]: c.must.n };
  out.criterion = c.criterion;
  for (const k of ['format', 'pattern', 'codeList', 'element', 'expected', 'mapping'] as const)
    if (c[k] !== undefined) out[k] = c[k];
  return out;
}
