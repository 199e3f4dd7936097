import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, foldForSearch, type ImportColumnKey } from '@pilotage/contracts';

/** One data row of the file: its spreadsheet row number and its cells as trimmed text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface ParsedSheet {
  format: 'xlsx' | 'csv';
  header: string[];
  rows: SheetRow[];
}

/** A file that cannot be read at all (not a table, not UTF-8…). */
export class UnreadableFile extends Error {
  constructor(readonly reason: 'file_type' | 'encoding' | 'empty' | 'too_many_rows') {
    super(reason);
  }
}

const isZip = (buf: Uint8Array) =>
  buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
const isOle = (buf: Uint8Array) =>
  buf.length > 8 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;

/** Reads an XLSX workbook or a CSV text (UTF-8, with or without BOM; `;`, `,` or tab separated). Type by content. */
export async function parseTable(buf: Buffer, maxRows: number): Promise<ParsedSheet> {
  if (isZip(buf)) return parseXlsx(buf, maxRows);
  if (isOle(buf) || buf.includes(0)) throw new UnreadableFile('file_type'); // legacy .xls or another binary
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UnreadableFile('encoding');
  }
  return parseCsv(text, maxRows);
}

// ---------- CSV ----------

/** Picks the separator that occurs most often outside quotes in the first line. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestN = 0;
  for (const [sep, n] of counts) {
    if (n > bestN) [best, bestN] = [sep, n];
  }
  return best;
}

/** RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks. */
export function csvRecords(text: string, sep: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    cells.push(cell);
    out.push({ line: startLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return out;
}

export function parseCsv(input: string, maxRows: number): ParsedSheet {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records = csvRecords(text, detectSeparator(text)).map((r) => ({
    row: r.line,
    cells: r.cells.map((c) => c.trim()),
  }));
  const headerAt = records.findIndex((r) => r.cells.some((c) => c !== ''));
  if (headerAt < 0) throw new UnreadableFile('empty');
  const rows = records.slice(headerAt + 1).filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length > maxRows) throw new UnreadableFile('too_many_rows');
  return { format: 'csv', header: records[headerAt]!.cells, rows };
}

// ---------- XLSX ----------

const pad = (n: number) => String(n).padStart(2, '0');

/** Cell value as text; dates as YYYY-MM-DD (ExcelJS reads date cells as UTC midnight). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

/** The data sheet is the first one whose first non-empty row names the code and title columns. */
async function parseXlsx(buf: Buffer, maxRows: number): Promise<ParsedSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('file_type');
  }
  let fallback: ParsedSheet | null = null;
  for (const ws of wb.worksheets) {
    const records: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[]; // 1-based
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      if (cells.some((c) => c !== '')) records.push({ row: rowNumber, cells });
    });
    if (records.length === 0) continue;
    if (records.length - 1 > maxRows) throw new UnreadableFile('too_many_rows');
    const sheet: ParsedSheet = { format: 'xlsx', header: records[0]!.cells, rows: records.slice(1) };
    const keys = new Set(mapHeader(sheet.header).values());
    if (keys.has('code') && keys.has('title')) return sheet;
    fallback ??= sheet;
  }
  if (!fallback) throw new UnreadableFile('empty');
  return fallback;
}

// ---------- header ----------

const normalizeHeader = (h: string) =>
  foldForSearch(h.replace(/\(.*?\)|\[.*?\]|\*/g, ' '))
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const HEADER_INDEX = new Map<string, ImportColumnKey>();
for (const col of IMPORT_COLUMNS) {
  for (const name of [col.key, col.vi, col.en, ...col.aliases])
    HEADER_INDEX.set(normalizeHeader(name), col.key);
  HEADER_INDEX.set(normalizeHeader(col.key.replace(/([A-Z])/g, ' $1')), col.key);
}

/** Column index → column key, for the headers it recognizes (Vietnamese or English; first occurrence wins). */
export function mapHeader(header: string[]): Map<number, ImportColumnKey> {
  const out = new Map<number, ImportColumnKey>();
  const seen = new Set<ImportColumnKey>();
  header.forEach((h, i) => {
    const key = HEADER_INDEX.get(normalizeHeader(h));
    if (key && !seen.has(key)) {
      out.set(i, key);
      seen.add(key);
    }
  });
  return out;
}
