import type { MessageKey, Translate } from '../../i18n/index.tsx';

/**
 * A period key in words, never the code: '2025-06' → "Tháng 6/2025" / "June 2025", '2025-Q2' → "Quý 2/2025" /
 * "Q2 2025", '2025-H1' → "6 tháng đầu năm 2025" / "First half of 2025", '2025' → "Năm 2025" / "Year 2025".
 */
export function formatPeriod(t: Translate, key: string): string {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/.exec(key);
  if (!m) return key;
  const year = m[1] ?? '';
  if (m[2]) return t('report.period.month', { month: t(`period.m${Number(m[2])}` as MessageKey), year });
  if (m[3]) return t('report.period.quarter', { quarter: m[3], year });
  if (m[4]) return t(m[4] === '1' ? 'report.period.h1' : 'report.period.h2', { year });
  return t('report.period.year', { year });
}
