import type { Translate } from '../../i18n/index.tsx';

/** A period key in words: '2025-06' → "Tháng 6/2025", '2025-Q2' → "Quý II/2025", '2025-H1' → "6 tháng đầu năm 2025". */
export function formatPeriod(t: Translate, key: string): string {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/.exec(key);
  if (!m) return key;
  const year = m[1] ?? '';
  if (m[2]) return t('report.period.month', { month: String(Number(m[2])), year });
  if (m[3])
    return t('report.period.quarter', { quarter: ['I', 'II', 'III', 'IV'][Number(m[3]) - 1] ?? m[3], year });
  if (m[4]) return t(m[4] === '1' ? 'report.period.h1' : 'report.period.h2', { year });
  return t('report.period.year', { year });
}
