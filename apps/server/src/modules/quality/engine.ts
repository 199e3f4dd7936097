import type { DictionaryElement, Measurement } from '@pilotage/contracts';
import { passes, type CheckDecl } from './checks.ts';
import { dayNumber, FORMATS, mask } from './formats.ts';
import { HashSet64 } from './hash-set.ts';

/**
 * Measures declared checks over a stream of rows, one pass, constant memory except the duplicate hash set:
 * `header(names)` once, `row(values)` per row, `finish(asOfDay)` for the measurements. Keeps only counters
 * and at most EXAMPLES masked failing values per check.
 */
export const EXAMPLES = 3;

export interface EngineContext {
  /** Code lists by code (admin_unit included: the official unit codes). */
  codeLists: Map<string, Set<string>>;
  elements: Map<string, DictionaryElement>;
}

type Test = (v: string) => boolean;

interface State {
  decl: CheckDecl;
  idx: number[];
  test?: Test;
  failing: number;
  examined: number;
  examples: { row: number; value: string }[];
  seen?: HashSet64;
  newest?: number;
  newestIso?: string;
  value?: number | null;
}

const empty = (v: string | undefined): v is undefined | '' => v === undefined || v === '';

function ruleOf(d: CheckDecl, ctx: EngineContext): Test {
  const tests: Test[] = [];
  if (d.format) tests.push(FORMATS[d.format]);
  if (d.pattern) {
    const re = new RegExp(`^(?:${d.pattern})$`, 'u');
    tests.push((v) => re.test(v));
  }
  const listCode = d.codeList;
  if (listCode) {
    const list = ctx.codeLists.get(listCode) ?? new Set<string>();
    tests.push((v) => list.has(v));
  }
  const el = d.element ? ctx.elements.get(d.element) : undefined;
  if (d.element && !el) tests.push(() => false);
  if (el) {
    if (el.pattern) {
      const re = new RegExp(`^(?:${el.pattern})$`, 'u');
      tests.push((v) => re.test(v));
    }
    if (el.maxLength) tests.push((v) => v.length <= el.maxLength!);
    if (el.type === 'integer') tests.push(FORMATS.integer);
    if (el.type === 'decimal') tests.push(FORMATS.decimal);
    if (el.type === 'date') tests.push(FORMATS.date);
    if (el.type === 'boolean') tests.push(FORMATS.boolean);
    if (el.codeList) {
      const list = ctx.codeLists.get(el.codeList) ?? new Set<string>();
      tests.push((v) => list.has(v));
    }
  }
  return tests.length === 1 ? tests[0]! : (v) => tests.every((t) => t(v));
}

export class Engine {
  private states: State[];
  private rows = 0;
  private headerNames: string[] = [];

  constructor(
    checks: CheckDecl[],
    private readonly ctx: EngineContext,
  ) {
    this.states = checks.map((decl) => ({ decl, idx: [], failing: 0, examined: 0, examples: [] }));
  }

  /** The column names, in order; columns a check names but the data lacks count as missing values. */
  header(names: string[]): void {
    this.headerNames = names.map((n) => n.trim());
    const pos = new Map(this.headerNames.map((n, i) => [n, i]));
    for (const s of this.states) {
      const d = s.decl;
      const cols = d.metric === 'duplicate_count' ? d.columns : d.column ? [d.column] : [];
      s.idx = cols.map((c) => pos.get(c) ?? -1);
      if (d.metric === 'invalid_percent' || d.metric === 'reference') s.test = ruleOf(d, this.ctx);
      if (d.metric === 'duplicate_count') s.seen = new HashSet64();
    }
  }

  private fail(s: State, rowNo: number, value: string) {
    s.failing++;
    if (s.examples.length < EXAMPLES) s.examples.push({ row: rowNo, value: mask(value) });
  }

  /** One data row (values by header position); `rowNo` is the row's number in the source, for examples. */
  row(values: readonly (string | undefined)[], rowNo: number): void {
    this.rows++;
    for (const s of this.states) {
      switch (s.decl.metric) {
        case 'missing_percent': {
          const i = s.idx[0]!;
          s.examined++;
          if (i < 0 || empty(values[i]?.trim())) {
            s.failing++;
            if (s.examples.length < EXAMPLES) s.examples.push({ row: rowNo, value: '' });
          }
          break;
        }
        case 'invalid_percent':
        case 'reference': {
          const v = values[s.idx[0]!]?.trim();
          if (empty(v)) break;
          s.examined++;
          if (!s.test!(v)) this.fail(s, rowNo, v);
          break;
        }
        case 'duplicate_count': {
          let key = '';
          let any = false;
          for (const i of s.idx) {
            const v = i < 0 ? undefined : values[i]?.trim();
            if (!empty(v)) any = true;
            key += (v ?? '') + '\u0001';
          }
          if (!any) break;
          s.examined++;
          if (!s.seen!.add(key)) this.fail(s, rowNo, key.split('\u0001').join(' ').trim());
          break;
        }
        case 'freshness': {
          const v = values[s.idx[0]!];
          if (empty(v)) break;
          const t = v.trim();
          // ISO dates compare as text: only a later one is converted (hot path)
          if (t.length >= 10 && t.charCodeAt(4) === 45) {
            if (s.newestIso !== undefined && t <= s.newestIso) break;
            const day = dayNumber(t);
            if (!Number.isNaN(day) && (s.newest === undefined || day > s.newest)) {
              s.newest = day;
              s.newestIso = t;
            }
          } else {
            const day = dayNumber(t);
            if (!Number.isNaN(day) && (s.newest === undefined || day > s.newest)) s.newest = day;
          }
          break;
        }
        default:
          break; // row_count and schema need no per-row work
      }
    }
  }

  /** The measurements; `asOfDay` is the run's day number (days since the epoch) for freshness. */
  finish(asOfDay: number): Measurement[] {
    return this.states.map((s, index) => {
      const d = s.decl;
      let value: number | null;
      let failing: number | null = s.failing;
      let examined: number | null = s.examined;
      switch (d.metric) {
        case 'missing_percent':
        case 'invalid_percent':
        case 'reference':
          value =
            s.examined === 0 ? (d.metric === 'missing_percent' ? null : 0) : (100 * s.failing) / s.examined;
          break;
        case 'duplicate_count':
          value = s.failing;
          break;
        case 'freshness':
          value = s.newest === undefined ? null : Math.max(0, Math.floor(asOfDay - s.newest));
          failing = examined = null;
          break;
        case 'row_count':
          value = d.expected ? (100 * this.rows) / d.expected : this.rows;
          failing = null;
          examined = this.rows;
          break;
        case 'schema': {
          const present = new Set(this.headerNames);
          const entries = Object.entries(d.mapping ?? {});
          const ok = entries.filter(([f, el]) => present.has(f) && this.ctx.elements.has(el)).length;
          value = entries.length === 0 ? 0 : (100 * ok) / entries.length;
          failing = entries.length - ok;
          examined = entries.length;
          s.examples = entries
            .filter(([f, el]) => !(present.has(f) && this.ctx.elements.has(el)))
            .slice(0, EXAMPLES)
            .map(([f]) => ({ row: 0, value: f })); // field names, not data
          break;
        }
      }
      if (value !== null) value = Math.round(value * 1000) / 1000;
      return {
        index,
        metric: d.metric,
        column: d.metric === 'duplicate_count' ? d.columns.join('+') : d.column,
        criterion: d.criterion,
        value,
        pass: passes(value, d.must),
        failing,
        examined,
        examples: s.examples,
      };
    });
  }

  get rowCount(): number {
    return this.rows;
  }
}
