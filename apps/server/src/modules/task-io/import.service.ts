import { IMPORT_MAX_ROWS, type ImportError, type ImportResult, type Lang } from '@pilotage/contracts';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { AssignmentTable, TaskTable } from '../../db/schema.ts';
import { inTransaction, type Executor, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { t } from '../../http/messages.ts';
import type { AuditService } from '../audit/index.ts';
import { orgRepository, unitsInScope } from '../org/index.ts';
import {
  assigningUnit,
  assignmentsRepository,
  refreshStatuses,
  taskSearchKey,
  tasksRepository,
  type ProgrammeRow,
} from '../tasks/index.ts';
import { parseTable, UnreadableFile, type ParsedSheet } from './import.parse.ts';
import {
  validateSheet,
  type ImportLookups,
  type PlannedTask,
  type RowIssue,
  type UnitInfo,
} from './import.validate.ts';
import { unitNameKey } from './import.values.ts';
import { assertCanImport } from './task-io.policy.ts';
import { XLSX_MAX_UNCOMPRESSED_BYTES } from './zip-guard.ts';
import { taskIoRepository } from './task-io.repository.ts';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

const renderIssue =
  (lang: Lang) =>
  (i: RowIssue): ImportError => ({
    row: i.row,
    column: i.column,
    field: i.field,
    message: i.message ?? (i.key ? t(lang, i.key, i.params) : ''),
  });

/**
 * Imports a programme's tasks and their assignments from a table. Everything is validated first (every
 * error, by row and column); only a file without any error is written, in one transaction, with one audit
 * event carrying the counts.
 */
export class ImportService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async importFile(
    ctx: RequestContext,
    programmeId: string,
    file: UploadedFile,
    dryRun: boolean,
  ): Promise<ImportResult> {
    // one transaction from the first read: the programme, the caller's right to import into it, the units and
    // codes the rows are validated against and the write all see the same state (no check-then-act gap);
    // a dry run or a rejected file writes nothing
    return inTransaction(this.db, async (tx) => {
      const programme = await tasksRepository.findProgramme(tx, programmeId);
      if (!programme) throw notFound('programme_not_found');
      await assertCanImport(tx, ctx.actor, programme);
      const sheet = await readSheet(file.data);
      const lookups = await this.lookups(tx, ctx, programme);
      const { issues, tasks, assignments } = validateSheet(sheet, lookups, ctx.lang);
      const errors = issues.map(renderIssue(ctx.lang));
      const base = {
        format: sheet.format,
        rows: sheet.rows.length,
        errors,
        wouldCreate: { tasks: tasks.length, assignments },
      };
      if (dryRun) return { dryRun: true, ...base, created: null };
      if (errors.length > 0) {
        throw new AppError(
          400,
          'import_rejected',
          { count: errors.length },
          errors.map((e) => ({ path: `rows.${e.row}.${e.field}`, message: `${e.column}: ${e.message}` })),
        );
      }
      const counts = await this.write(tx, ctx, programme, tasks);
      await this.audit.record(tx, ctx, {
        action: 'programme.import',
        entityType: 'programme',
        entityId: programme.id,
        after: {
          filename: file.filename,
          format: sheet.format,
          rows: sheet.rows.length,
          ...counts,
          codes: tasks.slice(0, 50).map((task) => task.code),
        },
      });
      return {
        dryRun: false,
        ...base,
        created: { tasks: counts.tasks, assignments: counts.assignments },
      };
    });
  }

  /** Loads units, scope and existing codes once; the validator then works in memory. */
  async lookups(db: Executor, ctx: RequestContext, programme: ProgrammeRow): Promise<ImportLookups> {
    const units = await taskIoRepository.currentUnits(db);
    const scope = await unitsInScope(
      db,
      ctx.actor.scope,
      units.map((u) => u.id),
    );
    const existingTasks = await taskIoRepository.taskCodes(db, programme.id);
    const unitByCode = new Map<string, UnitInfo>();
    const unitsByName = new Map<string, UnitInfo[]>();
    const byKind = new Map<string, UnitInfo[]>();
    const push = (m: Map<string, UnitInfo[]>, k: string, u: UnitInfo) => {
      const list = m.get(k) ?? [];
      if (!list.includes(u)) list.push(u);
      m.set(k, list);
    };
    for (const r of units) {
      const u: UnitInfo = { id: r.id, code: r.code, name: r.name, nameEn: r.name_en, kind: r.kind };
      unitByCode.set(r.code.toUpperCase(), u);
      push(unitsByName, unitNameKey(r.name), u);
      if (r.name_en) push(unitsByName, unitNameKey(r.name_en), u);
      push(byKind, r.kind, u);
    }
    // spreadsheets turn "01" (Hà Nội) into 1: numeric codes are tried zero-padded too
    for (const [code, u] of [...unitByCode]) {
      if (/^0\d+$/.test(code) && !unitByCode.has(String(Number(code))))
        unitByCode.set(String(Number(code)), u);
    }
    return {
      programmeId: programme.id,
      defaultStart: programme.period_start,
      unitByCode,
      unitsByName,
      unitsOfKind: (kind) => byKind.get(kind) ?? [],
      inScope: (id) => scope.has(id),
      existingTasks,
    };
  }

  /** Inserts the planned tasks (parents first), their coordinating units and assignments, in bulk. */
  private async write(tx: Tx, ctx: RequestContext, programme: ProgrammeRow, planned: PlannedTask[]) {
    // the tasks core's rule (assignments.service assign): the actor's unit assigns, except the national root,
    // whose admins assign on behalf of the programme owner
    const actorUnit = await orgRepository.findById(tx, ctx.actor.unitId);
    const assignedBy = assigningUnit(actorUnit, programme.owner_unit_id);
    const { tasks, coordinating, assignments } = plannedRows(planned, {
      programmeId: programme.id,
      assignedBy,
      userId: ctx.actor.userId,
    });
    await tasksRepository.insertTasks(tx, tasks);
    await tasksRepository.insertCoordinating(tx, coordinating);
    await assignmentsRepository.insertMany(tx, assignments);
    await refreshStatuses(
      tx,
      assignments.map((a) => a.id),
    );
    return { tasks: tasks.length, assignments: assignments.length, coordinating: coordinating.length };
  }
}

