import { z } from 'zod';
import { IsoDateTime, Pagination, Uuid, yearInRange } from './common.ts';
import { OrgUnitKind } from './org.ts';

/** KPIs (issue 9): data elements, indicators, data sets, validation rules, DHIS2 data value sets. */
export const VALUE_TYPES = ['number', 'integer', 'percentage', 'yes_no', 'text'] as const;
export const ValueType = z.enum(VALUE_TYPES);
export type ValueType = z.infer<typeof ValueType>;

/** How a value rolls up the tree ('none': not aggregated, e.g. text). */
export const AGGREGATIONS = ['sum', 'average', 'min', 'max', 'last', 'none'] as const;
export const Aggregation = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof Aggregation>;

export const KPI_PERIOD_TYPES = ['monthly', 'quarterly', 'six_monthly', 'yearly'] as const;
export const KpiPeriodType = z.enum(KPI_PERIOD_TYPES);
export type KpiPeriodType = z.infer<typeof KpiPeriodType>;

export const DIRECTIONS = ['higher', 'lower'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const VALIDATION_OPERATORS = ['==', '!=', '>', '>=', '<', '<='] as const;
export const ValidationOperator = z.enum(VALIDATION_OPERATORS);
export type ValidationOperator = z.infer<typeof ValidationOperator>;

/** DHIS2 period codes: 202507 (month), 2025Q3 (quarter), 2025S1 (six months), 2025 (year). */
export const DHIS2_PERIOD = /^(\d{4})(?:(0[1-9]|1[0-2])|Q([1-4])|S([12]))?$/;
export const DhisPeriod = z
  .string()
  .trim()
  .regex(DHIS2_PERIOD, 'period_code')
  .refine((p) => !DHIS2_PERIOD.test(p) || yearInRange(p), 'date_out_of_range');

/** Codes of elements, indicators, data sets and units: what `#{CODE}` and idScheme=code refer to. */
export const KpiCode = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'kpi_code');
const Name = z.string().trim().min(1).max(300);
const Expression = z.string().trim().min(1).max(2000);
const Levels = z.array(OrgUnitKind).min(1).max(5);

export const DataElement = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  valueType: ValueType,
  aggregation: Aggregation,
  levels: z.array(OrgUnitKind),
});
export type DataElement = z.infer<typeof DataElement>;

export const CreateDataElementBody = z.strictObject({
  code: KpiCode,
  name: Name,
  nameEn: Name.nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  valueType: ValueType,
  aggregation: Aggregation,
  levels: Levels,
});
export type CreateDataElementBody = z.infer<typeof CreateDataElementBody>;

export const Indicator = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  numerator: z.string(),
  denominator: z.string(),
  factor: z.number(),
  direction: Direction,
  unitOfMeasure: z.string().nullable(),
  decimals: z.number().int(),
  programmeId: Uuid.nullable(),
  taskId: Uuid.nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

export const CreateIndicatorBody = z.strictObject({
  code: KpiCode,
  name: Name,
  nameEn: Name.nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  numerator: Expression,
  denominator: Expression.default('1'),
  factor: z.number().finite().positive().max(1e9).default(1),
  direction: Direction.default('higher'),
  unitOfMeasure: z.string().trim().max(30).nullable().optional(),
  decimals: z.number().int().min(0).max(6).default(2),
  programmeId: Uuid.nullable().optional(),
  taskId: Uuid.nullable().optional(),
});
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBody>;

export const DataSet = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  periodType: KpiPeriodType,
  expiryDays: z.number().int(),
  timelyDays: z.number().int(),
  levels: z.array(OrgUnitKind),
  dataElements: z.array(z.string()),
});
export type DataSet = z.infer<typeof DataSet>;

export const CreateDataSetBody = z.strictObject({
  code: KpiCode,
  name: Name,
  nameEn: Name.nullable().optional(),
  periodType: KpiPeriodType,
  dataElements: z.array(KpiCode).min(1).max(500),
  levels: Levels,
  expiryDays: z.number().int().min(0).max(3650).default(0),
  timelyDays: z.number().int().min(0).max(3650).default(15),
});
export type CreateDataSetBody = z.infer<typeof CreateDataSetBody>;

export const ValidationRule = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  leftSide: z.string(),
  operator: ValidationOperator,
  rightSide: z.string(),
  message: z.string(),
  messageEn: z.string().nullable(),
  dataSet: z.string().nullable(),
  importance: z.enum(['low', 'medium', 'high']),
});
export type ValidationRule = z.infer<typeof ValidationRule>;

export const CreateValidationRuleBody = z.strictObject({
  code: KpiCode,
  name: Name,
  nameEn: Name.nullable().optional(),
  leftSide: Expression,
  operator: ValidationOperator,
  rightSide: Expression,
  message: z.string().trim().min(1).max(500),
  messageEn: z.string().trim().min(1).max(500).nullable().optional(),
  dataSet: KpiCode.nullable().optional(),
  importance: z.enum(['low', 'medium', 'high']).default('medium'),
});
export type CreateValidationRuleBody = z.infer<typeof CreateValidationRuleBody>;

export const KpiListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  ...Pagination,
  limit: Pagination.limit.default(200),
});

// ---- DHIS2 data value sets ------------------------------------------------------------------------------

export const IMPORT_STRATEGIES = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'] as const;
export const ATOMIC_MODES = ['NONE', 'ALL'] as const;
export const ID_SCHEMES = ['code', 'uid', 'CODE', 'UID'] as const;

