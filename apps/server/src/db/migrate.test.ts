import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('splits on a semicolon at the end of a line', () => {
    expect(splitStatements('create table a (x int);\ncreate index a_x on a (x);\n')).toEqual([
      'create table a (x int)',
      'create index a_x on a (x)',
    ]);
  });

  it('keeps multi-line statements whole and accepts a last statement without a newline', () => {
    const body = "create table a (\n  x int,\n  y text\n);\ninsert into a values (1, 'b')";
    expect(splitStatements(body)).toEqual([
      'create table a (\n  x int,\n  y text\n)',
      "insert into a values (1, 'b')",
    ]);
  });

  it('drops comment lines (also indented) and blank statements', () => {
    const body = '-- header\n\n  -- indented\ncreate table a (x int); \n\n;\n-- trailing\n';
    expect(splitStatements(body)).toEqual(['create table a (x int)']);
  });

  it('does not split on a semicolon inside a line', () => {
    expect(splitStatements("insert into t values ('a;b');\n")).toEqual(["insert into t values ('a;b')"]);
  });

  it('handles CRLF line endings', () => {
    expect(splitStatements('-- c\r\nselect 1;\r\nselect 2;\r\n')).toEqual(['select 1', 'select 2']);
  });

  it('splits every shipped migration into statements without leftover semicolons at line ends', async () => {
    const dir = path.join(import.meta.dirname, 'migrations');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const statements = splitStatements(await readFile(path.join(dir, file), 'utf8'));
      expect(statements.length, file).toBeGreaterThan(0);
      for (const s of statements) {
        expect(s, file).not.toMatch(/;\s*\n/);
        expect(s.startsWith('--'), file).toBe(false);
      }
    }
  });
});
