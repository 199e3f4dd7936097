import {
  ASSIGN_ALL_TOKENS,
  CreateTaskBody,
  IMPORT_COLUMNS,
  type ImportColumnKey,
  type Lang,
  type ReportingFrequency,
  type TaskCategory,
} from '@pilotage/contracts';
import type { MessageKey } from '../../http/messages.ts';
import { zodIssuesToErrors } from '../../http/problem.ts';
import { mapHeader, type ParsedSheet } from './import.parse.ts';
import { checkParents, orderParentsFirst } from './import.parents.ts';
import {
  parseBoolean,
  parseCategory,
  parseDate,
  parseFrequency,
  parsePriority,
  splitList,
  unitNameKey,
} from './import.values.ts';

export interface UnitInfo {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
}

/** What validation needs to know about the database, loaded once before any row is read. */
export interface ImportLookups {
  programmeId: string;
  /** Start date of tasks whose start is left empty. */
  defaultStart: string;
  unitByCode: Map<string, UnitInfo>;
  unitsByName: Map<string, UnitInfo[]>;
  unitsOfKind(kind: string): UnitInfo[];
  inScope(unitId: string): boolean;
  /** Codes of the programme's existing tasks (upper-cased) → task id. */
  existingTasks: Map<string, string>;
}

export interface PlannedTask {
  row: number;
  code: string;
  title: string;
  description: string | null;
  sourceClause: string | null;
  category: TaskCategory;
  expectedProduct: string | null;
  leadUnitId: string;
  coordinatingUnitIds: string[];
  assignedUnitIds: string[];
  startDate: string;
  deadline: string | null;
  isContinuous: boolean;
  reportingFrequency: ReportingFrequency | null;
  priority: 'high' | 'normal' | 'low';
  parentCode: string | null;
  /** Parent among the programme's existing tasks. */
  parentTaskId: string | null;
}

export interface RowIssue {
  row: number;
  field: ImportColumnKey | 'file';
  column: string;
  key?: MessageKey;
  params?: Record<string, string | number>;
  message?: string;
}

export interface Validation {
  issues: RowIssue[];
  /** Parents before children. Complete only when there are no issues. */
  tasks: PlannedTask[];
  assignments: number;
}

const NIL = '00000000-0000-4000-8000-000000000000';
const BODY_FIELD: Record<string, ImportColumnKey> = {
  code: 'code',
  title: 'title',
  description: 'description',
  sourceClause: 'sourceClause',
  category: 'category',
  expectedProduct: 'expectedProduct',
  leadUnitId: 'leadUnit',
  coordinatingUnitIds: 'coordinatingUnits',
  startDate: 'startDate',
  deadline: 'deadline',
  reportingFrequency: 'reportingFrequency',
  priority: 'priority',
};

