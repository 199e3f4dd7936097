import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate.ts';
import type { Translate } from '../../i18n/index.tsx';
import { EMPTY_VALUES } from './localDraft.ts';
import { formatPeriod } from './period.ts';
import { fingerprint } from './transport.ts';
import { checkValues } from './useReportEditor.ts';

const vi: Translate = (key, params) => translate('vi', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('report form rules', () => {
  it('names reporting periods in both languages', () => {
    expect(formatPeriod(vi, '2025-06')).toBe('Tháng 6/2025');
    expect(formatPeriod(vi, '2025-Q2')).toBe('Quý 2/2025');
    expect(formatPeriod(vi, '2025-H1')).toBe('6 tháng đầu năm 2025');
    expect(formatPeriod(vi, '2025')).toBe('Năm 2025');
    expect(formatPeriod(en, '2025-06')).toBe('June 2025');
    expect(formatPeriod(en, '2026-Q3')).toBe('Q3 2026');
    expect(formatPeriod(en, 'bad')).toBe('bad');
  });

  it('asks for a product and a completion date at 100 % on a dated task, only when submitting', () => {
    const full = { ...EMPTY_VALUES, progress: 100, narrative: 'Đã hoàn thành' };
    expect(checkValues(full, false, true)).toEqual({
      completedOn: 'report.errCompletedOn',
      product: 'report.errProduct',
    });
    expect(checkValues(full, false, false)).toEqual({});
    expect(checkValues(full, true, true)).toEqual({});
    expect(checkValues({ ...full, product: 'QĐ 1', completedOn: '2025-06-30' }, false, true)).toEqual({});
    expect(checkValues({ ...EMPTY_VALUES, progress: 50, completedOn: '2025-06-30' }, false, false)).toEqual({
      completedOn: 'report.errCompletedOnOnly100',
    });
    expect(checkValues({ ...EMPTY_VALUES, progress: Number.NaN }, false, false)).toEqual({
      progress: 'report.errProgress',
    });
    expect(checkValues({ ...EMPTY_VALUES, progress: 101 }, false, false)).toEqual({
      progress: 'report.errProgress',
    });
  });

  it('asks for the narrative (kết quả thực hiện) when submitting, not when saving a draft', () => {
    const empty = { ...EMPTY_VALUES, progress: 0 };
    expect(checkValues(empty, false, true)).toEqual({ narrative: 'report.errNarrative' });
    expect(checkValues({ ...empty, narrative: '   ' }, true, true)).toEqual({
      narrative: 'report.errNarrative',
    });
    expect(checkValues(empty, false, false)).toEqual({});
    expect(checkValues({ ...empty, narrative: 'Đã họp triển khai' }, false, true)).toEqual({});
    expect(vi('report.errNarrative')).toMatch(/kết quả thực hiện/);
    expect(en('report.errNarrative')).toMatch(/before submitting/);
  });

  it('fingerprints bodies stably (same content → same idempotency key)', () => {
    const a = JSON.stringify({ progress: 100, narrative: 'Đã xong' });
    expect(fingerprint(a)).toBe(fingerprint(a));
    expect(fingerprint(a)).not.toBe(fingerprint(a.replace('100', '90')));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{8}$/);
  });
});
