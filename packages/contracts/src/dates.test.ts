import { describe, expect, it } from 'vitest';
import { DerivedDate, IsoDate } from './common.ts';
import { CompletenessReport, PeriodKey } from './tasks/reports.schemas.ts';

describe('dates (issue 7 item 1)', () => {
  it('every input date lies in 2000-01-01..2100-12-31', () => {
    for (const d of ['2000-01-01', '2025-06-30', '2100-12-31'])
      expect(IsoDate.safeParse(d).success, d).toBe(true);
    for (const d of ['0001-01-01', '0099-12-31', '1999-12-31', '2101-01-01', '9999-12-31', '2025-02-30'])
      expect(IsoDate.safeParse(d).success, d).toBe(false);
  });

  it('period keys too', () => {
    for (const k of ['2025', '2025-06', '2100-Q4', '2000-H1'])
      expect(PeriodKey.safeParse(k).success, k).toBe(true);
    for (const k of ['9999-12', '0001', '1999-Q4', '2101', '2025-13'])
      expect(PeriodKey.safeParse(k).success, k).toBe(false);
  });

  it('a due date the server derives may fall just past the range (no 500 on the way out)', () => {
    expect(DerivedDate.safeParse('2101-01-05').success).toBe(true);
    expect(CompletenessReport.shape.dueOn.safeParse('2101-01-05').success).toBe(true);
  });
});
