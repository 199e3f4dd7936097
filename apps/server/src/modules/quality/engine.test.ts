import { describe, expect, it } from 'vitest';
import { DEFAULT_ELEMENTS } from './dictionary.defaults.ts';
import { parseChecks } from './checks.ts';
import { Engine } from './engine.ts';
import { HashSet64 } from './hash-set.ts';
import { mask } from './formats.ts';

const ctx = {
  codeLists: new Map([
    ['gender', new Set(['1', '2', '3'])],
    ['admin_unit', new Set(['01', '00004'])],
  ]),
  elements: new Map(DEFAULT_ELEMENTS.map((e) => [e.code, e])),
};

/** Runs checks over a small table; returns the measurements by index. */
function measure(checks: unknown[], header: string[], rows: (string | undefined)[][], asOf = '2025-10-10') {
  const parsed = parseChecks(checks);
  expect(parsed.errors).toEqual([]);
  const e = new Engine(parsed.checks, ctx);
  e.header(header);
  rows.forEach((r, i) => e.row(r, i + 2));
  return e.finish(Date.UTC(+asOf.slice(0, 4), +asOf.slice(5, 7) - 1, +asOf.slice(8, 10)) / 86_400_000);
}

const H = ['id', 'cccd', 'phone', 'dob', 'sex', 'unit', 'updated'];
const ROWS = [
  ['1', '001234567890', '0912345678', '1990-01-31', '1', '01', '2025-10-01'],
  ['2', '001234567890', '02438123456', '1990-02-30', '2', '99', '2025-09-01'],
  ['3', '12345', '123', 'x', '4', '00004', ''],
  ['4', '', '', '', '', '', '2025-10-05'],
];

