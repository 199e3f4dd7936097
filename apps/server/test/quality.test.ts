import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { auditActions, signedIn, unitByCode, type Client } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { tinyPdf, tinyPng } from './reports-helpers.ts';
import { databaseWithChecks, finished, SAMPLE_CSV, upload } from './quality-helpers.ts';

let env: TestEnv;
let owner: Client; // officer of the Ministry of Science and Technology: a data owner
let other: Client; // officer of another ministry
let steering: Client;
let ministryId: string;

beforeAll(async () => {
  env = await createTestEnv({ qualityMaxUploadBytes: 64 * 1024 });
  ministryId = (await unitByCode(env, 'BKHCN')).id;
  owner = (await signedIn(env, 'BKHCN', ['officer'])).client;
  other = (await signedIn(env, 'BCA', ['officer'])).client;
  steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
});
afterAll(() => env.close());

describe('data quality: register, checks, runs, ranking', () => {
  it('a data owner runs checks on an uploaded CSV and reads scores, class and masked examples', async () => {
    const dbId = await databaseWithChecks(owner, ministryId);
    const started = await upload(owner, dbId, SAMPLE_CSV);
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<{ id: string }>();
    const res = await finished(env, owner, id);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.status).toBe('done');
    expect(a.progress).toBe(1);
    expect(a.rowsRead).toBe(4);
    const by = (i: number) => a.measurements[i];
    expect([by(0).value, by(0).pass]).toEqual([4, true]);
    expect([by(1).value, by(1).pass]).toEqual([25, true]);
    expect([by(2).failing, by(2).pass]).toEqual([1, false]);
    expect([by(3).value, by(3).pass]).toEqual([1, false]);
    expect(by(4).pass).toBe(true);
    expect([by(5).failing, by(5).pass]).toEqual([1, false]); // 99999999 is no unit code
    expect([by(6).failing, by(6).pass]).toEqual([1, true]);
    expect(a.criteria).toEqual({
      correct: 0,
      sufficient: 100,
      clean: 0,
      living: 100,
      unified: 50,
      shared: 60,
    });
    expect(a.score).toBe(51.7);
    expect(a.grade).toBe('C');
    expect(a.formulaVersion).toBe('q-2025.1');
    // masked: the duplicated citizen ID never appears in clear
    expect(res.body).not.toContain('001234567890');
    expect(by(3).examples[0].value).toBe('00••••••••90');
    expect(await auditActions(env, id)).toEqual(['quality.assessment_start', 'quality.assessment_finish']);

    const detail = (await owner.get(`/api/databases/${dbId}`)).json();
    expect(detail.latestResult.id).toBe(id);
    expect(detail.history).toHaveLength(1);
    const year = a.year as number;
    expect(detail.rank).toBeGreaterThan(0);

    // the ranking is visible to everyone signed in, without examples; the detailed run is not
    const rank = await other.get(`/api/data-quality/rankings?year=${year}`);
    expect(rank.statusCode).toBe(200);
    const item = rank.json().items.find((i: { database: { id: string } }) => i.database.id === dbId);
    expect(item).toMatchObject({ score: 51.7, grade: 'C', ownerUnit: { code: 'BKHCN' } });
    expect(JSON.stringify(item)).not.toContain('examples');
    expect((await other.get(`/api/assessments/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/databases/${dbId}`)).statusCode).toBe(404);
    expect((await steering.get(`/api/assessments/${id}`)).statusCode).toBe(200);
    const csv = await other.get(`/api/data-quality/rankings.csv?year=${year}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('BKHCN');

    // a second run: history with trend
    const again = await upload(owner, dbId, SAMPLE_CSV.replace('1990-02-30', '1990-02-28'));
    await finished(env, owner, again.json<{ id: string }>().id);
    const after = (await owner.get(`/api/databases/${dbId}`)).json();
    expect(after.history.map((h: { trend: number | null }) => h.trend)).toEqual([null, 16.6]);
  });

  it('reads JSON lines and XLSX samples the same way', async () => {
    const dbId = await databaseWithChecks(owner, ministryId);
    const lines = SAMPLE_CSV.split('\n');
    const header = lines[0]!.split(',');
    const jsonl = lines
      .slice(1)
      .map((l) =>
        JSON.stringify(Object.fromEntries(l.split(',').map((v, i) => [header[i], v === '' ? null : v]))),
      )
      .join('\n');
    const j = await finished(env, owner, (await upload(owner, dbId, jsonl, 'mau.jsonl')).json().id);
    expect(j.json(), j.body.slice(0, 400)).toMatchObject({ status: 'done', score: 51.7 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    for (const l of lines) ws.addRow(l.split(','));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await finished(env, owner, (await upload(owner, dbId, xlsx, 'mau.xlsx')).json().id);
    expect(x.json(), x.body.slice(0, 400)).toMatchObject({ status: 'done', score: 51.7, rowsRead: 4 });
  });

  it('refuses a wrong file type by content and a file over the limit with a clear 4xx', async () => {
    const dbId = await databaseWithChecks(owner, ministryId);
    for (const bytes of [tinyPng(), tinyPdf()]) {
      const res = await upload(owner, dbId, bytes, 'mau.csv');
      expect(res.statusCode).toBe(415);
      expect(res.json().errors[0]).toMatchObject({ path: 'file' });
      expect(res.json().errors[0].message).toContain('CSV, XLSX');
    }
    const big = await upload(owner, dbId, 'a,b\n' + '1,2\n'.repeat(40_000));
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0].message).toMatch(/MB/);
    // a form cut short (no closing boundary) is a 400, not a request left hanging
    const boundary = 'cut';
    const cut = await owner.request({
      method: 'POST',
      url: `/api/databases/${dbId}/assessments`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\n1,2`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(cut.statusCode).toBe(400);
    const none = await owner.request({
      method: 'POST',
      url: `/api/databases/${dbId}/assessments`,
      payload: {},
    });
    expect(none.statusCode).toBe(415);
  });

  it('validates declarations with the check index and field in vi and en, and accepts YAML', async () => {
    const dbId = await databaseWithChecks(owner, ministryId);
    const bad = await owner.request({
      method: 'PUT',
      url: `/api/databases/${dbId}/checks`,
      payload: { checks: [{ metric: 'missing_percent', column: 'x', must: { lt: 1 }, criterion: 'tidy' }] },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toEqual({
      path: 'checks.0.criterion',
      message: 'Check 1: "criterion" must be one of: correct, sufficient, clean, living, unified, shared',
    });
    const yaml =
      'checks:\n  - metric: invalid_percent\n    column: so_dinh_danh\n    format: citizen_id\n    must: { lt: 1 }\n    criterion: correct\n';
    const ok = await owner.request({
      method: 'PUT',
      url: `/api/databases/${dbId}/checks`,
      payload: yaml,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ checksVersion: 2, count: 1 });
    const broken = await owner.request({
      method: 'PUT',
      url: `/api/databases/${dbId}/checks`,
      payload: 'checks: [\n  - a: b',
      headers: { 'content-type': 'text/yaml' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toContain('YAML');
  });

  it('scopes the register: other owners cannot register for a unit outside their scope', async () => {
    const res = await other.post('/api/databases', { name: 'X', ownerUnitId: ministryId, kind: 'national' });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].path).toBe('ownerUnitId');
    const mine = (await other.get('/api/databases')).json();
    expect(mine.items.every((d: { owner: { code: string } }) => d.owner.code === 'BCA')).toBe(true);
  });

  it('fails a run whose instance stopped, and a PostgreSQL source that cannot be reached without the string', async () => {
    const dbId = await databaseWithChecks(owner, ministryId);
    const secret = 'postgresql://reader:s3cret-pw@127.0.0.1:1/nope';
    const started = await owner.post(`/api/databases/${dbId}/assessments/postgres`, {
      connectionString: secret,
      table: 'public.citizens',
    });
    expect(started.statusCode, started.body).toBe(202);
    const res = await finished(env, owner, started.json().id);
    expect(res.json()).toMatchObject({ status: 'failed', sourceLabel: 'postgresql: public.citizens' });
    const audit = await env.database.db.selectFrom('audit_event').select(['before', 'after']).execute();
    expect(JSON.stringify(audit)).not.toContain('s3cret');

    const run = await upload(owner, dbId, SAMPLE_CSV);
    const id = run.json().id as string;
    await env.services.quality.runner.idle();
    await env.database.db
      .updateTable('quality_assessment')
      .set({ status: 'running', heartbeat_at: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', id)
      .execute();
    const lost = (await owner.get(`/api/assessments/${id}`)).json();
    expect(lost).toMatchObject({ status: 'failed' });
    expect(lost.error).toContain('gián đoạn');
  });

  it('keeps a versioned dictionary: steering publishes (JSON or CSV), everyone reads, CSV round-trips', async () => {
    const d0 = (await owner.get('/api/data-dictionary')).json();
    expect(d0.elements.find((e: { code: string }) => e.code === 'CCCD')).toMatchObject({
      pattern: '\\d{12}',
    });
    const put = (c: Client, payload: string | object, type = 'application/json') =>
      c.request({ method: 'PUT', url: '/api/data-dictionary', payload, headers: { 'content-type': type } });
    expect((await put(owner, { elements: d0.elements, codeLists: d0.codeLists })).statusCode).toBe(403);
    const csv = (await owner.get('/api/data-dictionary.csv')).body;
    const v1 = await put(steering, csv.replace('Họ và tên', '"Họ, chữ đệm và tên"'), 'text/csv');
    expect(v1.statusCode, v1.body).toBe(200);
    const d1 = (await owner.get('/api/data-dictionary')).json();
    expect(d1.version).toBe(d0.version + 1);
    expect(d1.elements).toHaveLength(d0.elements.length);
    expect(d1.elements.find((e: { code: string }) => e.code === 'HO_TEN').name).toBe('Họ, chữ đệm và tên');
    expect(d1.codeLists).toEqual(d0.codeLists);
  });
});
