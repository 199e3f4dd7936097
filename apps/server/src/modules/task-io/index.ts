import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import { CompletenessService } from '../reports/index.ts';
import { ProgrammesService } from '../tasks/index.ts';
import { ExportService } from './export.service.ts';
import { ImportService } from './import.service.ts';
import { ReviewService } from './review.service.ts';

/** The import/export/review services, wired over one database (one line in services.ts). */
export function createTaskIo(db: Db, audit: AuditService) {
  return {
    imports: new ImportService(db, audit),
    exports: new ExportService(db),
    reviews: new ReviewService(db, new ProgrammesService(db, audit), new CompletenessService(db)),
  };
}

export type TaskIo = ReturnType<typeof createTaskIo>;
export { taskIoPlugin } from './task-io.routes.ts';
/** The streaming XLSX/CSV reader (zip guard, row limit), reused by other modules' imports. */
export { parseTable, UnreadableFile, type ParsedSheet } from './import.parse.ts';
export {
  addTableSheet,
  asDownload,
  CSV_TYPE,
  toCsv,
  workbookBuffer,
  XLSX_TYPE,
  type TableColumn,
} from './files.ts';
export { assertZipWithin, ZipRefused } from './zip-guard.ts';
export { cellText, detectSeparator } from './import.parse.ts';
