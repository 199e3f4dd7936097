import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, foldForSearch, type ImportColumnKey } from '@pilotage/contracts';
import { assertZipWithin, ZipRefused } from './zip-guard.ts';

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
  constructor(readonly reason: 'file_type' | 'encoding' | 'empty' | 'too_many_rows' | 'too_large') {
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
export function csvRecords(text: string, sep: string, limit = Infinity): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    cells.push(cell);
    out.push({ line: startLine, cells });
    if (out.length > limit) throw new UnreadableFile('too_many_rows');
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
  // records (blank lines included) are bounded too: a 10 MB file of line breaks stops early
  const records = csvRecords(text, detectSeparator(text), rowsSeenLimit(maxRows)).map((r) => ({
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

/** Rows read (empty ones included) before a sheet is refused: a bomb of empty styled rows stops too. */
const rowsSeenLimit = (maxRows: number) => maxRows * 10 + 1_000;

/**
 * The data sheet is the first one whose first non-empty row names the code and title columns.
 * Read as a stream (ExcelJS WorkbookReader) after the zip guard: parsing stops at the row limit instead of
 * loading the whole workbook, and yields to the event loop between chunks.
 */
async function parseXlsx(buf: Buffer, maxRows: number): Promise<ParsedSheet> {
  try {
    await assertZipWithin(buf);
  } catch (error) {
    if (error instanceof ZipRefused)
      throw new UnreadableFile(error.reason === 'too_large' ? 'too_large' : 'file_type');
    throw error;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'cache', // date cells are recognised by their number format
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let fallback: ParsedSheet | null = null;
  try {
    for await (const ws of reader) {
      const records: SheetRow[] = [];
      let seen = 0;
      for await (const row of ws) {
        if (++seen > rowsSeenLimit(maxRows)) throw new UnreadableFile('too_many_rows');
        const values = row.values as ExcelJS.CellValue[]; // 1-based
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        if (!cells.some((c) => c !== '')) continue;
        records.push({ row: row.number, cells });
        if (records.length - 1 > maxRows) throw new UnreadableFile('too_many_rows');
      }
      if (records.length === 0) continue;
      const sheet: ParsedSheet = { format: 'xlsx', header: records[0]!.cells, rows: records.slice(1) };
      const keys = new Set(mapHeader(sheet.header).values());
      if (keys.has('code') && keys.has('title')) return sheet;
      fallback ??= sheet;
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile('file_type');
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
