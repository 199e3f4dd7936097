import { describe, expect, it } from 'vitest';
import { langFromHeader, t } from './messages.ts';

describe('langFromHeader', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['*', 'vi'],
    ['en', 'en'],
    ['EN-us', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['vi', 'vi'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en-US,vi;q=0.9', 'en'],
    ['vi;q=0.4, en;q=0.8', 'en'],
    ['en;q=0.1, vi;q=0.9', 'vi'],
    ['fr-FR, fr;q=0.9', 'vi'],
    ['fr, en;q=0.5', 'en'],
    ['de, ja', 'vi'],
    ['en;q=0', 'vi'],
    ['en;q=0, vi;q=0', 'vi'],
  ] as const)('%j → %s', (header, expected) => {
    expect(langFromHeader(header)).toBe(expected);
  });
});

describe('t', () => {
  it('interpolates parameters in both languages', () => {
    expect(t('en', 'too_many_attempts', { minutes: 15 })).toBe(
      'Too many failed sign-ins. Try again in 15 minutes',
    );
    expect(t('vi', 'too_many_attempts', { minutes: 15 })).toContain('15 phút');
  });

  it('leaves an unknown placeholder visible rather than printing undefined', () => {
    expect(t('en', 'route_not_found', { method: 'GET' })).toBe('No route GET {url}');
  });
});
