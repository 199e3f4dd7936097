import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn } from './factories.ts';
import { readXlsx, unzipEntry } from './fixtures/io.ts';
import { AS_OF, buildReviewWorld, type ReviewWorld } from './fixtures/review-world.ts';

let env: TestEnv;
let w: ReviewWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await buildReviewWorld(env);
});
afterAll(() => env.close());

describe('review report', () => {
  it('totals and per-unit table equal the programme summary as of the date', async () => {
    const review = await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`);
    expect(review.statusCode, review.body.slice(0, 300)).toBe(200);
    const summary = (await w.steering.get(`/api/programmes/${w.programmeId}/summary?asOf=${AS_OF}`)).json();
    const r = review.json();
    expect(r.asOf).toBe(AS_OF);
    expect(r.totals).toMatchObject({
      total: summary.total,
      completed: summary.completed,
      byStatus: summary.byStatus,
      atRisk: summary.atRisk,
    });
    expect(r.totals.byStatus).toEqual({
      done_on_time: 1,
      done_late: 1,
      in_progress: 1,
      overdue: 1,
      not_started: 1,
    });
    expect(r.totals.headline).toBe('2/5 nhiệm vụ đã hoàn thành');
    expect(r.byUnit).toEqual(summary.byUnit);

    const en = await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`, {
      'accept-language': 'en',
    });
    expect(en.json().totals.headline).toBe('2 of 5 tasks completed');
  });

  it('lists what was done, what was not (overdue first) and why', async () => {
    const r = (await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`)).json();
    expect(
      r.sections.done.map((x: { code: string; completedOn: string; product: string }) => [
        x.code,
        x.completedOn,
        x.product,
      ]),
    ).toEqual([
      ['R-01', '2025-03-20', 'Nghị định 01/2025/NĐ-CP'],
      ['R-02', '2025-05-10', 'Luật số 20/2025/QH15'],
    ]);
    expect(r.sections.notDone.map((x: { code: string; status: string }) => `${x.code}:${x.status}`)).toEqual([
      'R-03:overdue',
      'R-04:in_progress',
      'R-05:not_started',
    ]);
    expect(
      r.sections.why.map(
        (x: { taskCode: string; unit: { code: string }; period: string }) =>
          `${x.taskCode}:${x.unit.code}:${x.period}`,
      ),
    ).toEqual(['R-03:01:2025-05', 'R-03:02:2025-05', 'R-04:BYT:2025-05']);
    expect(r.sections.why[0].proposals).toBe('Đề nghị bổ sung kinh phí');
  });

  it('lists overdue assignments with their units, leaders and days past the deadline', async () => {
    const r = (await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`)).json();
    expect(
      r.overdue.map(
        (o: {
          taskCode: string;
          unit: { code: string };
          responsibleLeader: string | null;
          daysOverdue: number;
          deadline: string;
        }) => [o.taskCode, o.unit.code, o.responsibleLeader, o.deadline, o.daysOverdue],
      ),
    ).toEqual([
      ['R-03', '01', 'Phó Chủ tịch UBND Nguyễn Văn A', '2025-05-31', 30],
      ['R-03', '24', null, '2025-05-31', 30],
    ]);
  });

  it('names the units that did not report for the last period due (May, due 5 June)', async () => {
    const r = (await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`)).json();
    expect(r.missingReports.period).toBe('2025-05');
    expect(r.missingReports.dueOn).toBe('2025-06-05');
    const missing = Object.fromEntries(
      r.missingReports.units.map((m: { unit: { code: string }; expected: number; received: number }) => [
        m.unit.code,
        [m.expected, m.received],
      ]),
    );
    // BTP completed on 10 May (still expected for May); Hà Nội reported R-03 but not R-05; the commune never reported
    expect(missing).toEqual({ BTP: [1, 0], '01': [2, 1], '00004': [1, 0] });
  });

  it('ranks the most cited difficulties, grouping spellings with and without diacritics', async () => {
    const r = (await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`)).json();
    expect(r.difficulties.reportsRead).toBe(3);
    expect(r.difficulties.phrases[0]).toEqual({
      phrase: 'thiếu kinh phí thực hiện',
      key: 'thieu kinh phi thuc hien',
      reports: 3,
      units: 3,
    });
    // as of a date before the reports were submitted, nobody has cited anything yet
    const early = (await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=2025-06-01`)).json();
    expect(early.difficulties).toEqual({ reportsRead: 0, phrases: [] });
  });

  it('downloads as XLSX and as a DOCX whose text keeps every Vietnamese diacritic', async () => {
    const xlsx = await w.steering.get(`/api/programmes/${w.programmeId}/review.xlsx?asOf=${AS_OF}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(`bao-cao-so-ket-${w.code}-${AS_OF}.xlsx`);
    const sheets = await readXlsx(xlsx.rawPayload);
    const overview = [...sheets.values()][0]!.flat();
    expect(overview).toContain('2/5 nhiệm vụ đã hoàn thành');
    expect(overview).toContain('Đang thực hiện quá hạn');
    expect(sheets.size).toBe(8);

    const docx = await w.steering.get(`/api/programmes/${w.programmeId}/review.docx?asOf=${AS_OF}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const xml = unzipEntry(docx.rawPayload, 'word/document.xml')!;
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      'BÁO CÁO SƠ KẾT',
      '2/5 nhiệm vụ đã hoàn thành',
      'Đã hoàn thành đúng hạn',
      'Những việc chưa làm được',
      'thiếu kinh phí thực hiện',
      'Phó Chủ tịch UBND Nguyễn Văn A',
      'Phường Ba Đình',
    ]) {
      expect(text).toContain(s);
    }
    expect(xml).toContain('w:ascii="Times New Roman"');
    // REVIEW_DOCX_OUT=/tmp/review.docx keeps the file, to convert it (soffice --convert-to pdf) and look at it
    if (process.env.REVIEW_DOCX_OUT) await writeFile(process.env.REVIEW_DOCX_OUT, docx.rawPayload);
  });

  it("a commune officer's review covers only its own assignment", async () => {
    const { client } = await signedIn(env, '00004', ['officer']);
    const r = (await client.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`)).json();
    expect(r.totals.total).toBe(1);
    expect(r.overdue.map((o: { unit: { code: string } }) => o.unit.code)).toEqual(['00004']);
    expect(r.difficulties.reportsRead).toBe(0);
    expect(r.missingReports.units.map((m: { unit: { code: string } }) => m.unit.code)).toEqual(['00004']);
  });
});
