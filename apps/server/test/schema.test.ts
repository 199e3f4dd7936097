/**
 * db/schema.ts (the Kysely types every query is checked against) matches the migrated database: the same
 * tables, the same columns, compatible types and the same nullability. The expected side is read from
 * schema.ts with the TypeScript compiler API, the actual side from information_schema.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';

type Kind = 'text' | 'date' | 'number' | 'boolean' | 'timestamp' | 'array' | 'bytes' | 'json' | 'unknown';
interface Column {
  kind: Kind;
  nullable: boolean;
}
type Tables = Record<string, Record<string, Column>>;

const SCHEMA_FILE = new URL('../src/db/schema.ts', import.meta.url);

/**
 * Reads `interface DB { table: XTable }` and each `XTable` interface of schema.ts, following
 * `DB extends AreaTables` into the `schema.<area>.ts` files it imports.
 */
function declaredTables(source = readFileSync(SCHEMA_FILE, 'utf8'), dbName = 'DB'): Tables {
  const file = ts.createSourceFile('schema.ts', source, ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeNode>();
  const genericAliases = new Set<string>();
  const importedFrom = new Map<string, string>();
  file.forEachChild((n) => {
    if (
      ts.isImportDeclaration(n) &&
      ts.isStringLiteral(n.moduleSpecifier) &&
      n.moduleSpecifier.text.startsWith('./schema.')
    )
      for (const e of (n.importClause?.namedBindings as ts.NamedImports | undefined)?.elements ?? [])
        importedFrom.set(e.name.text, n.moduleSpecifier.text);
  });
  file.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n);
    if (ts.isTypeAliasDeclaration(n)) aliases.set(n.name.text, n.type);
    if (ts.isTypeAliasDeclaration(n) && n.typeParameters?.length) genericAliases.add(n.name.text);
  });
  const imported = new Set<string>(); // enum unions from @pilotage/contracts: text columns
  file.forEachChild((n) => {
    if (
      ts.isImportDeclaration(n) &&
      n.importClause?.namedBindings &&
      ts.isNamedImports(n.importClause.namedBindings)
    )
      for (const e of n.importClause.namedBindings.elements) imported.add(e.name.text);
  });

  const resolve = (node: ts.TypeNode): Column => {
    if (ts.isUnionTypeNode(node)) {
      const isNull = (t: ts.TypeNode) =>
        ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
      const parts = node.types.filter((t) => !isNull(t)).map(resolve);
      const kinds = [...new Set(parts.map((p) => p.kind))];
      return {
        kind: kinds.length === 1 ? kinds[0]! : 'unknown',
        nullable: node.types.some(isNull) || parts.some((p) => p.nullable),
      };
    }
    if (ts.isLiteralTypeNode(node))
      return node.literal.kind === ts.SyntaxKind.NullKeyword
        ? { kind: 'unknown', nullable: true }
        : { kind: 'text', nullable: false }; // string literal of an inline union
    if (ts.isArrayTypeNode(node)) return { kind: 'array', nullable: false };
    const keyword: Partial<Record<ts.SyntaxKind, Column>> = {
      [ts.SyntaxKind.StringKeyword]: { kind: 'text', nullable: false },
      [ts.SyntaxKind.NumberKeyword]: { kind: 'number', nullable: false },
      [ts.SyntaxKind.BooleanKeyword]: { kind: 'boolean', nullable: false },
      [ts.SyntaxKind.UnknownKeyword]: { kind: 'json', nullable: true },
    };
    const simple = keyword[node.kind];
    if (simple) return simple;
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(file);
      if (name === 'ColumnType' && node.typeArguments?.[0]) return resolve(node.typeArguments[0]);
      if (name === 'DateString') return { kind: 'date', nullable: false };
      if (name === 'Date') return { kind: 'timestamp', nullable: false };
      if (name === 'Uint8Array' || name === 'Buffer') return { kind: 'bytes', nullable: false };
      // a generic alias (e.g. `Json<T> = ColumnType<T, string, string>`) is a JSON column of that shape
      if (genericAliases.has(name)) return { kind: 'json', nullable: false };
      const alias = aliases.get(name);
      if (alias) return resolve(alias);
      if (imported.has(name)) return { kind: 'text', nullable: false };
    }
    throw new Error(`schema.ts: cannot read the type ${node.getText(file)}`);
  };

  const db = interfaces.get(dbName);
  if (!db) throw new Error(`schema.ts has no interface ${dbName}`);
  const out: Tables = {};
  for (const clause of db.heritageClauses ?? [])
    for (const t of clause.types) {
      const name = t.expression.getText(file);
      const from = importedFrom.get(name);
      if (!from) throw new Error(`schema.ts: ${dbName} extends ${name}, not imported from ./schema.*.ts`);
      Object.assign(out, declaredTables(readFileSync(new URL(from, SCHEMA_FILE), 'utf8'), name));
    }
  for (const member of db.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue;
    const table = member.name.getText(file);
    const iface = interfaces.get(member.type.typeName.getText(file));
    if (!iface) throw new Error(`schema.ts: no interface for table ${table}`);
    out[table] = {};
    for (const col of iface.members)
      if (ts.isPropertySignature(col) && col.type) out[table][col.name.getText(file)] = resolve(col.type);
  }
  return out;
}