/** A value as DHIS2 clients send it: a string, or a JSON number/boolean. Its type is checked per element. */
const RawValue = z.union([z.string().max(50_000), z.number(), z.boolean()]);

export const DataValueInput = z.strictObject({
  dataElement: z.string().trim().min(1).max(100),
  period: z.string().trim().max(20).optional(),
  orgUnit: z.string().trim().max(100).optional(),
  value: RawValue.nullable().optional(),
  comment: z.string().max(5000).nullable().optional(),
  // accepted for DHIS2 compatibility, not used (no category combos here)
  categoryOptionCombo: z.string().max(100).optional(),
  attributeOptionCombo: z.string().max(100).optional(),
  storedBy: z.string().max(200).optional(),
  created: z.string().max(40).optional(),
  lastUpdated: z.string().max(40).optional(),
  followup: z.boolean().optional(),
  deleted: z.boolean().optional(),
});
export type DataValueInput = z.infer<typeof DataValueInput>;

export const MAX_DATA_VALUES_PER_REQUEST = 50_000;

export const DataValueSetBody = z.strictObject({
  dataSet: z.string().trim().max(100).optional(),
  period: z.string().trim().max(20).optional(),
  orgUnit: z.string().trim().max(100).optional(),
  completeDate: z.string().trim().max(40).optional(),
  attributeOptionCombo: z.string().max(100).optional(),
  dataValues: z.array(DataValueInput).max(MAX_DATA_VALUES_PER_REQUEST).default([]),
});
export type DataValueSetBody = z.infer<typeof DataValueSetBody>;

export const DataValueSetImportQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('false'),
  importStrategy: z.enum(IMPORT_STRATEGIES).default('CREATE_AND_UPDATE'),
  atomicMode: z.enum(ATOMIC_MODES).default('NONE'),
  idScheme: z.enum(ID_SCHEMES).default('code'),
  dataElementIdScheme: z.enum(ID_SCHEMES).optional(),
  orgUnitIdScheme: z.enum(ID_SCHEMES).optional(),
});
export type DataValueSetImportQuery = z.infer<typeof DataValueSetImportQuery>;

export const ImportConflict = z.object({
  object: z.string(),
  value: z.string(),
  /** Index of the data value in the payload's dataValues (DHIS2 `indexes`). */
  indexes: z.array(z.number().int()).optional(),
  errorCode: z.string().optional(),
  property: z.string().optional(),
});
export type ImportConflict = z.infer<typeof ImportConflict>;

export const ImportCount = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  ignored: z.number().int(),
  deleted: z.number().int(),
});
export type ImportCount = z.infer<typeof ImportCount>;

/** DHIS2's import summary. */
export const ImportSummary = z.object({
  responseType: z.literal('ImportSummary'),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  description: z.string().optional(),
  importOptions: z.object({
    dryRun: z.boolean(),
    importStrategy: z.enum(IMPORT_STRATEGIES),
    atomicMode: z.enum(ATOMIC_MODES),
    idScheme: z.string(),
  }),
  importCount: ImportCount,
  conflicts: z.array(ImportConflict),
  dataSetComplete: z.union([z.string(), z.literal(false)]),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const DataValueSetExportQuery = z.strictObject({
  dataSet: z.string().trim().min(1).max(100),
  period: DhisPeriod,
  orgUnit: z.string().trim().min(1).max(100),
  children: z.enum(['true', 'false']).default('false'),
  idScheme: z.enum(ID_SCHEMES).default('code'),
});

export const DataValueOutput = z.object({
  dataElement: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  value: z.string(),
  comment: z.string().optional(),
  storedBy: z.string().optional(),
  created: IsoDateTime,
  lastUpdated: IsoDateTime,
});

export const DataValueSetExport = z.object({
  dataSet: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  completeDate: z.string().optional(),
  dataValues: z.array(DataValueOutput),
});
export type DataValueSetExport = z.infer<typeof DataValueSetExport>;

// ---- roll-ups -------------------------------------------------------------------------------------------

export const IndicatorValueRow = z.object({
  code: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Codes of former units (valid before a reform) whose values are summed into this figure. */
  former: z.array(z.string()).optional(),
});
export type IndicatorValueRow = z.infer<typeof IndicatorValueRow>;

export const IndicatorValuesQuery = z.strictObject({
  period: DhisPeriod,
  /** A unit's code; the caller's scope root (the national root for national staff) when absent. */
  parent: z.string().trim().min(1).max(100).optional(),
});

export const IndicatorValues = z.object({
  indicator: z.object({ code: z.string(), name: z.string(), unitOfMeasure: z.string().nullable() }),
  period: z.string(),
  unit: IndicatorValueRow,
  children: z.array(IndicatorValueRow),
});
export type IndicatorValues = z.infer<typeof IndicatorValues>;

export const KpiCompletenessRow = z.object({
  code: z.string(),
  name: z.string(),
  expected: z.number().int(),
  received: z.number().int(),
  onTime: z.number().int(),
});
export type KpiCompletenessRow = z.infer<typeof KpiCompletenessRow>;

export const DataSetCompletenessQuery = z.strictObject({
  period: DhisPeriod,
  parent: z.string().trim().min(1).max(100).optional(),
});

export const DataSetCompleteness = z.object({
  dataSet: z.string(),
  period: z.string(),
  unit: KpiCompletenessRow,
  children: z.array(KpiCompletenessRow),
});
