import type { ValueType } from '@pilotage/contracts';

/**
 * A reported value checked against its element's value type (pure). Returns the canonical text kept in
 * data_value.value and the number rolled up (yes/no: 1/0; text: null), or null when the value does not fit.
 * Accepts what DHIS2 clients send: strings, JSON numbers and booleans; a decimal comma ("39,51").
 */
export function parseValue(
  type: ValueType,
  raw: string | number | boolean,
): { value: string; num: number | null } | null {
  if (type === 'text') {
    const text = String(raw).trim();
    return text.length > 0 && text.length <= 50_000 ? { value: text, num: null } : null;
  }
  if (type === 'yes_no') {
    const v = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
    if (v === true || v === 'true' || v === '1' || v === 1 || v === 'yes' || v === 'có')
      return { value: 'true', num: 1 };
    if (v === false || v === 'false' || v === '0' || v === 0 || v === 'no' || v === 'không')
      return { value: 'false', num: 0 };
    return null;
  }
  if (typeof raw === 'boolean') return null;
  const text = typeof raw === 'number' ? String(raw) : raw.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return null;
  const num = Number(text);
  if (!Number.isFinite(num) || Math.abs(num) > 1e15) return null;
  if (type === 'integer' && !Number.isInteger(num)) return null;
  if (type === 'percentage' && (num < 0 || num > 100)) return null;
  return { value: String(num), num };
}

/** The label of a value type in messages (vi, en). */
export const VALUE_TYPE_LABELS: Record<ValueType, { vi: string; en: string }> = {
  number: { vi: 'số', en: 'number' },
  integer: { vi: 'số nguyên', en: 'integer' },
  percentage: { vi: 'tỉ lệ phần trăm (0–100)', en: 'percentage (0–100)' },
  yes_no: { vi: 'có/không', en: 'yes/no' },
  text: { vi: 'văn bản', en: 'text' },
};
