import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { ExportService } from './export.service.ts';
import { ImportService } from './import.service.ts';

/** The import/export/review services, wired over one database (one line in services.ts). */
export function createTaskIo(db: Db, audit: AuditService) {
  return {
    imports: new ImportService(db, audit),
    exports: new ExportService(db),
  };
}

export type TaskIo = ReturnType<typeof createTaskIo>;
export { taskIoPlugin } from './task-io.routes.ts';