const KIND_OF: Record<string, Kind> = {
  text: 'text',
  uuid: 'text',
  'character varying': 'text',
  character: 'text',
  date: 'date',
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  numeric: 'number',
  real: 'number',
  'double precision': 'number',
  boolean: 'boolean',
  'timestamp with time zone': 'timestamp',
  'timestamp without time zone': 'timestamp',
  ARRAY: 'array',
  bytea: 'bytes',
  json: 'json',
  jsonb: 'json',
};

async function databaseTables(env: TestEnv): Promise<Tables> {
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>`select c.table_name, c.column_name, c.data_type, c.is_nullable
       from information_schema.columns c
       join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(env.database.db);
  const out: Tables = {};
  for (const r of rows)
    (out[r.table_name] ??= {})[r.column_name] = {
      kind: KIND_OF[r.data_type] ?? 'unknown',
      nullable: r.is_nullable === 'YES',
    };
  return out;
}

/** Every difference between the declared and the actual schema, one line each. */
function differences(declared: Tables, actual: Tables): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(declared), ...Object.keys(actual)])) {
    const d = declared[table];
    const a = actual[table];
    if (!d) out.push(`${table}: table in the database, not in schema.ts`);
    if (!a) out.push(`${table}: table in schema.ts, not in the database`);
    if (!d || !a) continue;
    for (const col of new Set([...Object.keys(d), ...Object.keys(a)])) {
      const dc = d[col];
      const ac = a[col];
      if (!dc) out.push(`${table}.${col}: column in the database, not in schema.ts`);
      else if (!ac) out.push(`${table}.${col}: column in schema.ts, not in the database`);
      else {
        if (dc.kind !== ac.kind)
          out.push(`${table}.${col}: schema.ts says ${dc.kind}, the database ${ac.kind}`);
        if (dc.kind !== 'json' && dc.nullable !== ac.nullable)
          out.push(`${table}.${col}: nullable in ${dc.nullable ? 'schema.ts' : 'the database'} only`);
      }
    }
  }
  return out.sort();
}

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('db/schema.ts', () => {
  it('matches the migrated database: tables, columns, types, nullability', async () => {
    expect(differences(declaredTables(), await databaseTables(env))).toEqual([]);
  });

  it('reports a column added to a migration only, or to schema.ts only, or a changed nullability', async () => {
    const actual = await databaseTables(env);
    const declared = declaredTables();
    delete declared.task!.priority;
    declared.assignment!.extra = { kind: 'text', nullable: false };
    declared.progress_report!.narrative = { kind: 'text', nullable: false };
    declared.programme!.title = { kind: 'number', nullable: false };
    expect(differences(declared, actual)).toEqual([
      'assignment.extra: column in schema.ts, not in the database',
      'programme.title: schema.ts says number, the database text',
      'progress_report.narrative: nullable in the database only',
      'task.priority: column in the database, not in schema.ts',
    ]);
  });

  it('reads every column type of schema.ts (no unknown kind)', () => {
    for (const [table, cols] of Object.entries(declaredTables()))
      for (const [col, c] of Object.entries(cols)) expect(c.kind, `${table}.${col}`).not.toBe('unknown');
  });
});
