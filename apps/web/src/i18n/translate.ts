import type { Lang } from '@pilotage/contracts';
import { en } from './en.ts';
import { vi, type MessageKey } from './vi.ts';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Pure lookup with `{name}` interpolation; numbers are formatted for the language (3.321 / 3,321). */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const text = dictionaries[lang][key] ?? vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

export const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** Dates and times are shown in Vietnam's time zone whatever the browser's: "23/11/2026 14:05:09". */
export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  const zone = { timeZone: 'Asia/Ho_Chi_Minh' } as const;
  const day = new Intl.DateTimeFormat(locale(lang), {
    ...zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale(lang), {
    ...zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return `${day.format(date)} ${time.format(date)}`;
}

/** A calendar date ('YYYY-MM-DD' or an ISO instant): "1 tháng 3, 2025" / "1 March 2025". */
export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso));
}
