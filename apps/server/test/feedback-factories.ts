import { foldForSearch } from '@pilotage/contracts';
import { newId } from '../src/db/ids.ts';
import type { TestEnv } from './harness.ts';

export const TOPICS = [
  { code: 'institutions', name: 'Thể chế, pháp luật', name_en: 'Institutions and law' },
  { code: 'data', name: 'Dữ liệu', name_en: 'Data' },
  { code: 'online_services', name: 'Dịch vụ công trực tuyến', name_en: 'Online public services' },
];

/** The managed topic list (demo data carries the full one). */
export async function seedTopics(env: TestEnv) {
  await env.database.db
    .insertInto('feedback_topic')
    .values(
      TOPICS.map((t, i) => ({
        id: newId(),
        ...t,
        sort_order: i,
        search_key: foldForSearch(`${t.name} ${t.name_en}`),
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  env.services.feedback.intake.reference.invalidate();
}

export const submission = (over: Record<string, unknown> = {}) => ({
  kind: 'difficulty',
  topic: 'data',
  title: 'Khó khăn khi kết nối dữ liệu dân cư',
  content: 'Phần mềm một cửa của xã chưa kết nối được với cơ sở dữ liệu quốc gia về dân cư.',
  submitterType: 'citizen',
  contact: {
    name: 'Nguyễn Văn An',
    email: 'an.nguyen@example.vn',
    phone: '0912345678',
    citizenId: '001099012345',
  },
  consentToPublish: true,
  provinceCode: '01',
  ...over,
});

/** Submits as an anonymous citizen from `ip`; returns the response. */
export function submit(env: TestEnv, body: unknown = submission(), ip = '203.0.113.7') {
  return env.app.inject({
    method: 'POST',
    url: '/api/public/feedback',
    payload: body as object,
    remoteAddress: ip,
  });
}
