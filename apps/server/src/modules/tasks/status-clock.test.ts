import { describe, expect, it } from 'vitest';
import { datesAcross, randomHistory, rng } from '../../../test/status-random.ts';
import { addDays } from './reporting-period.ts';
import { nextChangeOn } from './status-clock.ts';
import { assignmentStatus, type AssignmentFacts } from './status-engine.ts';

const opts = { atRiskMargin: 20, reportDueDays: 5 };
const dated = (over: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
  startDate: '2025-01-01',
  originalDeadline: '2025-06-30',
  extensions: [],
  completedOn: null,
  isContinuous: false,
  reportingFrequency: 'monthly',
  reports: [],
  ...over,
});

describe('nextChangeOn — examples', () => {
  it('a dated assignment before its start changes on the start date', () => {
    expect(nextChangeOn(dated(), '2024-12-01', opts)).toBe('2025-01-01');
  });
  it('an on-track assignment changes when it becomes at risk, then the day after its deadline', () => {
    // no progress, margin 20: at risk once more than 20 % of [start, deadline] has elapsed
    const at = nextChangeOn(dated(), '2025-01-02', opts)!;
    expect(assignmentStatus(dated(), at, opts).atRisk).toBe(true);
    expect(assignmentStatus(dated(), addDays(at, -1), opts).atRisk).toBe(false);
    expect(nextChangeOn(dated(), at, opts)).toBe('2025-07-01');
  });
  it('done and overdue-without-later-facts never change with time alone', () => {
    expect(nextChangeOn(dated({ completedOn: '2025-03-01' }), '2025-04-01', opts)).toBeNull();
    expect(nextChangeOn(dated(), '2025-08-01', opts)).toBeNull();
  });
  it('continuous work changes when the next period report falls due', () => {
    const f = dated({ isContinuous: true, originalDeadline: null });
    expect(nextChangeOn(f, '2025-07-03', opts)).toBe('2025-07-05');
    expect(nextChangeOn(f, '2025-07-05', opts)).toBe('2025-08-05');
  });
});

describe('nextChangeOn — property: the engine result is constant on [asOf, nextChangeOn)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: 25 random histories, asOf every 13 days, 60 days ahead`, () => {
      const r = rng(seed);
      for (let i = 0; i < 25; i++) {
        const h = randomHistory(r);
        const o = { atRiskMargin: h.atRiskMargin, reportDueDays: h.reportDueDays };
        for (const asOf of datesAcross('2024-12-20', '2026-08-01', 13)) {
          const now = assignmentStatus(h, asOf, o);
          const next = nextChangeOn(h, asOf, o);
          const until = next ?? addDays(asOf, 60);
          for (let d = addDays(asOf, 1); d < until && d <= addDays(asOf, 60); d = addDays(d, 1)) {
            expect(assignmentStatus(h, d, o), `${JSON.stringify(h)} asOf ${asOf} day ${d}`).toEqual(now);
          }
        }
      }
    }, 30_000);
  }
});
