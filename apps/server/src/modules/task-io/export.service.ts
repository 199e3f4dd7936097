import type { Readable } from 'node:stream';
import { CATEGORY_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import {
  assignmentStatuses,
  assignmentsRepository,
  type AssignmentViewRow,
  todayVn,
  type StatusResult,
  tasksRepository,
} from '../tasks/index.ts';
import { safeCell } from './cell-safety.ts';
import { addTableSheet, commitSheet, fileSlug, toCsv, workbookStream, type TableColumn } from './files.ts';
import { loadProgrammeView, type TaskView } from './programme-view.ts';

export const KIND_LABELS: Record<string, string> = {
  national: 'Cấp quốc gia',
  central_body: 'Cơ quan Trung ương',
  ministry: 'Bộ, ngành',
  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
};
const KIND_ORDER = ['national', 'central_body', 'ministry', 'province', 'commune'];

interface TaskLine extends TaskView {
  coordinating: string;
  parentCode: string;
}
interface AssignmentLine {
  row: AssignmentViewRow;
  result: StatusResult;
}

const yes = (b: boolean) => (b ? 'có' : '');
const priority = (p: string) => PRIORITY_LABELS[p as keyof typeof PRIORITY_LABELS]?.vi ?? p;

export const TASK_COLUMNS: TableColumn<TaskLine>[] = [
  { header: 'Mã nhiệm vụ', width: 12, value: (t) => t.row.code },
  { header: 'Tên nhiệm vụ', width: 50, value: (t) => t.row.title },
  {
    header: 'Lĩnh vực',
    width: 24,
    value: (t) => CATEGORY_LABELS[t.row.category]?.vi ?? t.row.category,
  },
  { header: 'Đơn vị chủ trì', width: 30, value: (t) => t.row.lead_name },
  { header: 'Mã đơn vị chủ trì', width: 12, value: (t) => t.row.lead_code },
  { header: 'Đơn vị phối hợp', width: 18, value: (t) => t.coordinating },
  { header: 'Ngày bắt đầu', width: 12, value: (t) => t.row.start_date },
  {
    header: 'Hạn hoàn thành',
    width: 14,
    value: (t) => (t.row.is_continuous ? 'Thường xuyên' : t.row.deadline),
  },
  { header: 'Hạn đang áp dụng', width: 14, value: (t) => t.result.effectiveDeadline },
  { header: 'Trạng thái', width: 26, value: (t) => STATUS_LABELS[t.result.status].vi },
  { header: 'Mã trạng thái', width: 14, value: (t) => t.result.status },
  { header: 'Nguy cơ chậm', width: 10, value: (t) => yes(t.result.atRisk) },
  { header: 'Tiến độ (%)', width: 10, value: (t) => t.result.progress },
  { header: 'Số đơn vị được giao', width: 10, value: (t) => t.assignmentCount },
  { header: 'Sản phẩm dự kiến', width: 20, value: (t) => t.row.expected_product },
  { header: 'Mức ưu tiên', width: 12, value: (t) => priority(t.row.priority) },
  { header: 'Mã nhiệm vụ cha', width: 12, value: (t) => t.parentCode },
];

export const ASSIGNMENT_COLUMNS: TableColumn<AssignmentLine>[] = [
  { header: 'Mã đơn vị', width: 12, value: (a) => a.row.unit_code },
  { header: 'Đơn vị', width: 30, value: (a) => a.row.unit_name },
  { header: 'Cấp', width: 16, value: (a) => KIND_LABELS[a.row.unit_kind] ?? a.row.unit_kind },
  { header: 'Mã nhiệm vụ', width: 12, value: (a) => a.row.task_code },
  { header: 'Tên nhiệm vụ', width: 50, value: (a) => a.row.task_title },
  { header: 'Đơn vị giao', width: 24, value: (a) => a.row.by_name },
  {
    header: 'Hạn đang áp dụng',
    width: 14,
    value: (a) => (a.row.is_continuous ? 'Thường xuyên' : a.result.effectiveDeadline),
  },
  { header: 'Hạn ban đầu', width: 14, value: (a) => a.row.original_deadline },
  { header: 'Người chịu trách nhiệm', width: 24, value: (a) => a.row.responsible_leader },
  { header: 'Trạng thái', width: 26, value: (a) => STATUS_LABELS[a.result.status].vi },
  { header: 'Mã trạng thái', width: 14, value: (a) => a.result.status },
  { header: 'Nguy cơ chậm', width: 10, value: (a) => yes(a.result.atRisk) },
  { header: 'Tiến độ (%)', width: 10, value: (a) => a.result.progress },
  { header: 'Ngày hoàn thành', width: 14, value: (a) => a.row.completed_on },
  { header: 'Sản phẩm', width: 20, value: (a) => a.row.product },
];

export interface ExportFile {
  filename: string;
  data: Buffer;
}

/** Task and status tables of a programme as of a date, limited to what the caller may see. */
export class ExportService {
  constructor(private readonly db: Db) {}

  async load(ctx: RequestContext, programmeId: string, asOfParam: string | undefined) {
    const asOf = asOfParam ?? todayVn();
    const view = await loadProgrammeView(this.db, ctx, programmeId, asOf);
    const coordinating = await tasksRepository.coordinatingUnits(
      this.db,
      view.tasks.map((t) => t.row.id),
    );
    const codeOf = new Map(view.tasks.map((t) => [t.row.id, t.row.code]));
    const tasks: TaskLine[] = view.tasks.map((t) => ({
      ...t,
      coordinating: (coordinating.get(t.row.id) ?? []).map((u) => u.code).join(';'),
      parentCode: t.row.parent_task_id ? (codeOf.get(t.row.parent_task_id) ?? '') : '',
    }));
    // assignments: the tasks core's visibility rule (own unit's and those it assigned), every level
    const rows = await assignmentsRepository.list(this.db, { scope: view.scope, programmeId });
    const statuses = await assignmentStatuses(
      this.db,
      rows.map((r) => r.id),
      asOf,
    );
    const rank = (kind: string) => KIND_ORDER.indexOf(kind);
    const assignments: AssignmentLine[] = rows
      .map((row) => ({ row, result: statuses.get(row.id)! }))
      .sort(
        (a, b) =>
          rank(a.row.unit_kind) - rank(b.row.unit_kind) ||
          a.row.unit_code.localeCompare(b.row.unit_code) ||
          a.row.task_code.localeCompare(b.row.task_code),
      );
    return { programme: view.programme, asOf, tasks, assignments };
  }

  /** The export as a streamed workbook (loaded and checked first: a refusal is still a problem+json). */
  async xlsx(
    ctx: RequestContext,
    programmeId: string,
    asOf: string | undefined,
  ): Promise<{ filename: string; data: Readable }> {
    const data = await this.load(ctx, programmeId, asOf);
    const stream = workbookStream((wb) => {
      addTableSheet(wb, 'Nhiệm vụ', TASK_COLUMNS, data.tasks);
      addTableSheet(wb, 'Phân công theo đơn vị', ASSIGNMENT_COLUMNS, data.assignments);
      const about = wb.addWorksheet('Thông tin');
      about.columns = [{ width: 24 }, { width: 70 }];
      about.getColumn(1).font = { bold: true };
      const lines: (string | number)[][] = [
        ['Chương trình', safeCell(`${data.programme.code} — ${data.programme.title}`)],
        ['Trạng thái tính đến ngày', data.asOf],
        ['Số nhiệm vụ', data.tasks.length],
        ['Số phân công', data.assignments.length],
        ['Người xuất', safeCell(ctx.actor.name)],
        ['Thời điểm xuất', new Date().toISOString()],
        ['Phạm vi', 'Chỉ gồm nhiệm vụ và phân công người xuất được xem'],
      ];
      for (const line of lines) about.addRow(line);
      commitSheet(about);
    });
    return { filename: `nhiem-vu-${fileSlug(data.programme.code)}-${data.asOf}.xlsx`, data: stream };
  }

  async csv(
    ctx: RequestContext,
    programmeId: string,
    asOf: string | undefined,
    table: 'tasks' | 'assignments',
  ): Promise<ExportFile> {
    const data = await this.load(ctx, programmeId, asOf);
    const body =
      table === 'tasks' ? toCsv(TASK_COLUMNS, data.tasks) : toCsv(ASSIGNMENT_COLUMNS, data.assignments);
    const name = table === 'tasks' ? 'nhiem-vu' : 'phan-cong';
    return { filename: `${name}-${fileSlug(data.programme.code)}-${data.asOf}.csv`, data: body };
  }
}
