import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn } from './factories.ts';
import { readCsv, readXlsx } from './fixtures/io.ts';
import { AS_OF, buildReviewWorld, type ReviewWorld } from './fixtures/review-world.ts';

let env: TestEnv;
let w: ReviewWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await buildReviewWorld(env);
});
afterAll(() => env.close());

const STATUS_COL = 9;

describe('export', () => {
  it('XLSX: a task sheet with statuses as of the date (Vietnamese labels) and an assignments sheet per unit', async () => {
    const res = await w.steering.get(`/api/programmes/${w.programmeId}/export.xlsx?asOf=${AS_OF}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="nhiem-vu-${w.code}-2025-06-30\\.xlsx"`),
    );
    const sheets = await readXlsx(res.rawPayload);
    expect([...sheets.keys()]).toEqual(['Nhiệm vụ', 'Phân công theo đơn vị', 'Thông tin']);

    const [header, ...tasks] = sheets.get('Nhiệm vụ')!;
    expect(header!.slice(0, 4)).toEqual(['Mã nhiệm vụ', 'Tên nhiệm vụ', 'Lĩnh vực', 'Đơn vị chủ trì']);
    expect(header![STATUS_COL]).toBe('Trạng thái');
    expect(tasks.map((r) => [r[0], r[STATUS_COL], r[STATUS_COL + 1]])).toEqual([
      ['R-01', 'Đã hoàn thành đúng hạn', 'done_on_time'],
      ['R-02', 'Đã hoàn thành quá hạn', 'done_late'],
      ['R-03', 'Đang thực hiện quá hạn', 'overdue'],
      ['R-04', 'Đang thực hiện trong hạn', 'in_progress'],
      ['R-05', 'Chưa thực hiện', 'not_started'],
    ]);
    expect(tasks[0]![3]).toBe('Bộ Khoa học và Công nghệ');
    expect(tasks[0]![7]).toBe('2025-03-31');
    expect(tasks[0]![12]).toBe('100');
    expect(tasks[2]![12]).toBe('45'); // average of Hà Nội 40% and Bắc Ninh 50%

    const [aHeader, ...assignments] = sheets.get('Phân công theo đơn vị')!;
    expect(aHeader!.slice(0, 4)).toEqual(['Mã đơn vị', 'Đơn vị', 'Cấp', 'Mã nhiệm vụ']);
    // ministries first, then provinces (by code), then the commune of the cascade
    expect(assignments.map((r) => `${r[0]}:${r[3]}`)).toEqual(
      ['BTP:R-02', 'BYT:R-04', 'BKHCN:R-01', '01:R-03', '01:R-05', '02:R-03', '00004:R-03'].sort(
        byKindThenCode,
      ),
    );
    const hanoiR03 = assignments.find((r) => r[0] === '01' && r[3] === 'R-03')!;
    expect(hanoiR03[8]).toBe('Phó Chủ tịch UBND Nguyễn Văn A');
    expect(hanoiR03[9]).toBe('Đang thực hiện quá hạn');
  });

  it('CSV: UTF-8 with BOM, tasks by default, assignments with table=assignments', async () => {
    const res = await w.steering.get(`/api/programmes/${w.programmeId}/export.csv?asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = readCsv(res.rawPayload.toString('utf8'));
    expect(rows).toHaveLength(6);
    expect(rows[1]![STATUS_COL]).toBe('Đã hoàn thành đúng hạn');
    expect(rows[3]![1]).toBe('Kết nối cơ sở dữ liệu dân cư với các tỉnh');

    const assignments = await w.steering.get(
      `/api/programmes/${w.programmeId}/export.csv?asOf=${AS_OF}&table=assignments`,
    );
    expect(assignments.headers['content-disposition']).toContain('phan-cong-');
    expect(readCsv(assignments.rawPayload.toString('utf8'))).toHaveLength(8);
  });

  it('the status follows asOf: before the deadlines nothing is overdue', async () => {
    const res = await w.steering.get(`/api/programmes/${w.programmeId}/export.csv?asOf=2025-03-01`);
    const rows = readCsv(res.rawPayload.toString('utf8')).slice(1);
    expect(rows.map((r) => r[STATUS_COL + 1])).toEqual([
      'not_started',
      'not_started',
      'not_started',
      'not_started',
      'not_started',
    ]);
  });

  it("a commune officer's export holds only what it may see: its own cascaded assignment", async () => {
    const { client } = await signedIn(env, '00004', ['officer']);
    const res = await client.get(`/api/programmes/${w.programmeId}/export.xlsx?asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    const sheets = await readXlsx(res.rawPayload);
    const tasks = sheets.get('Nhiệm vụ')!.slice(1);
    expect(tasks.map((r) => r[0])).toEqual(['R-03']);
    expect(tasks[0]![13]).toBe('1'); // status from its own assignment only
    const assignments = sheets.get('Phân công theo đơn vị')!.slice(1);
    expect(assignments.map((r) => r[0])).toEqual(['00004']);
    // the same through the tasks API
    const api = await client.get(`/api/tasks?programmeId=${w.programmeId}&asOf=${AS_OF}`);
    expect(api.json().items.map((t: { code: string; status: string }) => [t.code, t.status])).toEqual([
      ['R-03', tasks[0]![STATUS_COL + 1]],
    ]);
  });

  it('answers 404 for an unknown programme and 401 without a session', async () => {
    expect(
      (await w.steering.get('/api/programmes/00000000-0000-4000-8000-000000000000/export.xlsx')).statusCode,
    ).toBe(404);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/programmes/${w.programmeId}/export.csv` }))
        .statusCode,
    ).toBe(401);
  });
});

const KIND_RANK = (code: string) => (/^[A-Z]/.test(code) ? 0 : code.length <= 2 ? 1 : 2);
function byKindThenCode(a: string, b: string) {
  const [ua, ta] = a.split(':') as [string, string];
  const [ub, tb] = b.split(':') as [string, string];
  return KIND_RANK(ua) - KIND_RANK(ub) || ua.localeCompare(ub) || ta.localeCompare(tb);
}
