import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv, type Dataset } from './dataset.ts';
import { sheetName, toXlsx } from './xlsx.ts';

const data: Dataset = {
  columns: [
    { key: 'unit', label: 'Đơn vị' },
    { key: 'overdue', label: 'Quá hạn', kind: 'number' },
    { key: 'rate', label: 'Tỷ lệ hoàn thành', kind: 'percent' },
    { key: 'date', label: 'Ngày', kind: 'date' },
  ],
  rows: [
    { unit: 'Bộ Khoa học và Công nghệ', overdue: 4, rate: 62.3, date: '2025-06-30' },
    { unit: '=HYPERLINK("x")', overdue: 0, rate: null, date: '2026-12-01' },
  ],
};

describe('chart exports', () => {
  it('writes an XLSX workbook Excel readers open: named sheet, header, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(toXlsx(data, 'Quá hạn theo bộ, ngành')) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Quá hạn theo bộ, ngành');
    expect(ws.getRow(1).values).toEqual([undefined, 'Đơn vị', 'Quá hạn', 'Tỷ lệ hoàn thành', 'Ngày']);
    expect(ws.getCell('A2').value).toBe('Bộ Khoa học và Công nghệ');
    expect(ws.getCell('B2').value).toBe(4);
    expect(ws.getCell('C2').value).toBe(62.3);
    expect(ws.getCell('D2').value).toBe('30/06/2025');
    expect(ws.getCell('A3').value).toBe(`'=HYPERLINK("x")`);
    expect(ws.getCell('C3').value).toBeNull();
  });

  it('cuts a long sheet name at a word, within Excel’s 31 characters', () => {
    const name = sheetName('Tỷ lệ nhiệm vụ hoàn thành theo thời gian của chương trình');
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).toBe('Tỷ lệ nhiệm vụ hoàn thành theo');
  });

  it('writes CSV with a BOM, quoted separators and neutralised formulas', () => {
    const csv = toCsv(data);
    expect(csv.startsWith('\uFEFFĐơn vị,Quá hạn,Tỷ lệ hoàn thành,Ngày\r\n')).toBe(true);
    expect(csv).toContain('Bộ Khoa học và Công nghệ,4,62.3,30/06/2025\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")",0,,01/12/2026\r\n`);
  });
});
