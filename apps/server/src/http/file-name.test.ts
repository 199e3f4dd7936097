import { describe, expect, it } from 'vitest';
import { cleanFileName } from './file-name.ts';
import { safeFilename } from '../modules/reports/index.ts';

describe('cleanFileName', () => {
  it('strips bidi overrides, isolates and marks, and control characters', () => {
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('\u2066a\u2067b\u2068c\u2069\u200E\u200F\u202A\u202B\u202C\u202Dd.xlsx')).toBe(
      'abcd.xlsx',
    );
    expect(cleanFileName('a\u0000b\nc.csv')).toBe('abc.csv');
    expect(cleanFileName('Báo cáo quý 2.pdf')).toBe('Báo cáo quý 2.pdf');
  });

  it('is applied to stored evidence names', () => {
    expect(safeFilename('bao-cao\u202Efdp.pdf', { type: 'pdf', ext: 'pdf' } as never)).toBe('bao-caofdp.pdf');
  });
});
