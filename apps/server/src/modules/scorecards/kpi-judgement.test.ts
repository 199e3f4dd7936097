import { describe, expect, it } from 'vitest';
import { achievementScore, AT_RISK_MIN, judge, ON_TRACK_MIN } from './kpi-judgement.ts';

describe('KPI judgement', () => {
  it('higher is better: on track from ON_TRACK_MIN of the target, at risk from AT_RISK_MIN', () => {
    expect(judge(90, 90, 'higher')).toBe('on_track');
    expect(judge(90 * ON_TRACK_MIN, 90, 'higher')).toBe('on_track');
    expect(judge(90 * ON_TRACK_MIN - 0.01, 90, 'higher')).toBe('at_risk');
    expect(judge(90 * AT_RISK_MIN, 90, 'higher')).toBe('at_risk');
    expect(judge(90 * AT_RISK_MIN - 0.01, 90, 'higher')).toBe('off_track');
    expect(judge(26, 58, 'higher')).toBe('off_track');
  });

  it('lower is better: above the target is worse', () => {
    expect(judge(10, 10, 'lower')).toBe('on_track');
    expect(judge(5, 10, 'lower')).toBe('on_track');
    expect(judge(12, 10, 'lower')).toBe('at_risk'); // 10/12 = 0.83
    expect(judge(20, 10, 'lower')).toBe('off_track');
    expect(judge(0, 0, 'lower')).toBe('on_track');
    expect(judge(1, 0, 'lower')).toBe('off_track');
  });

  it('scores achievement capped at the target', () => {
    expect(achievementScore(120, 100, 'higher')).toBe(100);
    expect(achievementScore(39.51, 79.02, 'higher')).toBeCloseTo(50, 6);
    expect(achievementScore(0, 0, 'higher')).toBe(100);
  });
});
