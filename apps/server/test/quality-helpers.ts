import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Client } from './factories.ts';
import type { TestEnv } from './harness.ts';
import { multipartBody } from './reports-helpers.ts';

/** A small CSV with known defects (see quality.test.ts for what each check must find). */
export const SAMPLE_CSV = [
  'so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh,ma_xa,ngay_cap_nhat',
  '001234567890,Nguyễn Văn A,1990-01-31,1,00004,2025-10-01',
  '001234567890,Trần Thị B,1990-02-30,2,00292,2025-09-01',
  '098765432109,Lê Văn C,1985-05-05,9,99999999,',
  ',Phạm D,2001-12-12,1,01,2025-08-01',
].join('\n');

export const SAMPLE_CHECKS = [
  { metric: 'row_count', must: { ge: 4 }, criterion: 'sufficient' },
  { metric: 'missing_percent', column: 'so_dinh_danh', must: { lt: 30 }, criterion: 'sufficient' },
  { metric: 'invalid_percent', column: 'ngay_sinh', format: 'date', must: { eq: 0 }, criterion: 'correct' },
  { metric: 'duplicate_count', column: 'so_dinh_danh', must: { eq: 0 }, criterion: 'clean' },
  { metric: 'freshness', column: 'ngay_cap_nhat', must: { le: 100000 }, criterion: 'living' },
  { metric: 'reference', column: 'ma_xa', codeList: 'admin_unit', must: { eq: 0 }, criterion: 'unified' },
  { metric: 'reference', column: 'gioi_tinh', codeList: 'gender', must: { lt: 50 }, criterion: 'unified' },
];

export function upload(client: Client, dbId: string, content: Buffer | string, name = 'mau.csv') {
  const body = multipartBody('file', name, Buffer.isBuffer(content) ? content : Buffer.from(content));
  return client.request({ method: 'POST', url: `/api/databases/${dbId}/assessments`, ...body });
}

/** Registers a database owned by `ownerUnitId` with the sample checks; returns its id. */
export async function databaseWithChecks(
  client: Client,
  ownerUnitId: string,
  checks: unknown[] = SAMPLE_CHECKS,
) {
  const res = await client.post('/api/databases', {
    name: `CSDL thử ${Math.random().toString(36).slice(2, 7)}`,
    ownerUnitId,
    kind: 'specialised',
    connectedToPlatform: true,
    sharedApis: ['Tra cứu'],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  const put = await client.request({
    method: 'PUT',
    url: `/api/databases/${id}/checks`,
    payload: { checks },
  });
  expect(put.statusCode, put.body).toBe(200);
  return id;
}

/** Waits for the run to end (the runner works in this process) and returns the GET answer. */
export async function finished(env: TestEnv, client: Client, id: string): Promise<LightMyRequestResponse> {
  await env.services.quality.runner.idle();
  return client.get(`/api/assessments/${id}`);
}
