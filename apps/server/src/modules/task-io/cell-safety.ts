/**
 * Spreadsheet formula injection (CSV/XLSX injection, OWASP): a cell whose text starts with = + - @, a tab
 * or a carriage return may be evaluated by Excel, LibreOffice or Google Sheets when the export is opened
 * (`-2+3+cmd|' /C calc'!A0`, `=HYPERLINK(…)`). Every exported cell passes through `safeCell`: such text gets
 * a leading apostrophe, which spreadsheets show as text. Only genuine numbers, written as numbers, are
 * exempt; a text that merely looks numeric ('-2', '+84 912…') is text and is neutralised too.
 *
 * The one rule for every export (task export XLSX/CSV, review XLSX, import template).
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function safeCell<T extends string | number | null | undefined>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
