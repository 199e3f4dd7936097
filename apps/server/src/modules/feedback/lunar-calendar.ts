/**
 * The Vietnamese lunisolar calendar, computed (pure, no I/O, no table): new moons and the sun's longitude
 * from the astronomical series of Jean Meeus, "Astronomical Algorithms" (2nd ed., ch. 25 and 49), the
 * month rules of the Chinese-Vietnamese calendar (month 11 holds the winter solstice; in a 13-month year
 * the first month without a major solar term is the leap month), evaluated at UTC+7 — the Vietnamese
 * meridian, which is why Tết 1985 (21 Jan) and 2007 (17 Feb) differ from the Chinese New Year.
 * ADR 0017 says why this is computed rather than taken from a package.
 */

const VN_TZ = 7;
const SYNODIC_MONTH = 29.530588853;
const dr = Math.PI / 180;

/** Julian day number of a Gregorian date. */
export function julianDay(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return (
    d +
    Math.floor((153 * mm + 2) / 5) +
    365 * yy +
    Math.floor(yy / 4) -
    Math.floor(yy / 100) +
    Math.floor(yy / 400) -
    32045
  );
}

/** Gregorian date 'YYYY-MM-DD' of a Julian day number. */
export function dateOfJulianDay(jd: number): string {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((b * 146097) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Local day (Julian day number at UTC+7) of the k-th new moon after 1 Jan 1900 (Meeus ch. 49). */
export function newMoonDay(k: number, tz = VN_TZ): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return Math.floor(jd1 + c1 - deltaT + 0.5 + tz / 24);
}

/** The sun's apparent longitude at the start of a local day, as one of 12 sectors of 30° (Meeus ch. 25). */
export function sunLongitudeSector(jdn: number, tz = VN_TZ): number {
  const T = (jdn - 2451545.5 - tz / 24) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return Math.floor((L / Math.PI) * 6);
}

/** First day of lunar month 11 (the month of the winter solstice) of Gregorian year `y`. */
function month11Start(y: number, tz: number): number {
  const off = julianDay(y, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  return sunLongitudeSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Offset (in months after month 11) of the leap month of the lunar year starting at `a11`. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Julian day number of lunar day `day` of (non-leap) lunar month `month` of lunar year `year`. */
export function lunarToJulianDay(year: number, month: number, day: number, tz = VN_TZ): number {
  const a11 = month < 11 ? month11Start(year - 1, tz) : month11Start(year, tz);
  const b11 = month < 11 ? month11Start(year, tz) : month11Start(year + 1, tz);
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365 && off >= leapMonthOffset(a11, tz)) off += 1;
  return newMoonDay(k + off, tz) + day - 1;
}

/** Gregorian date of lunar day/month of lunar year `year` (Vietnamese calendar, UTC+7). */
export function lunarToSolar(year: number, month: number, day: number): string {
  return dateOfJulianDay(lunarToJulianDay(year, month, day));
}

/** Gregorian date of Tết Nguyên Đán (lunar 1/1) of lunar year `year`. */
export function tetDate(year: number): string {
  return lunarToSolar(year, 1, 1);
}
