import { describe, expect, it } from 'vitest';
import { matchRule, routeItem, type RoutingRuleFacts } from './routing.ts';

const t0 = new Date('2025-01-01T00:00:00Z');
const rule = (id: string, r: Partial<RoutingRuleFacts>): RoutingRuleFacts => ({
  id,
  topicId: null,
  placeUnitId: null,
  unitId: `unit-${id}`,
  priority: 0,
  createdAt: t0,
  ...r,
});

describe('routing rules (topic × place → unit)', () => {
  const rules = [
    rule('any', {}),
    rule('data', { topicId: 'data' }),
    rule('hanoi', { placeUnitId: 'hanoi' }),
    rule('data-hanoi', { topicId: 'data', placeUnitId: 'hanoi' }),
    rule('data-badinh', { topicId: 'data', placeUnitId: 'badinh' }),
  ];

  it('prefers the most specific place, then a topic over any topic', () => {
    const at = (topicId: string, provinceUnitId: string | null, communeUnitId: string | null) =>
      matchRule(rules, { topicId, provinceUnitId, communeUnitId })?.id;
    expect(at('data', 'hanoi', 'badinh')).toBe('data-badinh');
    expect(at('data', 'hanoi', 'bachmai')).toBe('data-hanoi');
    expect(at('law', 'hanoi', 'badinh')).toBe('hanoi');
    expect(at('data', 'bacninh', null)).toBe('data');
    expect(at('law', null, null)).toBe('any');
  });

  it('breaks ties by priority, then the older rule', () => {
    const tie = [
      rule('new', { topicId: 'data', createdAt: new Date('2025-02-01T00:00:00Z') }),
      rule('old', { topicId: 'data' }),
    ];
    const item = { topicId: 'data', provinceUnitId: null, communeUnitId: null };
    expect(matchRule(tie, item)?.id).toBe('old');
    expect(matchRule([...tie, rule('high', { topicId: 'data', priority: 5 })], item)?.id).toBe('high');
  });

  it('sends what no rule covers to the triage unit', () => {
    const only = [rule('data-hanoi', { topicId: 'data', placeUnitId: 'hanoi' })];
    expect(routeItem(only, { topicId: 'law', provinceUnitId: 'hanoi', communeUnitId: null }, 'triage')).toBe(
      'triage',
    );
    expect(routeItem(only, { topicId: 'data', provinceUnitId: 'hanoi', communeUnitId: null }, 'triage')).toBe(
      'unit-data-hanoi',
    );
  });
});
