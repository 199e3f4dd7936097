import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { parseTable } from '../src/modules/task-io/import.parse.ts';
import { tasksRepository } from '../src/modules/tasks/tasks.repository.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, unitByCode, type Client } from './factories.ts';
import { createProgramme } from './tasks-factories.ts';
import { fixture, multipartFile, readCsv, readXlsx } from './fixtures/io.ts';

let env: TestEnv;
let steering: Client;
let ministries: number;
beforeAll(async () => {
  env = await createTestEnv();
  steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
  const n = await env.database.db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'ministry')
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  ministries = Number(n.n);
});
afterAll(() => env.close());

const newProgramme = (ownerUnitCode = 'BCDCP') => createProgramme(env, { ownerUnitCode });

const upload = (
  client: Client,
  programmeId: string,
  name: string,
  data: Buffer,
  dryRun: boolean,
  headers: Record<string, string> = {},
) => {
  const body = multipartFile(name, data);
  return client.request({
    method: 'POST',
    url: `/api/programmes/${programmeId}/import?dryRun=${dryRun}`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
};

async function counts(programmeId: string) {
  const db = env.database.db;
  const tasks = await db
    .selectFrom('task')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const assignments = await db
    .selectFrom('assignment')
    .innerJoin('task', 'task.id', 'assignment.task_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('task.programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const audits = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', 'programme.import')
    .where('entity_id', '=', programmeId)
    .execute();
  return { tasks: Number(tasks.n), assignments: Number(assignments.n), audits };
}

/** The good fixture as an XLSX workbook, as a user would save it: real date cells, "01" typed as a number. */
async function goodAsXlsx(): Promise<Buffer> {
  const sheet = await parseTable(await fixture('import-good.csv'), 100);
  const rows = [sheet.header, ...sheet.rows.map((r) => r.cells)];
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Đọc kỹ trước khi điền']);
  const ws = wb.addWorksheet('Nhiệm vụ');
  for (const r of rows) {
    ws.addRow(
      r.map((cell, i) => {
        const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cell);
        if (dmy && (i === 8 || i === 9))
          return new Date(Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1])));
        return cell === '01' ? 1 : cell;
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import', () => {
  it('a file with errors imports nothing and lists every error by row and column', async () => {
    const programme = await newProgramme();
    const data = await fixture('import-errors.csv');
    const dry = await upload(steering, programme.id, 'errors.csv', data, true, { 'accept-language': 'en' });
    expect(dry.statusCode, dry.body).toBe(200);
    const body = dry.json();
    expect(body.rows).toBe(6);
    expect(
      body.errors.map((e: { row: number; column: string; field: string }) => [e.row, e.column, e.field]),
    ).toEqual([
      [2, 'Deadline', 'deadline'],
      [3, 'Lead unit', 'leadUnit'],
      [4, 'Category', 'category'],
      [5, 'Code', 'code'],
      [6, 'Title', 'title'],
    ]);
    expect(body.errors[0].message).toContain('Invalid date "31/02/2025"');
    expect(body.errors[1].message).toContain('BXYZ');
    expect(body.errors[3].message).toContain('row 2');

    const real = await upload(steering, programme.id, 'errors.csv', data, false);
    expect(real.statusCode).toBe(400);
    expect(real.headers['content-type']).toContain('application/problem+json');
    const problem = real.json();
    expect(problem.detail).toBe('Không nhập dữ liệu nào: tệp có 5 lỗi');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([
      'rows.2.deadline',
      'rows.3.leadUnit',
      'rows.4.category',
      'rows.5.code',
      'rows.6.title',
    ]);
    expect(problem.errors[4].message).toBe('Title: Bắt buộc nhập');
    expect(await counts(programme.id)).toMatchObject({ tasks: 0, assignments: 0, audits: [] });
  });

  it('a dry run of a good file counts what it would create and writes nothing', async () => {
    const programme = await newProgramme();
    const res = await upload(steering, programme.id, 'good.csv', await fixture('import-good.csv'), true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      format: 'csv',
      rows: 5,
      errors: [],
      wouldCreate: { tasks: 5, assignments: 1 + 34 + 1 + ministries + 3 },
      created: null,
    });
    expect(await counts(programme.id)).toMatchObject({ tasks: 0, assignments: 0, audits: [] });
  });

  it('a good CSV imports tasks, coordinating units, parents and assignments, with one audit event', async () => {
    const programme = await newProgramme();
    const res = await upload(steering, programme.id, 'good.csv', await fixture('import-good.csv'), false);
    expect(res.statusCode, res.body).toBe(200);
    const expected = { tasks: 5, assignments: 1 + 34 + 1 + ministries + 3 };
    expect(res.json().created).toEqual(expected);
    const after = await counts(programme.id);
    expect(after).toMatchObject(expected);
    expect(after.audits).toHaveLength(1);
    expect(after.audits[0]!.after).toMatchObject({
      rows: 5,
      tasks: 5,
      assignments: expected.assignments,
      coordinating: 3,
      format: 'csv',
    });

    const db = env.database.db;
    const tasks = await db.selectFrom('task').selectAll().where('programme_id', '=', programme.id).execute();
    const byCode = new Map(tasks.map((t) => [t.code, t]));
    const t1 = byCode.get('T-01')!;
    expect(t1).toMatchObject({
      category: 'institutions',
      deadline: '2025-06-30',
      start_date: '2025-01-01',
      priority: 'high',
      is_continuous: false,
    });
    expect(t1.lead_unit_id).toBe((await unitByCode(env, 'BKHCN')).id);
    expect(byCode.get('T-02')).toMatchObject({
      is_continuous: true,
      deadline: null,
      reporting_frequency: 'monthly',
      category: 'digital_government',
    });
    expect(byCode.get('T-02')!.description).toBe('Báo cáo hằng tháng; không dùng giấy');
    expect(byCode.get('T-03')!.lead_unit_id).toBe((await unitByCode(env, 'BCA')).id);
    expect(byCode.get('T-04')!.parent_task_id).toBe(byCode.get('T-02')!.id);
    expect(byCode.get('T-05')!.parent_task_id).toBe(byCode.get('T-04')!.id);
    const coord = await db
      .selectFrom('task_coordinating_unit')
      .select('unit_id')
      .where('task_id', '=', t1.id)
      .execute();
    expect(coord).toHaveLength(2);

    // the same file again: every code now exists
    const again = await upload(steering, programme.id, 'good.csv', await fixture('import-good.csv'), true);
    expect(again.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '2:code',
      '3:code',
      '4:code',
      '5:code',
      '6:code',
    ]);
  });

  it('a good XLSX (date cells, numeric unit codes, an instructions sheet first) imports the same', async () => {
    const programme = await newProgramme();
    const res = await upload(steering, programme.id, 'good.xlsx', await goodAsXlsx(), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      format: 'xlsx',
      errors: [],
      created: { tasks: 5, assignments: 1 + 34 + 1 + ministries + 3 },
    });
    const t1 = await tasksRepository.findTaskByCode(env.database.db, programme.id, 'T-01');
    expect(t1).toMatchObject({ start_date: '2025-01-01', deadline: '2025-06-30' });
    expect((await counts(programme.id)).audits).toHaveLength(1);
  });

  it('the templates download and parse back with a header and an example row', async () => {
    const xlsx = await steering.get('/api/programmes/import-template.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('attachment; filename="mau-nhap-nhiem-vu.xlsx"');
    const sheets = await readXlsx(xlsx.rawPayload);
    expect([...sheets.keys()]).toEqual(['Nhiệm vụ', 'Hướng dẫn - Instructions']);
    expect(sheets.get('Nhiệm vụ')![0]![0]).toBe('Mã nhiệm vụ (*)');
    expect(sheets.get('Nhiệm vụ')).toHaveLength(2);
    const help = sheets.get('Hướng dẫn - Instructions')!.flat();
    expect(help).toContain('Thể chế, pháp luật');
    expect(help).toContain('Research and innovation');
    expect(help).toContain('Hàng quý');
    expect(help).toContain('Semi-annual');

    const csv = await steering.get('/api/programmes/import-template.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = readCsv(csv.body);
    expect(rows).toHaveLength(2);
    expect(rows[0]![1]).toBe('Tên nhiệm vụ (*)');

    // the example row itself is importable
    const programme = await newProgramme();
    const dry = await upload(steering, programme.id, 'template.xlsx', xlsx.rawPayload, true);
    expect(dry.json()).toMatchObject({ errors: [], wouldCreate: { tasks: 1, assignments: 1 } });
  });

  it('only admin or steering staff in scope may import; a commune officer gets 403', async () => {
    const programme = await newProgramme();
    const data = await fixture('import-good.csv');
    const commune = (await signedIn(env, '00004', ['officer'])).client;
    const res = await upload(commune, programme.id, 'good.csv', data, true);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    // a provincial steering member may not import into a national programme
    const province = (await signedIn(env, '01', ['steering'])).client;
    expect((await upload(province, programme.id, 'good.csv', data, true)).statusCode).toBe(403);
    // …but may into its own, with units of its province only
    const own = await newProgramme('01');
    const dry = await upload(province, own.id, 'good.csv', data, true, { 'accept-language': 'en' });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().errors.some((e: { message: string }) => e.message.includes('outside your scope'))).toBe(
      true,
    );
    expect((await counts(programme.id)).tasks).toBe(0);
  });

  it('rejects a missing file, a non-table file and an unknown programme as problem+json', async () => {
    const programme = await newProgramme();
    const none = await steering.request({
      method: 'POST',
      url: `/api/programmes/${programme.id}/import`,
      payload: {},
    });
    expect(none.statusCode).toBe(415);
    const pdf = await upload(
      steering,
      programme.id,
      'x.pdf',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 0, 0]),
      true,
    );
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().errors[0].path).toBe('file');
    const missing = await upload(steering, newId(), 'good.csv', await fixture('import-good.csv'), true);
    expect(missing.statusCode).toBe(404);
    const noColumns = await upload(steering, programme.id, 'x.csv', Buffer.from('a;b\n1;2\n'), true);
    expect(noColumns.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(
      ['1:code', '1:title', '1:category', '1:leadUnit'],
    );
  });

  it('OpenAPI lists the import, template, export and review routes', async () => {
    const spec = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/programmes/{id}/import',
      '/api/programmes/import-template.xlsx',
      '/api/programmes/import-template.csv',
      '/api/programmes/{id}/export.xlsx',
      '/api/programmes/{id}/export.csv',
      '/api/programmes/{id}/review',
      '/api/programmes/{id}/review.xlsx',
      '/api/programmes/{id}/review.docx',
    ]) {
      expect(Object.keys(spec.paths), p).toContain(p);
    }
  });
});
