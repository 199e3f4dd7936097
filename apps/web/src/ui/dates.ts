/**
 * Dates as people type them: day/month/year (30/06/2025, 30-6-2025, 30.06.2025; a pasted 2025-06-30 too).
 * The API always gets ISO 'YYYY-MM-DD'. Pure functions, tested in dates.test.ts.
 */
export function isoToDisplay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO date a typed text means, '' for an empty text, null when it is not a real date. */
export function displayToIso(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  let d: number, m: number, y: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(s);
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (digits) [d, m, y] = [Number(digits[1]), Number(digits[2]), Number(digits[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** While typing digits, the slashes come by themselves: "30" → "30/", "30/06" → "30/06/". */
export function autoSlash(next: string, previous: string): string {
  if (next.length <= previous.length) return next;
  if (/^\d{2}$/.test(next) || /^\d{1,2}\/\d{2}$/.test(next)) return `${next}/`;
  return next;
}