describe('data quality checks on crafted data', () => {
  it('missing_percent counts empty values (and a column the data lacks as all missing)', () => {
    const [m, absent] = measure(
      [
        { metric: 'missing_percent', column: 'cccd', must: { le: 25 }, criterion: 'sufficient' },
        { metric: 'missing_percent', column: 'nope', must: { lt: 1 }, criterion: 'sufficient' },
      ],
      H,
      ROWS,
    );
    expect([m!.value, m!.failing, m!.examined, m!.pass]).toEqual([25, 1, 4, true]);
    expect([absent!.value, absent!.pass]).toEqual([100, false]);
  });

  it('invalid_percent by format, pattern, code list and dictionary element', () => {
    const ms = measure(
      [
        {
          metric: 'invalid_percent',
          column: 'cccd',
          format: 'citizen_id',
          must: { eq: 0 },
          criterion: 'correct',
        },
        {
          metric: 'invalid_percent',
          column: 'phone',
          format: 'phone',
          must: { lt: 50 },
          criterion: 'correct',
        },
        { metric: 'invalid_percent', column: 'dob', format: 'date', must: { lt: 50 }, criterion: 'correct' },
        { metric: 'invalid_percent', column: 'id', pattern: '[12]', must: { eq: 0 }, criterion: 'correct' },
        {
          metric: 'invalid_percent',
          column: 'sex',
          codeList: 'gender',
          must: { eq: 0 },
          criterion: 'correct',
        },
        { metric: 'invalid_percent', column: 'cccd', element: 'CCCD', must: { eq: 0 }, criterion: 'correct' },
      ],
      H,
      ROWS,
    );
    expect(ms.map((m) => m.failing)).toEqual([1, 1, 2, 2, 1, 1]);
    expect(ms.map((m) => m.examined)).toEqual([3, 3, 3, 4, 3, 3]);
    expect(ms[2]!.value).toBeCloseTo(66.667, 3);
    expect(ms.map((m) => m.pass)).toEqual([false, true, false, false, false, false]);
    // failing examples are masked, never the value in clear
    expect(ms[0]!.examples).toEqual([{ row: 4, value: '1••••' }]);
    expect(ms[2]!.examples.map((e) => e.value)).toEqual(['19••••••30', 'x']);
  });

  it('duplicate_count on one key field and on a composite key', () => {
    const [one, two] = measure(
      [
        { metric: 'duplicate_count', column: 'cccd', must: { eq: 0 }, criterion: 'clean' },
        { metric: 'duplicate_count', columns: ['cccd', 'sex'], must: { eq: 0 }, criterion: 'clean' },
      ],
      H,
      ROWS,
    );
    expect([one!.value, one!.pass, one!.examples[0]!.value]).toEqual([1, false, '00••••••••90']);
    expect([two!.value, two!.pass]).toEqual([0, true]);
  });

  it('freshness is the age in days of the newest date', () => {
    const [f, none] = measure(
      [
        { metric: 'freshness', column: 'updated', must: { le: 7 }, criterion: 'living' },
        { metric: 'freshness', column: 'id', must: { le: 7 }, criterion: 'living' },
      ],
      H,
      ROWS,
    );
    expect([f!.value, f!.pass]).toEqual([5, true]);
    expect([none!.value, none!.pass]).toEqual([null, false]);
  });

  it('row_count, raw and against an expected size', () => {
    const [raw, pct] = measure(
      [
        { metric: 'row_count', must: { ge: 4 }, criterion: 'sufficient' },
        { metric: 'row_count', expected: 8, must: { ge: 90 }, criterion: 'sufficient' },
      ],
      H,
      ROWS,
    );
    expect([raw!.value, raw!.pass, pct!.value, pct!.pass]).toEqual([4, true, 50, false]);
  });

  it('reference against the unit tree codes', () => {
    const [r] = measure(
      [
        {
          metric: 'reference',
          column: 'unit',
          codeList: 'admin_unit',
          must: { lt: 10 },
          criterion: 'unified',
        },
      ],
      H,
      ROWS,
    );
    expect([r!.failing, r!.examined, r!.pass]).toEqual([1, 3, false]);
  });

  it('schema: mapped fields present in the data and known to the dictionary', () => {
    const [s] = measure(
      [
        {
          metric: 'schema',
          mapping: { cccd: 'CCCD', dob: 'NGAY_SINH', missing: 'HO_TEN', sex: 'NO_SUCH' },
          must: { eq: 100 },
          criterion: 'unified',
        },
      ],
      H,
      ROWS,
    );
    expect([s!.value, s!.failing, s!.pass]).toEqual([50, 2, false]);
    expect(s!.examples.map((e) => e.value)).toEqual(['missing', 'sex']);
  });
});

describe('check declarations', () => {
  it('names the check index and field of every error', () => {
    const { errors } = parseChecks([
      { metric: 'missing_percent', must: { lt: 1 }, criterion: 'sufficient' },
      { metric: 'bogus', criterion: 'correct' },
      { metric: 'row_count', must: { lt: 1, gt: 0 }, criterion: 'tidy', extra: 1 },
      { metric: 'invalid_percent', column: 'x', pattern: '(', must: { lt: 1 }, criterion: 'correct' },
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      'checks.0.column',
      'checks.1.metric',
      'checks.2.extra',
      'checks.2.criterion',
      'checks.2.must',
      'checks.3.pattern',
    ]);
    expect(errors[0]!.params).toMatchObject({ index: 1 });
  });
});

describe('compact hash set and mask', () => {
  it('finds every repeated key among 200,000 and no false duplicate', () => {
    const s = new HashSet64(16);
    let dups = 0;
    for (let i = 0; i < 200_000; i++) if (!s.add(String(i % 150_000).padStart(12, '0'))) dups++;
    expect(dups).toBe(50_000);
    expect(s.size).toBe(150_000);
  });

  it('masks all but the ends', () => {
    expect(mask('001234567890')).toBe('00••••••••90');
    expect(mask('abc')).toBe('a••');
    expect(mask('')).toBe('');
  });
});
