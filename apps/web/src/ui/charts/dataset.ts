import type { Lang } from '@pilotage/contracts';
import { formatNumber } from '../../i18n/index.tsx';

/**
 * The data a chart draws, as a table: the chart, its table view and its CSV/XLSX exports all read this one
 * value, so what is exported is what is shown.
 */
export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  /** How the table shows a value (exports keep raw numbers); default text. */
  kind?: 'text' | 'number' | 'percent' | 'date';
}

export interface Dataset {
  columns: Column[];
  rows: Record<string, Cell>[];
}

/** What to draw: one category column and the value columns drawn as series. */
export interface ChartSpec {
  type: 'bar' | 'line';
  category: string;
  series: { key: string; color?: string }[];
  /** Horizontal bars (long unit names read better down the side). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Values are percentages (axis 0–100 %). */
  percent?: boolean;
}

/** 'YYYY-MM-DD' → dd/mm/yyyy (both languages). */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** A percentage with one decimal in the language's format: "62,3 %" / "62.3%". */
export function formatPercent(lang: Lang, value: number): string {
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(
    value,
  );
  return lang === 'vi' ? `${n} %` : `${n}%`;
}

/** A cell as the table shows it. */
export function formatCell(lang: Lang, column: Column, value: Cell): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    if (column.kind === 'percent') return formatPercent(lang, value);
    return formatNumber(lang, value);
  }
  if (column.kind === 'date') return shortDate(value);
  return value;
}

/**
 * Spreadsheet formula injection (OWASP): text starting with = + - @, a tab or a carriage return gets a
 * leading apostrophe (the server's rule, task-io/cell-safety.ts); numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
export function safeCell(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Dates go out as dd/mm/yyyy text; numbers raw; text neutralised. */
export function exportCell(column: Column, value: Cell): Cell {
  if (typeof value === 'string' && column.kind === 'date') return shortDate(value);
  return safeCell(value);
}

const csvCell = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV with a UTF-8 BOM (Excel then reads Vietnamese correctly), comma separated, CRLF line ends. */
export function toCsv(data: Dataset): string {
  const lines = [data.columns.map((c) => csvCell(safeCell(c.label))).join(',')];
  for (const row of data.rows)
    lines.push(data.columns.map((c) => csvCell(exportCell(c, row[c.key] ?? null))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** File names from titles: letters, digits and dashes (Vietnamese marks dropped), never empty. */
export function fileName(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return base || 'data';
}

/** Saves a file the browser built (no server round trip). */
export function saveFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
