import { z } from 'zod';
import { IdParams, IsoDate } from '../common.ts';
import { defineRoutes } from '../route.ts';
import type { Priority, ReportingFrequency, TaskCategory, TaskStatus } from './enums.ts';

/** Labels of the task vocabularies, Vietnamese first (import templates, exports, printable reviews). */
export const CATEGORY_LABELS: Record<TaskCategory, { vi: string; en: string }> = {
  institutions: { vi: 'Thể chế, pháp luật', en: 'Institutions and law' },
  infrastructure: { vi: 'Hạ tầng số', en: 'Digital infrastructure' },
  data: { vi: 'Dữ liệu', en: 'Data' },
  human_resources: { vi: 'Nguồn nhân lực', en: 'Human resources' },
  research_innovation: { vi: 'Nghiên cứu và đổi mới sáng tạo', en: 'Research and innovation' },
  digital_government: { vi: 'Chính phủ số và dịch vụ công', en: 'Digital government and public services' },
  enterprises: { vi: 'Doanh nghiệp', en: 'Enterprises' },
  communication: { vi: 'Truyền thông', en: 'Communication' },
  other: { vi: 'Khác', en: 'Other' },
};

export const FREQUENCY_LABELS: Record<ReportingFrequency, { vi: string; en: string }> = {
  monthly: { vi: 'Hàng tháng', en: 'Monthly' },
  quarterly: { vi: 'Hàng quý', en: 'Quarterly' },
  semiannual: { vi: '6 tháng', en: 'Semi-annual' },
  annual: { vi: 'Hàng năm', en: 'Annual' },
};

export const PRIORITY_LABELS: Record<z.infer<typeof Priority>, { vi: string; en: string }> = {
  high: { vi: 'Cao', en: 'High' },
  normal: { vi: 'Bình thường', en: 'Normal' },
  low: { vi: 'Thấp', en: 'Low' },
};

export const STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  done_on_time: { vi: 'Đã hoàn thành đúng hạn', en: 'Completed on time' },
  done_late: { vi: 'Đã hoàn thành quá hạn', en: 'Completed after the deadline' },
  in_progress: { vi: 'Đang thực hiện trong hạn', en: 'In progress, within the deadline' },
  overdue: { vi: 'Đang thực hiện quá hạn', en: 'In progress, past the deadline' },
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
};

/** Tokens of the "assigned units" column that expand to every current unit of a kind. */
export const ASSIGN_ALL_TOKENS = { ALL_MINISTRIES: 'ministry', ALL_PROVINCES: 'province' } as const;

/**
 * The import columns, in template order. `vi` is the template header; `aliases` are also accepted
 * (matched without diacritics, case or punctuation).
 */
