import {
  CATEGORY_LABELS,
  FREQUENCY_LABELS,
  PRIORITY_LABELS,
  foldForSearch,
  MAX_YEAR,
  MIN_YEAR,
  type ReportingFrequency,
  type TaskCategory,
} from '@pilotage/contracts';

/** Cell value parsers for the import: each returns the value, or undefined when the text is not valid. */

const fold = (s: string) =>
  foldForSearch(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function labelIndex<K extends string>(
  labels: Record<K, { vi: string; en: string }>,
  extra: Record<string, K> = {},
) {
  const index = new Map<string, K>();
  for (const [code, l] of Object.entries(labels) as [K, { vi: string; en: string }][]) {
    index.set(fold(code), code);
    index.set(fold(code.replace(/_/g, ' ')), code);
    index.set(fold(l.vi), code);
    index.set(fold(l.en), code);
  }
  for (const [k, v] of Object.entries(extra)) index.set(fold(k), v);
  return (text: string): K | undefined => index.get(fold(text));
}

export const parseCategory = labelIndex<TaskCategory>(CATEGORY_LABELS, {
  'thể chế': 'institutions',
  'pháp luật': 'institutions',
  'thể chế và pháp luật': 'institutions',
  'hạ tầng': 'infrastructure',
  'nhân lực': 'human_resources',
  'đổi mới sáng tạo': 'research_innovation',
  'nghiên cứu': 'research_innovation',
  'khoa học công nghệ': 'research_innovation',
  'chính phủ số': 'digital_government',
  'dịch vụ công': 'digital_government',
  'chuyển đổi số': 'digital_government',
  research: 'research_innovation',
  'digital government': 'digital_government',
});

export const parseFrequency = labelIndex<ReportingFrequency>(FREQUENCY_LABELS, {
  tháng: 'monthly',
  'hằng tháng': 'monthly',
  quý: 'quarterly',
  'hằng quý': 'quarterly',
  'sáu tháng': 'semiannual',
  'nửa năm': 'semiannual',
  semiannual: 'semiannual',
  'semi annually': 'semiannual',
  năm: 'annual',
  'hằng năm': 'annual',
  yearly: 'annual',
});

export const parsePriority = labelIndex<'high' | 'normal' | 'low'>(PRIORITY_LABELS, {
  'trung bình': 'normal',
  thường: 'normal',
  medium: 'normal',
});

const TRUE = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'thuong xuyen']);
const FALSE = new Set(['khong', 'no', 'n', 'false', '0']);

/** có/không/yes/no (also x, 1/0, true/false); empty is "no". */
export function parseBoolean(text: string): boolean | undefined {
  const f = fold(text);
  if (f === '') return false;
  if (TRUE.has(f)) return true;
  if (FALSE.has(f)) return false;
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** YYYY-MM-DD or DD/MM/YYYY (also D/M/YYYY and DD-MM-YYYY, DD.MM.YYYY); a calendar date that exists. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

/** A list cell: values separated by `;`, `,` or line breaks; blanks dropped. */
export const splitList = (text: string) =>
  text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Unit matching key for names: folded, punctuation collapsed. */
export const unitNameKey = fold;
