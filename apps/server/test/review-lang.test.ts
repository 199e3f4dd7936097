import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { readXlsx, unzipEntry } from './fixtures/io.ts';
import { AS_OF, buildReviewWorld, type ReviewWorld } from './fixtures/review-world.ts';

/** Issue 8, bug 7: documents follow the language chosen in the UI (`?lang=`), not the browser's. */
let env: TestEnv;
let w: ReviewWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await buildReviewWorld(env);
});
afterAll(() => env.close());

const get = (file: string, lang: string, acceptLanguage: string) =>
  w.steering.get(`/api/programmes/${w.programmeId}/${file}?asOf=${AS_OF}&lang=${lang}`, {
    'accept-language': acceptLanguage,
  });

describe('review documents in the language chosen in the UI', () => {
  it('a Vietnamese UI in an English browser gets a Vietnamese workbook: full sheet names, 20 %, 30/06/2025', async () => {
    const res = await get('review.xlsx', 'vi', 'en-US,en;q=0.9');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const sheets = await readXlsx(res.rawPayload);
    expect([...sheets.keys()]).toEqual([
      'Kết quả chung',
      'Kết quả theo đơn vị',
      'Việc đã làm được',
      'Việc chưa làm được',
      'Nguyên nhân, khó khăn',
      'Nhiệm vụ quá hạn',
      'Đơn vị chưa báo cáo',
      'Khó khăn nêu nhiều nhất',
    ]);
    const overview = sheets.get('Kết quả chung')!.flat();
    expect(overview).toContain('2/5 nhiệm vụ đã hoàn thành');
    expect(overview).toContain('Số liệu tính đến ngày: 30/06/2025');
    expect(overview).toContain('20 %');
    expect(overview).toContain('100 %');
    const done = sheets.get('Việc đã làm được')!.flat();
    expect(done).toContain('20/03/2025');
    expect(done).not.toContain('2025-03-20');
  });

  it('an English UI in a Vietnamese browser gets English documents', async () => {
    const xlsx = await readXlsx((await get('review.xlsx', 'en', 'vi-VN,vi')).rawPayload);
    expect([...xlsx.keys()][0]).toBe('Overall results');
    expect(xlsx.get('Overall results')!.flat()).toEqual(
      expect.arrayContaining(['2 of 5 tasks completed', '20%']),
    );
    const docx = await get('review.docx', 'en', 'vi-VN,vi');
    const text = unzipEntry(docx.rawPayload, 'word/document.xml')!.replace(/<[^>]+>/g, '');
    expect(text).toContain('REVIEW OF TASK IMPLEMENTATION');
    expect(text).not.toContain('BÁO CÁO SƠ KẾT');
  });

  it('without lang, Accept-Language decides; a bad lang is ignored; JSON errors follow lang too', async () => {
    const viaHeader = await readXlsx(
      (
        await w.steering.get(`/api/programmes/${w.programmeId}/review.xlsx?asOf=${AS_OF}`, {
          'accept-language': 'en',
        })
      ).rawPayload,
    );
    expect([...viaHeader.keys()][0]).toBe('Overall results');
    const bad = await get('review.xlsx', 'fr', 'en');
    expect(bad.statusCode).toBe(200);
    expect([...(await readXlsx(bad.rawPayload)).keys()][0]).toBe('Overall results');
    const problem = await w.steering.get(`/api/programmes/${w.programmeId}/review?asOf=2025-13-45&lang=vi`, {
      'accept-language': 'en',
    });
    expect(problem.statusCode).toBe(400);
    expect(problem.json().title).toBe('Yêu cầu không hợp lệ');
  });
});