export const IMPORT_COLUMNS = [
  { key: 'code', vi: 'Mã nhiệm vụ', en: 'Code', required: true, aliases: ['ma', 'task code', 'ma nv'] },
  {
    key: 'title',
    vi: 'Tên nhiệm vụ',
    en: 'Title',
    required: true,
    aliases: ['nhiem vu', 'noi dung nhiem vu', 'task'],
  },
  {
    key: 'description',
    vi: 'Mô tả',
    en: 'Description',
    required: false,
    aliases: ['noi dung', 'mo ta chi tiet'],
  },
  { key: 'category', vi: 'Lĩnh vực', en: 'Category', required: true, aliases: ['nhom nhiem vu', 'nhom'] },
  {
    key: 'expectedProduct',
    vi: 'Sản phẩm dự kiến',
    en: 'Expected product',
    required: false,
    aliases: ['san pham', 'product'],
  },
  { key: 'leadUnit', vi: 'Đơn vị chủ trì', en: 'Lead unit', required: true, aliases: ['chu tri', 'lead'] },
  {
    key: 'coordinatingUnits',
    vi: 'Đơn vị phối hợp',
    en: 'Coordinating units',
    required: false,
    aliases: ['phoi hop', 'coordinating'],
  },
  {
    key: 'assignedUnits',
    vi: 'Đơn vị được giao',
    en: 'Assigned units',
    required: false,
    aliases: ['giao cho', 'assigned to', 'assignees'],
  },
  { key: 'startDate', vi: 'Ngày bắt đầu', en: 'Start date', required: false, aliases: ['bat dau', 'start'] },
  {
    key: 'deadline',
    vi: 'Hạn hoàn thành',
    en: 'Deadline',
    required: false,
    aliases: ['thoi han', 'han', 'due date'],
  },
  {
    key: 'continuous',
    vi: 'Thường xuyên',
    en: 'Continuous',
    required: false,
    aliases: ['nhiem vu thuong xuyen'],
  },
  {
    key: 'reportingFrequency',
    vi: 'Tần suất báo cáo',
    en: 'Reporting frequency',
    required: false,
    aliases: ['tan suat', 'frequency'],
  },
  { key: 'priority', vi: 'Mức ưu tiên', en: 'Priority', required: false, aliases: ['uu tien'] },
  {
    key: 'parentCode',
    vi: 'Mã nhiệm vụ cha',
    en: 'Parent task code',
    required: false,
    aliases: ['nhiem vu cha', 'parent code', 'parent'],
  },
  {
    key: 'sourceClause',
    vi: 'Căn cứ',
    en: 'Source clause',
    required: false,
    aliases: ['dieu khoan', 'source'],
  },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** Largest accepted import file, and most data rows per file. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;

export const ImportQuery = z.strictObject({
  /** true: validate and count only, write nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
});

export const ImportError = z.object({
  /** Spreadsheet row number (the header is row 1; 1 for errors about the header itself). */
  row: z.number().int(),
  /** The column header as written in the file (the template's header when the column is missing). */
  column: z.string(),
  /** Stable column key (see IMPORT_COLUMNS), or 'file'. */
  field: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

const Counts = z.object({ tasks: z.number().int(), assignments: z.number().int() });

export const ImportResult = z.object({
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'csv']),
  /** Data rows read (empty rows skipped). */
  rows: z.number().int(),
  errors: z.array(ImportError),
  wouldCreate: Counts,
  /** What was written (null on a dry run). */
  created: Counts.nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** Binary downloads: the body is a file, not JSON. Declared so that OpenAPI lists the route. */
export const FileDownload = z.any().describe('File download (see Content-Type and Content-Disposition)');

export const ExportQuery = z.strictObject({ asOf: IsoDate.optional() });
export const ExportCsvQuery = z.strictObject({
  asOf: IsoDate.optional(),
  /** The CSV holds one table: tasks (default) or assignments per unit. */
  table: z.enum(['tasks', 'assignments']).default('tasks'),
});

export const taskIoRoutes = defineRoutes({
  importTasks: {
    method: 'POST',
    path: '/api/programmes/:id/import',
    summary:
      'Import tasks and assignments from an XLSX or CSV file (multipart field "file"). dryRun=true lists every error by row and column and writes nothing; otherwise nothing is imported if any row fails (400 with the errors)',
    tags: ['tasks', 'import-export'],
    params: IdParams,
    query: ImportQuery,
    response: ImportResult,
  },
  templateXlsx: {
    method: 'GET',
    path: '/api/programmes/import-template.xlsx',
    summary: 'Import template (XLSX: header, one example row, and an instructions sheet)',
    tags: ['import-export'],
    response: FileDownload,
  },
  templateCsv: {
    method: 'GET',
    path: '/api/programmes/import-template.csv',
    summary: 'Import template (CSV, UTF-8 with BOM, header and one example row)',
    tags: ['import-export'],
    response: FileDownload,
  },
  exportXlsx: {
    method: 'GET',
    path: '/api/programmes/:id/export.xlsx',
    summary:
      'Tasks with status as of a date, and assignments per unit (XLSX, two sheets), limited to what the caller may see',
    tags: ['import-export'],
    params: IdParams,
    query: ExportQuery,
    response: FileDownload,
  },
  exportCsv: {
    method: 'GET',
    path: '/api/programmes/:id/export.csv',
    summary:
      'Tasks (or, with table=assignments, assignments per unit) with status as of a date (CSV, UTF-8 with BOM), limited to what the caller may see',
    tags: ['import-export'],
    params: IdParams,
    query: ExportCsvQuery,
    response: FileDownload,
  },
});
