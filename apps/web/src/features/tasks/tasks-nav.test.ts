import { describe, expect, it } from 'vitest';
import { navFor } from '../../app/nav.ts';

const TASKS = ['/programmes', '/tasks', '/my', '/reviews', '/notifications', '/commitments', '/import'];
const entries = (roles: Parameters<typeof navFor>[0]) =>
  navFor(roles)
    .flatMap((g) => g.items.map((i) => i.to))
    .filter((to) => TASKS.includes(to));

describe('tasks module navigation', () => {
  it('gives each role its entries', () => {
    expect(entries(['officer'])).toEqual(['/programmes', '/tasks', '/my', '/notifications']);
    expect(entries(['officer', 'reviewer'])).toEqual([
      '/programmes',
      '/tasks',
      '/my',
      '/reviews',
      '/notifications',
      '/commitments',
    ]);
    expect(entries(['unit_lead'])).toEqual([
      '/programmes',
      '/tasks',
      '/my',
      '/reviews',
      '/notifications',
      '/commitments',
    ]);
    expect(entries(['steering', 'reviewer'])).toEqual([
      '/programmes',
      '/tasks',
      '/reviews',
      '/notifications',
      '/commitments',
      '/import',
    ]);
    expect(entries(['viewer'])).toEqual(['/programmes', '/tasks', '/notifications']);
  });
});
