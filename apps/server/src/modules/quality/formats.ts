/**
 * Built-in value formats of the shared dictionary (dictionary elements may name their own pattern instead),
 * and the mask applied to every failing example kept with a result.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (v: string, i: number) => {
  const c = v.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** A calendar date (YYYY-MM-DD, optionally followed by a time) that exists; no regex, no Date (hot path). */
export function validDate(v: string): boolean {
  if (v.length < 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digit(v, i);
    if (d < 0) return false;
    y = y * 10 + d;
  }
  const m1 = digit(v, 5);
  const m2 = digit(v, 6);
  const d1 = digit(v, 8);
  const d2 = digit(v, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return false;
  const mo = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : DAYS[mo - 1]!)) return false;
  return v.length === 10 || /^[T ]\d{2}:\d{2}/.test(v.slice(10));
}

/** Days since the epoch of a date value (ISO or dd/mm/yyyy), or NaN. */
export function dayNumber(v: string): number {
  let y: number, mo: number, d: number;
  const iso = ISO_DATE.exec(v);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const vn = VN_DATE.exec(v);
    if (!vn) return Number.NaN;
    [d, mo, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}

export const FORMATS = {
  /** Citizen identity number (căn cước): 12 digits. */
  citizen_id: (v: string) => {
    if (v.length !== 12) return false;
    for (let i = 0; i < 12; i++) if (digit(v, i) < 0) return false;
    return true;
  },
  /** Vietnamese mobile or landline: 0 or +84, then 9 digits starting with a valid prefix. */
  phone: (v: string) => /^(0|\+84)(2\d{9}|[35789]\d{8})$/.test(v),
  date: validDate,
  /** Enterprise / tax code: 10 digits, optionally -NNN for a branch. */
  tax_code: (v: string) => /^\d{10}(-\d{3})?$/.test(v),
  email: (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  integer: (v: string) => /^-?\d+$/.test(v),
  decimal: (v: string) => /^-?\d+([.,]\d+)?$/.test(v),
  boolean: (v: string) => /^(true|false|0|1|có|không)$/i.test(v),
} as const satisfies Record<string, (v: string) => boolean>;
export type FormatName = keyof typeof FORMATS;

/**
 * A failing example as it may be stored: at most the first 2 and last 2 characters of values of 8 or more
 * characters, the rest as '•'; shorter values keep only their first character. Never more than 24 characters.
 */
export function mask(value: string): string {
  const v = [...value.slice(0, 64)];
  if (v.length === 0) return '';
  if (v.length < 8) return v[0] + '•'.repeat(Math.min(v.length - 1, 6));
  const keep = 2;
  const middle = Math.min(v.length - 2 * keep, 20);
  return v.slice(0, keep).join('') + '•'.repeat(middle) + v.slice(-keep).join('');
}
