import { z } from 'zod';
import { listOf } from './common.ts';
import {
  CreateDataElementBody,
  CreateDataSetBody,
  CreateIndicatorBody,
  CreateValidationRuleBody,
  DataElement,
  DataSet,
  DataSetCompleteness,
  DataSetCompletenessQuery,
  DataValueSetBody,
  DataValueSetExport,
  DataValueSetExportQuery,
  DataValueSetImportQuery,
  ImportSummary,
  Indicator,
  IndicatorValues,
  IndicatorValuesQuery,
  KpiCode,
  KpiListQuery,
  ValidationRule,
} from './kpi.ts';
import { defineRoutes } from './route.ts';

/** The KPI module's routes (schemas in kpi.ts). */
const CodeParams = z.strictObject({ code: KpiCode });

export const kpiRoutes = defineRoutes({
  listDataElements: {
    method: 'GET',
    path: '/api/data-elements',
    summary: 'Data elements (what units report)',
    tags: ['kpi'],
    query: KpiListQuery,
    response: listOf(DataElement),
  },
  createDataElement: {
    method: 'POST',
    path: '/api/data-elements',
    summary: 'Create a data element (admins and steering staff)',
    tags: ['kpi'],
    body: CreateDataElementBody,
    response: DataElement,
    status: 201,
  },
  listIndicators: {
    method: 'GET',
    path: '/api/indicators',
    summary: 'Indicators (DHIS2 expressions over data elements)',
    tags: ['kpi'],
    query: KpiListQuery,
    response: listOf(Indicator),
  },
  createIndicator: {
    method: 'POST',
    path: '/api/indicators',
    summary: 'Create an indicator (admins and steering staff)',
    tags: ['kpi'],
    body: CreateIndicatorBody,
    response: Indicator,
    status: 201,
  },
  indicatorValues: {
    method: 'GET',
    path: '/api/indicators/:code/values',
    summary:
      "An indicator's live value for a unit and each of its children in a period (ratio of summed numerator and denominator; former units roll into their successor)",
    tags: ['kpi'],
    params: CodeParams,
    query: IndicatorValuesQuery,
    response: IndicatorValues,
  },
  listDataSets: {
    method: 'GET',
    path: '/api/data-sets',
    summary: 'Data sets (what a level reports each period)',
    tags: ['kpi'],
    query: KpiListQuery,
    response: listOf(DataSet),
  },
  createDataSet: {
    method: 'POST',
    path: '/api/data-sets',
    summary: 'Create a data set (admins and steering staff)',
    tags: ['kpi'],
    body: CreateDataSetBody,
    response: DataSet,
    status: 201,
  },
  dataSetCompleteness: {
    method: 'GET',
    path: '/api/data-sets/:code/completeness',
    summary: 'Reporting completeness and timeliness (expected, received, on time) of a unit and its children',
    tags: ['kpi'],
    params: CodeParams,
    query: DataSetCompletenessQuery,
    response: DataSetCompleteness,
  },
  listValidationRules: {
    method: 'GET',
    path: '/api/validation-rules',
    summary: 'Validation rules (left side against right side)',
    tags: ['kpi'],
    query: KpiListQuery,
    response: listOf(ValidationRule),
  },
  createValidationRule: {
    method: 'POST',
    path: '/api/validation-rules',
    summary: 'Create a validation rule (admins and steering staff)',
    tags: ['kpi'],
    body: CreateValidationRuleBody,
    response: ValidationRule,
    status: 201,
  },
  importDataValueSet: {
    method: 'POST',
    path: '/api/dataValueSets',
    summary:
      "Import data values in DHIS2's shape (idScheme=code default; dryRun, importStrategy, atomicMode); answers DHIS2's import summary",
    tags: ['kpi'],
    query: DataValueSetImportQuery,
    body: DataValueSetBody,
    response: ImportSummary,
  },
  exportDataValueSet: {
    method: 'GET',
    path: '/api/dataValueSets',
    summary: "Export a data set's values for a period and unit (children=true: its subtree) in DHIS2's shape",
    tags: ['kpi'],
    query: DataValueSetExportQuery,
    response: DataValueSetExport,
  },
});

// ---- data values from a file ----------------------------------------------------------------------------

/** Columns of a data value file (DHIS2's CSV names; Vietnamese headers accepted, matched without diacritics). */
export const DATA_VALUE_COLUMNS = [
  {
    key: 'dataElement',
    vi: 'Mã chỉ tiêu',
    aliases: ['dataelement', 'data element', 'ma chi tieu', 'chi tieu'],
  },
  { key: 'period', vi: 'Kỳ', aliases: ['period', 'ky', 'ky bao cao'] },
  { key: 'orgUnit', vi: 'Mã đơn vị', aliases: ['orgunit', 'org unit', 'ma don vi', 'don vi'] },
  { key: 'value', vi: 'Giá trị', aliases: ['value', 'gia tri'] },
  { key: 'comment', vi: 'Ghi chú', aliases: ['comment', 'ghi chu'] },
] as const;

export const DataValueFileQuery = DataValueSetImportQuery.omit({
  dataElementIdScheme: true,
  orgUnitIdScheme: true,
});

export const DataValueFileResult = ImportSummary.extend({
  format: z.enum(['xlsx', 'csv']),
  rows: z.number().int(),
  /** Each conflict by spreadsheet row (header = row 1) and column. */
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type DataValueFileResult = z.infer<typeof DataValueFileResult>;

export const kpiFileRoutes = defineRoutes({
  importDataValueFile: {
    method: 'POST',
    path: '/api/dataValueSets/file',
    summary:
      'Import data values from an XLSX or CSV file (multipart field "file"; columns dataElement, period, orgUnit, value, comment): the import summary, with each conflict by row and column',
    tags: ['kpi', 'import-export'],
    query: DataValueFileQuery,
    response: DataValueFileResult,
  },
});
