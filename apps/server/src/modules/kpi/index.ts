/**
 * KPI module (issue 9): DHIS2-style data elements, indicators, data sets and validation rules; data value
 * sets in and out (POST/GET /api/dataValueSets); live roll-ups and completeness (aggregate on read, ADR 0015).
 */
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import { DataValueExportService } from './export.service.ts';
import { DataValueImportService } from './import.service.ts';
import { KpiMetadataService } from './metadata.service.ts';
import { KpiRollupService } from './rollup.service.ts';

export function createKpi(db: Db, audit: AuditService) {
  return {
    metadata: new KpiMetadataService(db, audit),
    imports: new DataValueImportService(db, audit),
    exports: new DataValueExportService(db),
    rollups: new KpiRollupService(db),
  };
}
export type Kpi = ReturnType<typeof createKpi>;

export { kpiPlugin } from './kpi.routes.ts';
export { kpiMessages } from './kpi.messages.ts';
export { parsePeriod, periodOf, previousPeriod, periodsWithin, type Period } from './periods.ts';
export { parseExpression, evaluate, referencedCodes, type Expr } from './expression.ts';
export { periodCodesWithin } from './rollup.service.ts';
export { rollupRepository } from './rollup.repository.ts';
export { combine, indicatorFigure } from './rollup.rules.ts';
