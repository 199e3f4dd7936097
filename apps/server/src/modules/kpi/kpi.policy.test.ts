import type { Role } from '@pilotage/contracts';
import { describe, expect, it } from 'vitest';
import { canDefineKpis, canWriteUnit, canWriteValues } from './kpi.policy.ts';

const who = (roles: Role[], scope = 'subtree') => ({ roles, unitId: 'u1', scope: { kind: scope } });

describe('KPI policy', () => {
  it('lets national admins and steering staff define KPIs, nobody else', () => {
    expect(canDefineKpis(who(['admin'], 'national'))).toBe(true);
    expect(canDefineKpis(who(['steering'], 'national'))).toBe(true);
    expect(canDefineKpis(who(['admin'], 'subtree'))).toBe(false);
    expect(canDefineKpis(who(['officer', 'unit_lead'], 'national'))).toBe(false);
  });

  it('lets a unit write its own values, and leads, admins, steering those below', () => {
    const table: [Role[], boolean, boolean][] = [
      [['officer'], true, false],
      [['unit_lead'], true, true],
      [['admin'], true, true],
      [['steering'], true, true],
      [['reviewer'], false, false],
      [['viewer'], false, false],
      [['handler', 'expert'], false, false],
    ];
    for (const [roles, own, below] of table) {
      expect(canWriteUnit(who(roles), 'u1'), `${roles} own`).toBe(own);
      expect(canWriteUnit(who(roles), 'u2'), `${roles} below`).toBe(below);
      expect(canWriteValues(who(roles)), `${roles} any`).toBe(own);
    }
  });
});
