import { PassThrough, type Readable } from 'node:stream';
import { contentDisposition } from '../../http/content-disposition.ts';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { safeCell } from './cell-safety.ts';

/** Small helpers to write tables as XLSX sheets and CSV text, and to send them as downloads. */

export interface TableColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/**
 * A table sheet: bold frozen header, one row per item, auto-filter. Works on an in-memory workbook and on
 * a streaming WorkbookWriter (rows are committed as they are added and the sheet at the end, so a
 * streamed export never holds its sheets in memory). `note` goes in the header row, one column after the
 * table.
 */
export function addTableSheet<T>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: TableColumn<T>[],
  rows: readonly T[],
  opts: { note?: string } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: safeCell(c.header), width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  if (opts.note !== undefined) ws.getRow(1).getCell(columns.length + 2).value = safeCell(opts.note);
  if (rows.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const row of rows) ws.addRow(columns.map((c) => safeCell(c.value(row) ?? ''))).commit();
  commitSheet(ws);
  return ws;
}

/** Streaming worksheets are written out (and freed) on commit; in-memory ones have nothing to commit. */
export function commitSheet(ws: ExcelJS.Worksheet): void {
  const commit = (ws as { commit?: () => void }).commit;
  if (typeof commit === 'function') commit.call(ws);
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.creator = 'Pilotage';
  wb.created = new Date();
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A workbook written as a stream (ExcelJS' streaming WorkbookWriter, inline strings): `build` adds the
 * sheets, each committed as it is finished, and the zip flows to the reply as it is produced. Call it
 * after every check that may refuse the request (a problem cannot follow a started download).
 */
export function workbookStream(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Pilotage';
  wb.created = new Date();
  void (async () => {
    try {
      await build(wb);
      await wb.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

const csvCell = (v: string | number | null) => {
  // neutralise spreadsheet formulas (CSV injection); quote separators, quotes and line breaks
  const safe = v === null ? '' : String(safeCell(v));
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** CSV with a UTF-8 BOM (so Excel reads Vietnamese correctly), comma separated, CRLF line ends. */
export function toCsv<T>(columns: TableColumn<T>[], rows: readonly T[]): Buffer {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Sets the download headers; the file name gets an ASCII fallback and an RFC 5987 UTF-8 form. */
export function asDownload<B extends Buffer | Readable>(
  reply: FastifyReply,
  body: B,
  type: string,
  filename: string,
): B {
  void reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(filename))
    .header('cache-control', 'no-store');
  return body;
}

/** A file name part from a code such as "03/NQ-CP". */
export const fileSlug = (code: string) => code.replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '');
