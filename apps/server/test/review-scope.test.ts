import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, type Client } from './factories.ts';
import { readXlsx } from './fixtures/io.ts';
import { AS_OF, buildReviewWorld, type ReviewWorld } from './fixtures/review-world.ts';

/** Issue 7 items 1, 3 and 12: the review report's dates are bounded, and it shows only what its caller may see. */
let env: TestEnv;
let w: ReviewWorld;
let ministry: Client;
beforeAll(async () => {
  env = await createTestEnv();
  w = await buildReviewWorld(env);
  // R-03 is led by BCA and assigned (by the national level) to Hà Nội and Bắc Ninh
  ministry = (await signedIn(env, 'BCA', ['officer'])).client;
});
afterAll(() => env.close());

describe('review report dates (DoS)', () => {
  for (const suffix of ['', '.xlsx', '.docx'])
    for (const asOf of ['0001-01-01', '0099-06-30', '9999-12-31', '1999-12-31', '2101-01-01'])
      it(`review${suffix}?asOf=${asOf} is a 400 problem, fast`, async () => {
        const started = Date.now();
        const res = await w.steering.get(`/api/programmes/${w.programmeId}/review${suffix}?asOf=${asOf}`);
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors[0].path).toBe('querystring.asOf');
        expect(Date.now() - started).toBeLessThan(15_000); // the DoS never answered; a bound, not a benchmark
      });

  it('the summary, the exports and the completeness refuse out-of-range dates and periods', async () => {
    const urls = [
      `/api/programmes/${w.programmeId}/summary?asOf=0001-01-01`,
      `/api/programmes/${w.programmeId}/export.xlsx?asOf=9999-12-31`,
      `/api/reporting/completeness?programmeId=${w.programmeId}&period=9999-12`,
      `/api/reporting/completeness?programmeId=${w.programmeId}&period=0001`,
    ];
    for (const url of urls) {
      const res = await w.steering.get(url);
      expect(res.statusCode, url).toBe(400);
    }
    expect(
      (await w.steering.get(`/api/programmes/${w.programmeId}/summary?asOf=2100-12-31`)).statusCode,
    ).toBe(200);
  });
});

describe('review report scope (leak)', () => {
  it("a ministry leading a task does not see the difficulties, proposals or leaders of provinces' reports", async () => {
    // the reports themselves are refused to the ministry
    const reports = await env.database.db
      .selectFrom('progress_report as r')
      .innerJoin('assignment as a', 'a.id', 'r.assignment_id')
      .select(['r.id', 'a.unit_id'])
      .where('a.unit_id', 'in', [w.units.hanoi, w.units.bacninh])
      .execute();
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect((await ministry.get(`/api/reports/${r.id}`)).statusCode).toBe(404);

    const res = await ministry.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const r = res.json();
    expect(r.sections.notDone.map((x: { code: string }) => x.code)).toContain('R-03');
    const text = JSON.stringify(r);
    expect(text).not.toContain('Đề nghị bổ sung kinh phí');
    expect(text).not.toContain('Phó Chủ tịch UBND Nguyễn Văn A');
    expect(text).not.toContain('hạ tầng mạng');
    expect(r.sections.why).toEqual([]);
    expect(r.overdue).toEqual([]);
    expect(r.difficulties.reportsRead).toBe(0);

    const xlsx = await ministry.get(`/api/programmes/${w.programmeId}/review.xlsx?asOf=${AS_OF}`);
    expect(xlsx.statusCode).toBe(200);
    const sheets = JSON.stringify(await readXlsx(xlsx.rawPayload));
    expect(sheets).not.toContain('Đề nghị bổ sung kinh phí');
    expect(sheets).not.toContain('Nguyễn Văn A');
    const docx = await ministry.get(`/api/programmes/${w.programmeId}/review.docx?asOf=${AS_OF}`);
    expect(docx.statusCode).toBe(200);
  });

  it('steering staff still see everything', async () => {
    const r = (await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=${AS_OF}`)).json();
    expect(JSON.stringify(r)).toContain('Đề nghị bổ sung kinh phí');
    expect(JSON.stringify(r)).toContain('Phó Chủ tịch UBND Nguyễn Văn A');
  });
});

describe('large downloads are streams (issue 6 item 8)', () => {
  it('review.xlsx and export.xlsx are sent as they are produced (no Content-Length), and read back', async () => {
    for (const url of [
      `/api/programmes/${w.programmeId}/review.xlsx?asOf=${AS_OF}`,
      `/api/programmes/${w.programmeId}/export.xlsx?asOf=${AS_OF}`,
    ]) {
      const res = await w.steering.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-length'], url).toBeUndefined();
      expect(res.headers['transfer-encoding'], url).toBe('chunked');
      expect((await readXlsx(res.rawPayload)).size).toBeGreaterThan(1);
    }
  });
});
