import type { KpiPeriodType } from '@pilotage/contracts';

/**
 * DHIS2 period codes (pure): 202507 (monthly), 2025Q3 (quarterly), 2025S1 (six-monthly), 2025 (yearly).
 * A period covers [start, end] (calendar dates, inclusive).
 */
export interface Period {
  code: string;
  type: KpiPeriodType;
  start: string;
  end: string;
  year: number;
}

const SHAPE = /^(\d{4})(?:(0[1-9]|1[0-2])|Q([1-4])|S([12]))?$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const span = (y: number, fromMonth: number, toMonth: number) => ({
  start: `${y}-${pad(fromMonth)}-01`,
  end: `${y}-${pad(toMonth)}-${pad(lastDay(y, toMonth))}`,
});

/** The period a DHIS2 code names, or null when the code is not one (or its year is outside 2000–2100). */
export function parsePeriod(raw: string): Period | null {
  const code = raw.trim();
  const m = SHAPE.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (m[2]) {
    const month = Number(m[2]);
    return { code, type: 'monthly', year, ...span(year, month, month) };
  }
  if (m[3]) {
    const q = Number(m[3]);
    return { code, type: 'quarterly', year, ...span(year, q * 3 - 2, q * 3) };
  }
  if (m[4]) {
    const s = Number(m[4]);
    return { code, type: 'six_monthly', year, ...span(year, s * 6 - 5, s * 6) };
  }
  return { code, type: 'yearly', year, ...span(year, 1, 12) };
}

/** The code of the period of a type that contains a date ('YYYY-MM-DD'). */
export function periodOf(type: KpiPeriodType, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (type) {
    case 'monthly':
      return `${year}${pad(month)}`;
    case 'quarterly':
      return `${year}Q${Math.ceil(month / 3)}`;
    case 'six_monthly':
      return `${year}S${month <= 6 ? 1 : 2}`;
    case 'yearly':
      return year;
  }
}

/** The period just before (same type), or null before 2000. */
export function previousPeriod(code: string): string | null {
  const p = parsePeriod(code);
  if (!p) return null;
  const d = new Date(`${p.start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const prev = d.toISOString().slice(0, 10);
  return prev < `${MIN_YEAR}-01-01` ? null : periodOf(p.type, prev);
}

/** The periods of a type inside a period (e.g. the three months of 2025Q3), in order. */
export function periodsWithin(code: string, type: KpiPeriodType): string[] {
  const p = parsePeriod(code);
  if (!p) return [];
  const out: string[] = [];
  const [y, m1] = [p.year, Number(p.start.slice(5, 7))];
  const m2 = Number(p.end.slice(5, 7));
  for (let m = m1; m <= m2; m++) {
    const c = periodOf(type, `${y}-${pad(m)}-01`);
    if (out[out.length - 1] !== c) out.push(c);
  }
  const first = parsePeriod(out[0] ?? '');
  // a coarser type than the period itself (months of a quarter asked as years): nothing fits inside
  return first && first.start >= p.start && (parsePeriod(out[out.length - 1]!)?.end ?? '') <= p.end
    ? out
    : [];
}

/** Adds days to a date ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Order of fineness: a value of a finer type can be aggregated into a coarser period. */
export const PERIOD_RANK: Record<KpiPeriodType, number> = {
  monthly: 0,
  quarterly: 1,
  six_monthly: 2,
  yearly: 3,
};
