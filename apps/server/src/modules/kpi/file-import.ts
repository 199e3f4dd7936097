import {
  DATA_VALUE_COLUMNS,
  foldForSearch,
  IMPORT_MAX_ROWS,
  type DataValueFileResult,
  type DataValueInput,
} from '@pilotage/contracts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, badRequest } from '../../http/errors.ts';
import { parseTable, UnreadableFile, type ParsedSheet } from '../task-io/index.ts';
import type { DataValueImportService } from './import.service.ts';

const fold = (s: string) =>
  foldForSearch(s)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Column index of each key in the header (DHIS2 names or Vietnamese headers), -1 when absent. */
export function headerColumns(header: string[]): Record<(typeof DATA_VALUE_COLUMNS)[number]['key'], number> {
  const folded = header.map(fold);
  const find = (c: (typeof DATA_VALUE_COLUMNS)[number]) =>
    folded.findIndex(
      (h) => h === fold(c.vi) || (c.aliases as readonly string[]).includes(h) || h === fold(c.key),
    );
  return Object.fromEntries(DATA_VALUE_COLUMNS.map((c) => [c.key, find(c)])) as ReturnType<
    typeof headerColumns
  >;
}

async function read(data: Buffer): Promise<ParsedSheet> {
  try {
    return await parseTable(data, IMPORT_MAX_ROWS);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const key =
      error.reason === 'file_type'
        ? 'import_file_type'
        : error.reason === 'encoding'
          ? 'import_file_encoding'
          : error.reason === 'empty'
            ? 'import_file_empty'
            : error.reason === 'too_large'
              ? 'import_file_unpacked_too_large'
              : 'import_too_many_rows';
    throw new AppError(400, key, { max: IMPORT_MAX_ROWS }, [
      { path: 'file', key, params: { max: IMPORT_MAX_ROWS } },
    ]);
  }
}

/**
 * A CSV/XLSX file of data values → the same import as POST /api/dataValueSets, each conflict located by
 * spreadsheet row and column.
 */
export async function importDataValueFile(
  imports: DataValueImportService,
  ctx: RequestContext,
  file: { data: Buffer },
  query: Parameters<DataValueImportService['importSet']>[1],
): Promise<DataValueFileResult> {
  const sheet = await read(file.data);
  const col = headerColumns(sheet.header);
  const missing = (['dataElement', 'period', 'orgUnit', 'value'] as const).filter((k) => col[k] < 0);
  if (missing.length)
    throw badRequest(missing.map((k) => ({ path: `file.${k}`, key: 'dv_missing', params: { field: k } })));
  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const rows = sheet.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const dataValues: DataValueInput[] = rows.map((r) => ({
    dataElement: cell(r.cells, col.dataElement).slice(0, 100),
    period: cell(r.cells, col.period).slice(0, 20),
    orgUnit: cell(r.cells, col.orgUnit).slice(0, 100),
    value: cell(r.cells, col.value).slice(0, 50_000),
    ...(col.comment >= 0 && cell(r.cells, col.comment)
      ? { comment: cell(r.cells, col.comment).slice(0, 5000) }
      : {}),
  }));
  const summary = await imports.importSet(ctx, query, { dataValues });
  const headerOf = (property: string | undefined) => {
    const key = (property === 'dataValue' ? 'dataElement' : property) as keyof typeof col | undefined;
    const i = key && key in col ? col[key] : -1;
    return i >= 0 ? (sheet.header[i] ?? String(key)) : String(property ?? '');
  };
  return {
    ...summary,
    format: sheet.format,
    rows: rows.length,
    errors: summary.conflicts.map((c) => ({
      row: rows[c.indexes?.[0] ?? -1]?.row ?? 1,
      column: headerOf(c.property),
      message: c.value,
    })),
  };
}
