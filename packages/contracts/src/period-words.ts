import type { Lang } from './common.ts';

/**
 * A reporting period key in words, for people: '2026-10' → "tháng 10/2026" / "October 2026", '2026-Q3' →
 * "quý 3/2026" / "Q3 2026", '2026-H1' → "6 tháng đầu năm 2026" / "first half of 2026", '2026' → "năm 2026"
 * / "2026". Server messages (notifications, errors, exports) use it; anything else is returned unchanged.
 */
const PERIOD = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/;

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function periodInWords(lang: Lang, key: string): string {
  const m = PERIOD.exec(key);
  if (!m) return key;
  const year = m[1]!;
  if (m[2]) {
    const month = Number(m[2]);
    return lang === 'en' ? `${EN_MONTHS[month - 1] ?? m[2]} ${year}` : `tháng ${month}/${year}`;
  }
  if (m[3]) return lang === 'en' ? `Q${m[3]} ${year}` : `quý ${m[3]}/${year}`;
  if (m[4] === '1') return lang === 'en' ? `first half of ${year}` : `6 tháng đầu năm ${year}`;
  if (m[4] === '2') return lang === 'en' ? `second half of ${year}` : `6 tháng cuối năm ${year}`;
  return lang === 'en' ? year : `năm ${year}`;
}
