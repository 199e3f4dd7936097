import { describe, expect, it } from 'vitest';
import type { Role } from '@pilotage/contracts';
import {
  checkCreate,
  checkPasswordReset,
  checkRevokeKey,
  checkUpdate,
  keyStillGranted,
  type Principal,
} from './roles.policy.ts';

const P = (id: string, unitId: string, roles: Role[]): Principal => ({ id, unitId, roles });
const admin = P('a', 'national', ['admin']);
const provAdmin = P('pa', 'hanoi', ['admin']);
const provLead = P('pl', 'hanoi', ['unit_lead']);
const provLeadReviewer = P('plr', 'hanoi', ['unit_lead', 'reviewer']);
const communeLead = P('cl', 'badinh', ['unit_lead']);
const officer = P('o', 'hanoi', ['officer']);

describe('checkCreate (who creates whom where)', () => {
  it.each([
    ['admin creates an admin anywhere in scope', admin, 'hanoi', ['admin'], null],
    ['province admin creates a commune lead', provAdmin, 'badinh', ['unit_lead'], null],
    ['province lead creates an officer in its own unit', provLead, 'hanoi', ['officer'], null],
    ['province lead creates a lead in its own unit', provLead, 'hanoi', ['unit_lead'], null],
    ['province lead creates a lead in a commune', provLead, 'badinh', ['unit_lead'], 'unit_not_managed'],
    ['province lead grants reviewer it does not hold', provLead, 'hanoi', ['reviewer'], 'role_not_grantable'],
    ['lead who is reviewer grants reviewer', provLeadReviewer, 'hanoi', ['reviewer'], null],
    ['lead grants steering', provLead, 'hanoi', ['steering'], 'role_not_grantable'],
    ['lead grants admin', provLead, 'hanoi', ['admin'], 'role_not_grantable'],
    ['officer creates anyone', officer, 'hanoi', ['viewer'], 'forbidden'],
  ] as const)('%s', (_, actor, unit, roles, expected) => {
    expect(checkCreate(actor, unit, roles)).toBe(expected);
  });
});

describe('checkUpdate (changing people)', () => {
  it.each([
    [
      'commune lead adds reviewer to itself',
      communeLead,
      communeLead,
      ['unit_lead', 'reviewer'],
      false,
      'own_roles',
    ],
    ['admin changes its own roles', admin, admin, ['admin', 'steering'], false, 'own_roles'],
    ['admin deactivates itself', admin, admin, undefined, true, 'own_roles'],
    ['province lead deactivates a commune lead', provLead, communeLead, undefined, true, 'unit_not_managed'],
    ['province lead deactivates an officer of its unit', provLead, officer, undefined, true, null],
    ['province lead changes an admin of its unit', provLead, provAdmin, undefined, true, 'forbidden'],
    ['province lead makes an officer admin', provLead, officer, ['admin'], false, 'role_not_grantable'],
    ['province admin changes a commune lead', provAdmin, communeLead, ['officer'], false, null],
  ] as const)('%s', (_, actor, target, newRoles, deactivates, expected) => {
    expect(checkUpdate(actor, target, { newRoles, deactivates })).toBe(expected);
  });
});

describe('API keys', () => {
  it.each([
    ['lead revokes an officer key of its unit', provLead, 'hanoi', ['officer'], null],
    ['lead revokes an admin key', provLead, 'hanoi', ['admin'], 'forbidden'],
    ['lead revokes a reviewer key it could not grant', provLead, 'hanoi', ['reviewer'], 'forbidden'],
    ['lead revokes a commune key', provLead, 'badinh', ['officer'], 'unit_not_managed'],
    ['admin revokes any key in scope', provAdmin, 'badinh', ['admin'], null],
  ] as const)('%s', (_, actor, unitId, roles, expected) => {
    expect(checkRevokeKey(actor, { unitId, roles })).toBe(expected);
  });

  it('province lead cannot mint a key acting as a commune', () => {
    expect(checkCreate(provLead, 'badinh', ['officer'])).toBe('unit_not_managed');
  });

  it('a key dies with its maker’s rights', () => {
    const key = { unitId: 'hanoi', roles: ['officer'] as Role[] };
    expect(keyStillGranted({ ...provLead, active: true }, key, true)).toBe(true);
    expect(keyStillGranted({ ...provLead, active: false }, key, true)).toBe(false);
    expect(keyStillGranted({ ...provLead, roles: ['officer'], active: true }, key, true)).toBe(false);
    expect(keyStillGranted({ ...provLead, unitId: 'badinh', active: true }, key, true)).toBe(false);
    expect(keyStillGranted({ ...provAdmin, active: true }, key, false)).toBe(false);
    expect(keyStillGranted(null, key, false)).toBe(true);
  });
});

describe('checkPasswordReset', () => {
  it('admins reset others, never themselves; leads cannot', () => {
    expect(checkPasswordReset(provAdmin, officer)).toBeNull();
    expect(checkPasswordReset(provAdmin, provAdmin)).toBe('own_roles');
    expect(checkPasswordReset(provLead, officer)).toBe('forbidden');
  });
});
