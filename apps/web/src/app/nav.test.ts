import { describe, expect, it } from 'vitest';
import { ROLES } from '@pilotage/contracts';
import { NAV, navFor } from './nav.ts';
import { vi } from '../i18n/vi.ts';

/** The foundation's entries (feature modules add theirs; they test them themselves). */
const FOUNDATION = ['/', '/org', '/admin/users', '/admin/api-keys', '/admin/audit'];
const labels = (roles: Parameters<typeof navFor>[0]) =>
  navFor(roles)
    .flatMap((g) => g.items.map((i) => i.to))
    .filter((to) => FOUNDATION.includes(to));

describe('navigation', () => {
  it('follows the roles', () => {
    expect(labels(['admin'])).toEqual(['/', '/org', '/admin/users', '/admin/api-keys', '/admin/audit']);
    expect(labels(['officer'])).toEqual(['/', '/org']);
    expect(labels(['unit_lead'])).toEqual(['/', '/org', '/admin/users', '/admin/api-keys']);
    for (const role of ROLES) expect(labels([role])).toContain('/org');
  });

  it('uses existing message keys', () => {
    for (const item of NAV) {
      expect(vi).toHaveProperty([item.label]);
      if (item.section) expect(vi).toHaveProperty([item.section]);
      if (item.description) expect(vi).toHaveProperty([item.description]);
    }
  });
});
