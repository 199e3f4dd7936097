import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { csvBatches } from './csv-stream.ts';
import { assertZipWithin, cellText, detectSeparator, ZipRefused } from '../task-io/index.ts';

/**
 * Streams a sample file (CSV, XLSX or JSON lines, recognised by content) row by row into a sink: the file
 * is never held whole (XLSX: the compressed file is read once for the zip guard, then streamed).
 */
export type SampleFormat = 'csv' | 'xlsx' | 'jsonl';
export interface RowSink {
  header(names: string[]): void;
  row(values: readonly (string | undefined)[], rowNo: number): void;
  /** Called every few thousand rows with the share of the source read (0..1); may wait (back-pressure). */
  progress(fraction: number, rows: number): Promise<void> | void;
}

export class SampleRefused extends Error {
  constructor(readonly reason: 'file_type' | 'encoding' | 'empty' | 'too_large') {
    super(reason);
  }
}

const XLSX_MAX_COMPRESSED = 64 * 1024 * 1024;
const XLSX_MAX_UNCOMPRESSED = 768 * 1024 * 1024;
const PROGRESS_EVERY = 16_384;

/** The format of a file by its first bytes: zip → XLSX, `{` → JSON lines, UTF-8 text → CSV. */
export async function sniffFormat(path: string): Promise<SampleFormat> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (bytesRead === 0) throw new SampleRefused('empty');
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
    if (head.includes(0)) throw new SampleRefused('file_type'); // a binary (legacy .xls, image, pdf…)
    if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46)
      throw new SampleRefused('file_type'); // %PDF
    // a multi-byte character may be cut at the end of the probe: decode what surely is whole
    const text = new TextDecoder('utf-8', { fatal: false }).decode(
      head.subarray(0, Math.max(0, bytesRead - 4)),
    );
    if (text.includes('\uFFFD')) throw new SampleRefused('encoding');
    const first = text.replace(/^\uFEFF/, '').trimStart();
    if (first === '') throw new SampleRefused('empty');
    return first.startsWith('{') ? 'jsonl' : 'csv';
  } finally {
    await fh.close();
  }
}

export async function readSample(path: string, format: SampleFormat, sink: RowSink): Promise<void> {
  const size = (await stat(path)).size || 1;
  if (format === 'csv') return readCsv(path, size, sink);
  if (format === 'jsonl') return readJsonLines(path, size, sink);
  return readXlsx(path, size, sink);
}

async function readCsv(path: string, size: number, sink: RowSink): Promise<void> {
  const fh = await open(path, 'r');
  const probe = Buffer.alloc(16 * 1024);
  const { bytesRead } = await fh.read(probe, 0, probe.length, 0);
  await fh.close();
  const delimiter = detectSeparator(
    probe
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  );
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let rowNo = 0;
  let headerSeen = false;
  let nextProgress = PROGRESS_EVERY;
  for await (const batch of csvBatches(input, delimiter)) {
    for (const record of batch) {
      rowNo++;
      if (!headerSeen) {
        sink.header(record);
        headerSeen = true;
      } else sink.row(record, rowNo);
    }
    if (rowNo >= nextProgress) {
      nextProgress = rowNo + PROGRESS_EVERY;
      await sink.progress(input.bytesRead / size, rowNo - 1);
    }
  }
  if (!headerSeen) throw new SampleRefused('empty');
}

async function readJsonLines(path: string, size: number, sink: RowSink): Promise<void> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: string[] | null = null;
  let rowNo = 0;
  for await (const line of lines) {
    rowNo++;
    const text = rowNo === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (text.trim() === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      obj = null;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      if (!header) throw new SampleRefused('file_type');
      continue; // an unreadable line counts as a row whose every value is missing
    }
    const rec = obj as Record<string, unknown>;
    if (!header) {
      header = Object.keys(rec);
      sink.header(header);
    }
    sink.row(
      header.map((k) => {
        const v = rec[k];
        return v === null || v === undefined
          ? undefined
          : typeof v === 'object'
            ? JSON.stringify(v)
            : typeof v === 'string'
              ? v
              : JSON.stringify(v);
      }),
      rowNo,
    );
    if (rowNo % PROGRESS_EVERY === 0) await sink.progress(input.bytesRead / size, rowNo);
  }
  if (!header) throw new SampleRefused('empty');
}

async function readXlsx(path: string, size: number, sink: RowSink): Promise<void> {
  if (size > XLSX_MAX_COMPRESSED) throw new SampleRefused('too_large');
  try {
    await assertZipWithin(await readFile(path), XLSX_MAX_UNCOMPRESSED);
  } catch (error) {
    if (error instanceof ZipRefused)
      throw new SampleRefused(error.reason === 'too_large' ? 'too_large' : 'file_type');
    throw error;
  }
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let headerSeen = false;
  let rows = 0;
  try {
    for await (const ws of reader) {
      for await (const row of ws) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        if (!headerSeen) {
          if (!cells.some((c) => c !== '')) continue;
          sink.header(cells);
          headerSeen = true;
          continue;
        }
        sink.row(cells, row.number);
        if (++rows % PROGRESS_EVERY === 0) await sink.progress(input.bytesRead / size, rows);
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof SampleRefused) throw error;
    throw new SampleRefused('file_type');
  }
  if (!headerSeen) throw new SampleRefused('empty');
}
