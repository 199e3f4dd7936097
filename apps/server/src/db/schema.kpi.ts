import type {
  Aggregation,
  Direction,
  KpiPeriodType,
  OrgUnitKind,
  ValidationOperator,
  ValueType,
} from '@pilotage/contracts';
import type { ColumnType } from 'kysely';

/** KPI tables (migrations 0012, 0013; issue 9). */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateString = string;
type Importance = 'low' | 'medium' | 'high';

export interface DataElementTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  value_type: ValueType;
  aggregation: Aggregation;
  levels: OrgUnitKind[];
  search_key: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface IndicatorTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  numerator: string;
  denominator: string;
  factor: ColumnType<number, number | undefined, number>;
  direction: Direction;
  unit_of_measure: string | null;
  decimals: ColumnType<number, number | undefined, number>;
  programme_id: string | null;
  task_id: string | null;
  search_key: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DataSetTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  period_type: KpiPeriodType;
  expiry_days: ColumnType<number, number | undefined, number>;
  timely_days: ColumnType<number, number | undefined, number>;
  levels: OrgUnitKind[];
  search_key: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DataSetElementTable {
  data_set_id: string;
  data_element_id: string;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface DataValueTable {
  data_element_id: string;
  /** DHIS2 period code: 202507, 2025Q3, 2025S1, 2025. */
  period: string;
  org_unit_id: string;
  period_type: KpiPeriodType;
  period_start: DateString;
  period_end: DateString;
  /** As sent (canonical form of its type). */
  value: string;
  /** The number rolled up (yes_no: 1/0; text: null). */
  value_num: number | null;
  comment: string | null;
  stored_by_user_id: string | null;
  stored_by_api_key_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DataValueHistoryTable {
  id: string;
  data_element_id: string;
  period: string;
  org_unit_id: string;
  change: 'create' | 'update' | 'delete';
  previous_value: string | null;
  previous_comment: string | null;
  value: string | null;
  comment: string | null;
  changed_by_user_id: string | null;
  changed_by_api_key_id: string | null;
  changed_at: Timestamp;
  import_id: string | null;
}

export interface DataSetRegistrationTable {
  data_set_id: string;
  period: string;
  org_unit_id: string;
  period_start: DateString;
  period_end: DateString;
  completed_at: Timestamp;
  completed_by_user_id: string | null;
  completed_by_api_key_id: string | null;
}

export interface ValidationRuleTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  left_side: string;
  operator: ValidationOperator;
  right_side: string;
  message: string;
  message_en: string | null;
  data_set_id: string | null;
  importance: ColumnType<Importance, Importance | undefined, Importance>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface KpiTables {
  data_element: DataElementTable;
  indicator: IndicatorTable;
  data_set: DataSetTable;
  data_set_element: DataSetElementTable;
  data_value: DataValueTable;
  data_value_history: DataValueHistoryTable;
  data_set_registration: DataSetRegistrationTable;
  validation_rule: ValidationRuleTable;
}
