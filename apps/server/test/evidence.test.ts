import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, uniq, type Client } from './factories.ts';
import { act, multipartBody, saveReport, tinyDocx, tinyPdf, tinyPng } from './reports-helpers.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
let assignmentId: string;
let officer: Client;
let otherCommune: Client;
let reviewer: Client;
let reportId: string;
const MAX = 64 * 1024;

beforeAll(async () => {
  process.env.PILOTAGE_EVIDENCE_MAX_BYTES = String(MAX); // a small limit keeps the 413 test light
  env = await createTestEnv();
  delete process.env.PILOTAGE_EVIDENCE_MAX_BYTES;
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { deadline: '2030-12-31' });
  const [province] = await assign(env, task.id, ['01']);
  assignmentId = (await cascade(env, province!.id, ['00004']))[0]!.id;
  officer = (await signedIn(env, '00004', ['officer'])).client;
  otherCommune = (await signedIn(env, '00292', ['officer'])).client;
  reviewer = (await signedIn(env, '01', ['reviewer'])).client;
  reportId = (await saveReport(officer, { assignmentId, period: '2025-06', progress: 50 })).reportId;
});
afterAll(() => env.close());

const upload = (
  client: Client,
  id: string,
  filename: string,
  content: Buffer,
  declared?: string,
  headers: Record<string, string> = {},
) => {
  const { payload, headers: h } = multipartBody('file', filename, content, declared);
  return client.request({
    method: 'POST',
    url: `/api/reports/${id}/evidence`,
    payload,
    headers: { ...h, ...headers },
  });
};

describe('evidence files', () => {
  it('accepts a real small PDF, stores it with its SHA-256, serves it back to who may see the report', async () => {
    const pdf = tinyPdf();
    const res = await upload(officer, reportId, 'Báo cáo tháng 6.pdf', pdf, 'application/pdf');
    expect(res.statusCode).toBe(201);
    const ev = res.json();
    expect(ev).toMatchObject({
      detectedType: 'pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      filename: 'Báo cáo tháng 6.pdf',
    });
    expect(ev.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const report = await officer.get(`/api/reports/${reportId}`);
    expect(report.json().evidence.map((e: { id: string }) => e.id)).toEqual([ev.id]);

    const dl = await officer.get(ev.downloadUrl);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await otherCommune.get(ev.downloadUrl)).statusCode).toBe(404);
    expect((await reviewer.get(ev.downloadUrl)).statusCode).toBe(404); // still a draft

    const audit = await env.database.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('entity_id', '=', reportId)
      .where('action', '=', 'report.evidence_add')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('detects a .pdf-named PNG as PNG and renames it; accepts a docx', async () => {
    const res = await upload(officer, reportId, 'anh-hien-truong.pdf', tinyPng(), 'application/pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      detectedType: 'png',
      contentType: 'image/png',
      filename: 'anh-hien-truong.png',
    });
    const docx = await upload(officer, reportId, 'ke-hoach.bin', tinyDocx());
    expect(docx.json()).toMatchObject({ detectedType: 'docx', filename: 'ke-hoach.docx' });
  });

  it('refuses executables and HTML whatever their name or declared type (415)', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]);
    const html = Buffer.from(
      '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
    );
    for (const [name, content, type] of [
      ['setup.pdf', exe, 'application/pdf'],
      ['bao-cao.png', html, 'image/png'],
      ['trang.html', html, 'text/html'],
    ] as const) {
      const res = await upload(officer, reportId, name, content, type, { 'accept-language': 'en' });
      expect(res.statusCode, name).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0]).toMatchObject({ path: 'file' });
    }
  });

  it('answers 413 above the size limit, 415 for a JSON body, 400 without a file part', async () => {
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX)]);
    const res = await upload(officer, reportId, 'lon.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/MB/);
    const json = await officer.post(`/api/reports/${reportId}/evidence`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    const { payload, headers } = multipartBody('other', 'a.pdf', tinyPdf());
    const wrongField = await officer.request({
      method: 'POST',
      url: `/api/reports/${reportId}/evidence`,
      payload,
      headers,
    });
    expect(wrongField.statusCode).toBe(400);
  });

  it('only the assigned unit attaches or removes files, and only while draft or returned', async () => {
    expect((await upload(otherCommune, reportId, 'x.pdf', tinyPdf())).statusCode).toBe(404);
    const ev = (
      await upload(officer, reportId, 'tam.pdf', tinyPdf(), undefined, { 'idempotency-key': uniq('ev-') })
    ).json();
    const del = await officer.request({ method: 'DELETE', url: `/api/evidence/${ev.id}` });
    expect(del.statusCode).toBe(200);
    expect((await officer.get(`/api/evidence/${ev.id}`)).statusCode).toBe(404);

    const kept = (await upload(officer, reportId, 'giu-lai.pdf', tinyPdf())).json();
    await act(officer, reportId, 'submit');
    expect((await upload(officer, reportId, 'muon.pdf', tinyPdf())).statusCode).toBe(409);
    expect((await officer.request({ method: 'DELETE', url: `/api/evidence/${kept.id}` })).statusCode).toBe(
      409,
    );
    expect((await reviewer.get(kept.downloadUrl)).statusCode).toBe(200); // submitted: the reviewer reads it
    const actions = (
      await env.database.db
        .selectFrom('audit_event')
        .select('action')
        .where('entity_id', '=', reportId)
        .execute()
    ).map((a) => a.action);
    expect(actions).toContain('report.evidence_remove');
  });
});
