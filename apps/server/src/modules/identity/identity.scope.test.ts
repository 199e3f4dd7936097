import { describe, expect, it } from 'vitest';
import type { OrgUnitKind, Role } from '@pilotage/contracts';
import { scopeRootFor } from './identity.scope.ts';

const ROOT = 'root-id';
const scope = (kind: OrgUnitKind, roles: Role[]) => scopeRootFor({ id: `${kind}-id`, kind }, roles, ROOT);

describe('scopeRootFor', () => {
  it('gives admins and steering staff of national and central bodies the whole country', () => {
    expect(scope('national', ['admin'])).toBe(ROOT);
    expect(scope('national', ['steering'])).toBe(ROOT);
    expect(scope('central_body', ['steering', 'reviewer'])).toBe(ROOT);
    expect(scope('central_body', ['admin'])).toBe(ROOT);
  });

  it('keeps other roles of central bodies to their own unit', () => {
    expect(scope('central_body', ['officer'])).toBe('central_body-id');
    expect(scope('national', ['viewer'])).toBe('national-id');
    expect(scope('central_body', ['unit_lead', 'reviewer'])).toBe('central_body-id');
  });

  it('keeps ministries, provinces and communes to their own subtree, admins and steering included', () => {
    for (const kind of ['ministry', 'province', 'commune'] as const) {
      for (const roles of [['admin'], ['steering'], ['officer'], ['unit_lead']] as Role[][]) {
        expect(scope(kind, roles)).toBe(`${kind}-id`);
      }
    }
  });

  it('gives no national scope without roles', () => {
    expect(scope('national', [])).toBe('national-id');
  });
});
