import ExcelJS from 'exceljs';
import {
  ASSIGN_ALL_TOKENS,
  CATEGORY_LABELS,
  FREQUENCY_LABELS,
  IMPORT_COLUMNS,
  PRIORITY_LABELS,
  type ImportColumnKey,
} from '@pilotage/contracts';
import { addTableSheet, toCsv, workbookBuffer, type TableColumn } from './files.ts';

/** The import template: the Vietnamese headers, one example row, and (XLSX) an instructions sheet. */

export const TEMPLATE_EXAMPLE: Record<ImportColumnKey, string> = {
  code: 'NV-01',
  title: 'Xây dựng Luật Khoa học, công nghệ và đổi mới sáng tạo',
  description: 'Trình Quốc hội dự án Luật',
  category: CATEGORY_LABELS.institutions.vi,
  expectedProduct: 'Luật',
  leadUnit: 'BKHCN',
  coordinatingUnits: 'BTP;BTC',
  assignedUnits: 'BKHCN',
  startDate: '01/01/2025',
  deadline: '30/06/2025',
  continuous: 'không',
  reportingFrequency: FREQUENCY_LABELS.monthly.vi,
  priority: PRIORITY_LABELS.high.vi,
  parentCode: '',
  sourceClause: 'Mục III.1',
};

const FORMAT: Record<ImportColumnKey, { vi: string; en: string }> = {
  code: {
    vi: 'Duy nhất trong tệp và trong chương trình (tối đa 40 ký tự)',
    en: 'Unique in the file and the programme (max 40 characters)',
  },
  title: { vi: 'Văn bản', en: 'Text' },
  description: { vi: 'Văn bản', en: 'Text' },
  category: {
    vi: 'Tên lĩnh vực (tiếng Việt hoặc tiếng Anh) hoặc mã, xem bảng dưới',
    en: 'Category label (Vietnamese or English) or code, see below',
  },
  expectedProduct: {
    vi: 'Ví dụ: Nghị định, Cơ sở dữ liệu, Báo cáo',
    en: 'E.g. a decree, a database, a report',
  },
  leadUnit: {
    vi: 'Mã đơn vị hoặc tên chính xác (không phân biệt dấu)',
    en: 'Unit code or exact name (diacritics optional)',
  },
  coordinatingUnits: { vi: 'Các mã đơn vị, phân cách bằng dấu ;', en: 'Unit codes separated by ;' },
  assignedUnits: {
    vi: `Các mã đơn vị phân cách bằng ; hoặc ${Object.keys(ASSIGN_ALL_TOKENS).join(' / ')}; để trống = giao cho đơn vị chủ trì`,
    en: `Unit codes separated by ; or ${Object.keys(ASSIGN_ALL_TOKENS).join(' / ')}; empty = the lead unit`,
  },
  startDate: {
    vi: 'YYYY-MM-DD hoặc DD/MM/YYYY; để trống = ngày bắt đầu của chương trình',
    en: "YYYY-MM-DD or DD/MM/YYYY; empty = the programme's start",
  },
  deadline: {
    vi: 'YYYY-MM-DD hoặc DD/MM/YYYY; để trống nếu nhiệm vụ thường xuyên',
    en: 'YYYY-MM-DD or DD/MM/YYYY; empty if continuous',
  },
  continuous: { vi: 'có / không (mặc định: không)', en: 'yes / no (default: no)' },
  reportingFrequency: {
    vi: 'Xem bảng dưới; để trống = theo chương trình',
    en: "See below; empty = the programme's",
  },
  priority: {
    vi: 'Cao / Bình thường / Thấp (mặc định: Bình thường)',
    en: 'High / Normal / Low (default: Normal)',
  },
  parentCode: {
    vi: 'Mã một nhiệm vụ trong tệp hoặc đã có trong chương trình',
    en: 'Code of a task in the file or already in the programme',
  },
  sourceClause: { vi: 'Điều, khoản, mục của văn bản giao nhiệm vụ', en: 'Clause of the assigning document' },
};

type Col = (typeof IMPORT_COLUMNS)[number];
const templateColumns: TableColumn<Record<ImportColumnKey, string>>[] = IMPORT_COLUMNS.map((c) => ({
  header: c.required ? `${c.vi} (*)` : c.vi,
  width: c.key === 'title' || c.key === 'description' ? 40 : 20,
  value: (row) => row[c.key],
}));

export function templateCsv(): Buffer {
  return toCsv(templateColumns, [TEMPLATE_EXAMPLE]);
}

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = addTableSheet(wb, 'Nhiệm vụ', templateColumns, [TEMPLATE_EXAMPLE]);
  data.autoFilter = undefined;
  // keep codes such as "01" (Hà Nội) as text and dates as typed
  data.columns.forEach((col) => (col.numFmt = '@'));

  const help = wb.addWorksheet('Hướng dẫn - Instructions');
  help.columns = [{ width: 28 }, { width: 28 }, { width: 12 }, { width: 60 }, { width: 60 }];
  const title = (text: string) => {
    help.addRow([]);
    help.addRow([text]).font = { bold: true, size: 12 };
  };
  help.addRow(['Mẫu nhập nhiệm vụ và phân công / Task and assignment import template']).font = {
    bold: true,
    size: 14,
  };
  help.addRow([
    'Điền dữ liệu vào trang "Nhiệm vụ", mỗi dòng một nhiệm vụ; (*) là cột bắt buộc. Tệp có lỗi sẽ không được nhập dòng nào.',
  ]);
  help.addRow([
    'Fill the "Nhiệm vụ" sheet, one task per row; (*) marks required columns. A file with any error imports nothing.',
  ]);
  title('Cột / Columns');
  help.addRow([
    'Tiêu đề cột',
    'Column (English header accepted)',
    'Bắt buộc / Required',
    'Định dạng',
    'Format',
  ]).font = { bold: true };
  for (const c of IMPORT_COLUMNS as readonly Col[]) {
    help.addRow([c.vi, c.en, c.required ? 'có / yes' : '', FORMAT[c.key].vi, FORMAT[c.key].en]);
  }
  title('Lĩnh vực / Categories');
  help.addRow(['Mã / Code', 'Tiếng Việt', 'English']).font = { bold: true };
  for (const [code, l] of Object.entries(CATEGORY_LABELS)) help.addRow([code, l.vi, l.en]);
  title('Tần suất báo cáo / Reporting frequencies');
  help.addRow(['Mã / Code', 'Tiếng Việt', 'English']).font = { bold: true };
  for (const [code, l] of Object.entries(FREQUENCY_LABELS)) help.addRow([code, l.vi, l.en]);
  title('Mức ưu tiên / Priorities');
  help.addRow(['Mã / Code', 'Tiếng Việt', 'English']).font = { bold: true };
  for (const [code, l] of Object.entries(PRIORITY_LABELS)) help.addRow([code, l.vi, l.en]);
  title('Giao cho tất cả / Assign to all');
  help.addRow([
    'ALL_MINISTRIES',
    'Tất cả các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
    'Every ministry and government agency',
  ]);
  help.addRow(['ALL_PROVINCES', 'Tất cả 34 tỉnh, thành phố', 'All 34 provinces and centrally-run cities']);
  return workbookBuffer(wb);
}