async function readSheet(data: Buffer): Promise<ParsedSheet> {
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
    const max = error.reason === 'too_large' ? XLSX_MAX_UNCOMPRESSED_BYTES / 1024 / 1024 : IMPORT_MAX_ROWS;
    throw new AppError(400, key, { max }, [{ path: 'file', key, params: { max } }]);
  }
}

/** The table rows of a validated plan (pure; the benchmark inserts the same rows raw). */
export function plannedRows(
  planned: PlannedTask[],
  o: { programmeId: string; assignedBy: string; userId: string | null },
) {
  const idByCode = new Map<string, string>();
  for (const p of planned) idByCode.set(p.code.toUpperCase(), newId());
  const now = new Date();
  const tasks: Insertable<TaskTable>[] = planned.map((p) => ({
    id: idByCode.get(p.code.toUpperCase())!,
    programme_id: o.programmeId,
    code: p.code,
    title: p.title,
    description: p.description,
    source_clause: p.sourceClause,
    category: p.category,
    expected_product: p.expectedProduct,
    lead_unit_id: p.leadUnitId,
    start_date: p.startDate,
    deadline: p.deadline,
    is_continuous: p.isContinuous,
    reporting_frequency: p.reportingFrequency,
    priority: p.priority,
    parent_task_id:
      p.parentTaskId ?? (p.parentCode ? (idByCode.get(p.parentCode.toUpperCase()) ?? null) : null),
    search_key: taskSearchKey(p.code, p.title, p.description),
    created_by: o.userId,
    updated_at: now,
  }));
  const coordinating = planned.flatMap((p) =>
    p.coordinatingUnitIds.map((unit_id) => ({ task_id: idByCode.get(p.code.toUpperCase())!, unit_id })),
  );
  const assignments: Insertable<AssignmentTable>[] = planned.flatMap((p) =>
    p.assignedUnitIds.map((unit_id) => ({
      id: newId(),
      task_id: idByCode.get(p.code.toUpperCase())!,
      unit_id,
      assigned_by_unit_id: o.assignedBy,
      parent_assignment_id: null,
      deadline: p.isContinuous ? null : p.deadline,
      original_deadline: p.isContinuous ? null : p.deadline,
      updated_at: now,
    })),
  );
  return { tasks, coordinating, assignments };
}
