import { describe, expect, it } from 'vitest';
import { safeCell } from './cell-safety.ts';
import ExcelJS from 'exceljs';
import { addTableSheet, toCsv } from './files.ts';

describe('safeCell (CSV/XLSX injection)', () => {
  it('neutralises every text a spreadsheet would evaluate', () => {
    for (const s of [
      "-2+3+cmd|' /C calc'!A0",
      '=HYPERLINK("http://x","y")',
      '+84 912 345 678',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      '-2',
      '＝1+1',
    ])
      expect(safeCell(s)).toBe(`'${s}`);
  });

  it('keeps ordinary text and genuine numbers', () => {
    expect(safeCell('Nghị định 13/2023')).toBe('Nghị định 13/2023');
    expect(safeCell('2025-06-30')).toBe('2025-06-30');
    expect(safeCell(-2)).toBe(-2);
    expect(safeCell(45)).toBe(45);
    expect(safeCell(null)).toBeNull();
    expect(safeCell('')).toBe('');
  });

  it('is applied by the CSV writer', () => {
    const csv = toCsv([{ header: 'T', value: (r: { t: string }) => r.t }], [{ t: "-2+3+cmd|' /C calc'!A0" }]);
    expect(csv.toString('utf8')).toContain(`\r\n'-2+3+cmd|' /C calc'!A0\r\n`);
  });

  it('is applied by the XLSX table writer (numbers stay numbers)', () => {
    const wb = new ExcelJS.Workbook();
    const ws = addTableSheet(
      wb,
      'T',
      [
        { header: 'T', value: (r: { t: string; n: number }) => r.t },
        { header: 'N', value: (r) => r.n },
      ],
      [{ t: '=1+1', n: -2 }],
    );
    expect(ws.getCell('A2').value).toBe("'=1+1");
    expect(ws.getCell('B2').value).toBe(-2);
  });
});
