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

describe('parameters in words (issue 8)', () => {
  it('periods, report statuses and dates read as people write them', () => {
    expect(t('vi', 'report_exists', { period: '2026-10' })).toBe(
      'Nhiệm vụ này đã có báo cáo kỳ tháng 10/2026',
    );
    expect(t('en', 'report_exists', { period: '2026-Q3' })).toBe(
      'This assignment already has a report for period Q3 2026',
    );
    expect(t('vi', 'report_period_future', { period: '2026-H1' })).toBe(
      'Chưa đến kỳ báo cáo 6 tháng đầu năm 2026',
    );
    expect(t('en', 'report_invalid_transition', { status: 'pending_approval' })).toBe(
      'This action is not possible while the report is "awaiting the leader\'s approval"',
    );
    expect(t('vi', 'report_not_editable', { status: 'accepted' })).toBe(
      'Báo cáo ở trạng thái "đã tiếp nhận" không sửa được',
    );
    expect(t('vi', 'extension_not_later', { deadline: '2026-06-30' })).toContain('30/06/2026');
  });
});
