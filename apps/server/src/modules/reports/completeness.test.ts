import { vnDate } from '../tasks/index.ts';
import { describe, expect, it } from 'vitest';
import { isExpected, tally, withRates, type CompletenessFacts } from './completeness.ts';

const june = { start: '2025-06-01', end: '2025-06-30', dueOn: '2025-07-05' };
const base: CompletenessFacts = {
  unitId: 'u1',
  startDate: '2025-01-01',
  completedOn: null,
  programmeStart: '2025-01-01',
  programmeEnd: '2026-12-31',
  reportStatus: null,
  submittedOn: null,
};

describe('reporting completeness', () => {
  it('expects a report from assignments active in the period and not completed before it', () => {
    expect(isExpected(base, june)).toBe(true);
    expect(isExpected({ ...base, startDate: '2025-07-01' }, june)).toBe(false); // starts after
    expect(isExpected({ ...base, startDate: '2025-06-30' }, june)).toBe(true); // starts on the last day
    expect(isExpected({ ...base, completedOn: '2025-05-31' }, june)).toBe(false); // done before
    expect(isExpected({ ...base, completedOn: '2025-06-01' }, june)).toBe(true); // done within
    expect(isExpected({ ...base, programmeEnd: '2025-05-31' }, june)).toBe(false); // programme over
  });

  it('counts received (submitted or accepted) and on time (Vietnam date ≤ due date)', () => {
    const rows: CompletenessFacts[] = [
      { ...base, reportStatus: 'accepted', submittedOn: vnDate(new Date('2025-07-05T16:59:00Z')) }, // 23:59 VN on the due date
      { ...base, reportStatus: 'submitted', submittedOn: vnDate(new Date('2025-07-05T17:00:00Z')) }, // 00:00 VN next day: late
      { ...base, reportStatus: 'draft' },
      { ...base, reportStatus: 'returned', submittedOn: '2025-07-01' },
      { ...base, unitId: 'u2' },
      { ...base, unitId: 'u3', completedOn: '2025-01-10' },
    ];
    const t = tally(rows, june);
    expect(t.get('u1')).toEqual({ expected: 4, received: 2, receivedOnTime: 1 });
    expect(t.get('u2')).toEqual({ expected: 1, received: 0, receivedOnTime: 0 });
    expect(t.has('u3')).toBe(false);
    expect(withRates(t.get('u1')!)).toMatchObject({ completenessRate: 0.5, timelinessRate: 0.25 });
    expect(withRates({ expected: 0, received: 0, receivedOnTime: 0 }).completenessRate).toBeNull();
  });
});