/** Validates every row, collecting every error (row, column, message) rather than stopping at the first. */
export function validateSheet(sheet: ParsedSheet, lk: ImportLookups, lang: Lang): Validation {
  const issues: RowIssue[] = [];
  const columns = mapHeader(sheet.header);
  const headerOf = new Map<ImportColumnKey, string>();
  for (const [i, key] of columns) headerOf.set(key, sheet.header[i] ?? key);
  const label = (key: ImportColumnKey) => headerOf.get(key) ?? IMPORT_COLUMNS.find((c) => c.key === key)!.vi;

  for (const col of IMPORT_COLUMNS) {
    if (col.required && !headerOf.has(col.key))
      issues.push({
        row: 1,
        field: col.key,
        column: col.vi,
        key: 'import_missing_column',
        params: { column: col.vi },
      });
  }
  if (issues.length) return { issues, tasks: [], assignments: 0 };
  if (sheet.rows.length === 0)
    return {
      issues: [{ row: 2, field: 'file', column: '', key: 'import_no_rows' }],
      tasks: [],
      assignments: 0,
    };

  const planned: PlannedTask[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const v = {} as Record<ImportColumnKey, string>;
    for (const col of IMPORT_COLUMNS) v[col.key] = '';
    for (const [i, key] of columns) v[key] = cells[i] ?? '';
    const rowIssues: RowIssue[] = [];
    const err = (field: ImportColumnKey, key: MessageKey, params: Record<string, string | number> = {}) =>
      rowIssues.push({ row, field, column: label(field), key, params });
    const required = (field: ImportColumnKey) => {
      if (v[field] === '') err(field, 'import_required');
      return v[field];
    };

    const code = required('code');
    const codeKey = code.toUpperCase();
    if (code) {
      const first = firstRowOfCode.get(codeKey);
      if (first !== undefined) err('code', 'import_duplicate_in_file', { code, row: first });
      else if (lk.existingTasks.has(codeKey)) err('code', 'import_duplicate_existing', { code });
      if (first === undefined) firstRowOfCode.set(codeKey, row);
    }
    const title = required('title');
    const categoryText = required('category');
    const category = categoryText ? parseCategory(categoryText) : undefined;
    if (categoryText && !category) err('category', 'import_unknown_category', { value: categoryText });

    const resolve = (field: ImportColumnKey, text: string): UnitInfo | undefined => {
      const unit = lk.unitByCode.get(text.toUpperCase());
      const byName = unit ? [unit] : (lk.unitsByName.get(unitNameKey(text)) ?? []);
      if (byName.length === 0) return void err(field, 'import_unknown_unit', { value: text });
      if (byName.length > 1) return void err(field, 'import_ambiguous_unit', { value: text });
      if (!lk.inScope(byName[0]!.id)) return void err(field, 'import_unit_out_of_scope', { value: text });
      return byName[0];
    };
    const leadText = required('leadUnit');
    const lead = leadText ? resolve('leadUnit', leadText) : undefined;
    const coordinating = splitList(v.coordinatingUnits).map((t) => resolve('coordinatingUnits', t));
    const assigned: (UnitInfo | undefined)[] = [];
    for (const token of splitList(v.assignedUnits)) {
      const kind = ASSIGN_ALL_TOKENS[token.toUpperCase() as keyof typeof ASSIGN_ALL_TOKENS];
      if (!kind) {
        assigned.push(resolve('assignedUnits', token));
        continue;
      }
      const all = lk.unitsOfKind(kind);
      const outside = all.find((u) => !lk.inScope(u.id));
      if (outside) err('assignedUnits', 'import_unit_out_of_scope', { value: token });
      else assigned.push(...all);
    }

    const startDate = v.startDate ? parseDate(v.startDate) : lk.defaultStart;
    if (!startDate) err('startDate', 'import_bad_date', { value: v.startDate });
    const deadline = v.deadline ? parseDate(v.deadline) : null;
    if (deadline === undefined) err('deadline', 'import_bad_date', { value: v.deadline });
    const isContinuous = parseBoolean(v.continuous);
    if (isContinuous === undefined) err('continuous', 'import_bad_boolean', { value: v.continuous });
    if (!v.deadline && isContinuous === false) err('deadline', 'import_deadline_required');
    if (deadline && startDate && deadline < startDate)
      err('deadline', 'import_deadline_before_start', { start: startDate });
    const frequency = v.reportingFrequency ? parseFrequency(v.reportingFrequency) : null;
    if (frequency === undefined)
      err('reportingFrequency', 'import_unknown_frequency', { value: v.reportingFrequency });
    const priority = v.priority ? parsePriority(v.priority) : 'normal';
    if (priority === undefined) err('priority', 'import_unknown_priority', { value: v.priority });
    const parentCode = v.parentCode || null;
    if (parentCode && parentCode.toUpperCase() === codeKey) err('parentCode', 'import_parent_self');

    const task: PlannedTask = {
      row,
      code,
      title,
      description: v.description || null,
      sourceClause: v.sourceClause || null,
      category: category ?? 'other',
      expectedProduct: v.expectedProduct || null,
      leadUnitId: lead?.id ?? NIL,
      coordinatingUnitIds: [...new Set(coordinating.filter((u) => u !== undefined).map((u) => u.id))],
      assignedUnitIds: [],
      startDate: startDate ?? lk.defaultStart,
      deadline: deadline ?? null,
      isContinuous: isContinuous ?? false,
      reportingFrequency: frequency ?? null,
      priority: priority ?? 'normal',
      parentCode,
      parentTaskId: null,
    };
    const assignedOk = assigned.filter((u) => u !== undefined);
    task.assignedUnitIds = [
      ...new Set(assignedOk.length ? assignedOk.map((u) => u.id) : lead ? [lead.id] : []),
    ];

    // the task core's own input rules (lengths, limits) as a last guard, on the fields not already in error
    const body = CreateTaskBody.safeParse({
      programmeId: lk.programmeId,
      code: task.code,
      title: task.title,
      description: task.description,
      sourceClause: task.sourceClause,
      category: task.category,
      expectedProduct: task.expectedProduct,
      leadUnitId: task.leadUnitId,
      coordinatingUnitIds: task.coordinatingUnitIds,
      startDate: task.startDate,
      deadline: task.deadline,
      isContinuous: task.isContinuous,
      reportingFrequency: task.reportingFrequency,
      priority: task.priority,
    });
    if (!body.success) {
      const failed = new Set(rowIssues.map((i) => i.field));
      const localized = zodIssuesToErrors(body.error.issues, lang) ?? [];
      body.error.issues.forEach((issue, i) => {
        const field = BODY_FIELD[String(issue.path[0])];
        if (field && !failed.has(field) && issue.code !== 'custom') {
          failed.add(field);
          rowIssues.push({
            row,
            field,
            column: label(field),
            message: localized[i]?.message ?? issue.message,
          });
        }
      });
    }
    issues.push(...rowIssues);
    planned.push(task);
  }

  checkParents(planned, lk, issues, label);
  issues.sort((a, b) => a.row - b.row || columnOrder(a.field) - columnOrder(b.field));
  const tasks = issues.length ? planned : orderParentsFirst(planned);
  return { issues, tasks, assignments: planned.reduce((n, t) => n + t.assignedUnitIds.length, 0) };
}

const columnOrder = (field: string) => IMPORT_COLUMNS.findIndex((c) => c.key === field);
