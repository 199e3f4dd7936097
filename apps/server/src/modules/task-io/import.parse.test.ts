import { describe, expect, it } from 'vitest';
import {
  csvRecords,
  detectSeparator,
  mapHeader,
  parseCsv,
  parseTable,
  UnreadableFile,
} from './import.parse.ts';
import { templateCsv, templateXlsx, TEMPLATE_EXAMPLE } from './template.ts';
import {
  parseBoolean,
  parseCategory,
  parseDate,
  parseFrequency,
  parsePriority,
  splitList,
} from './import.values.ts';

describe('CSV reading', () => {
  it('detects ; and , separators and keeps quoted separators, quotes and line breaks', () => {
    expect(detectSeparator('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(detectSeparator('a,b,"c;d;e"\n')).toBe(',');
    const recs = csvRecords('a;"b;1";"say ""hi"""\r\n"x\ny";z;\n', ';');
    expect(recs).toEqual([
      { line: 1, cells: ['a', 'b;1', 'say "hi"'] },
      { line: 2, cells: ['x\ny', 'z', ''] },
    ]);
  });

  it('strips the BOM, skips empty rows and numbers rows as a spreadsheet does', () => {
    const sheet = parseCsv('\uFEFFMã nhiệm vụ,Tên nhiệm vụ\nA,Một\n,\nB,Hai\n', 100);
    expect(sheet.header).toEqual(['Mã nhiệm vụ', 'Tên nhiệm vụ']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['A', 'Một'] },
      { row: 4, cells: ['B', 'Hai'] },
    ]);
  });

  it('refuses binaries, non-UTF-8 text and too many rows', async () => {
    await expect(parseTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0, 0]), 10)).rejects.toBeInstanceOf(
      UnreadableFile,
    );
    await expect(parseTable(Buffer.from('Mã,T\xean\n', 'latin1'), 10)).rejects.toMatchObject({
      reason: 'encoding',
    });
    await expect(parseTable(Buffer.from('code,title\na,b\nc,d\n'), 1)).rejects.toMatchObject({
      reason: 'too_many_rows',
    });
  });
});

describe('headers', () => {
  it('maps Vietnamese headers (with or without diacritics, "(*)") and English aliases', () => {
    const m = mapHeader([
      'Mã nhiệm vụ (*)',
      'ten nhiem vu',
      'Lead unit',
      'Parent task code',
      'Ghi chú',
      'DEADLINE',
    ]);
    expect([...m.entries()]).toEqual([
      [0, 'code'],
      [1, 'title'],
      [2, 'leadUnit'],
      [3, 'parentCode'],
      [5, 'deadline'],
    ]);
  });
});

describe('cell values', () => {
  it('reads dates as YYYY-MM-DD or DD/MM/YYYY and rejects impossible ones', () => {
    expect(parseDate('2025-06-30')).toBe('2025-06-30');
    expect(parseDate('30/06/2025')).toBe('2025-06-30');
    expect(parseDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDate('31/06/2025')).toBeUndefined();
    expect(parseDate('06/30/2025')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
  });

  it('reads categories, frequencies, priorities and yes/no in Vietnamese or English', () => {
    expect(parseCategory('Thể chế, pháp luật')).toBe('institutions');
    expect(parseCategory('the che phap luat')).toBe('institutions');
    expect(parseCategory('Digital infrastructure')).toBe('infrastructure');
    expect(parseCategory('human_resources')).toBe('human_resources');
    expect(parseCategory('Vũ trụ')).toBeUndefined();
    expect(parseFrequency('Hàng quý')).toBe('quarterly');
    expect(parseFrequency('6 tháng')).toBe('semiannual');
    expect(parsePriority('Cao')).toBe('high');
    expect(parseBoolean('Có')).toBe(true);
    expect(parseBoolean('không')).toBe(false);
    expect(parseBoolean('')).toBe(false);
    expect(parseBoolean('maybe')).toBeUndefined();
    expect(splitList('BTP; BTC;;BCA')).toEqual(['BTP', 'BTC', 'BCA']);
  });
});

describe('template', () => {
  it('parses back: CSV and XLSX give the header and the example row', async () => {
    for (const buf of [templateCsv(), await templateXlsx()]) {
      const sheet = await parseTable(buf, 10);
      const keys = mapHeader(sheet.header);
      expect(keys.size).toBe(15);
      expect(sheet.rows).toHaveLength(1);
      const row = Object.fromEntries([...keys].map(([i, k]) => [k, sheet.rows[0]!.cells[i] ?? '']));
      expect(row).toEqual(TEMPLATE_EXAMPLE);
    }
  });
});
