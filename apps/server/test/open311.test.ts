import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { seedTopics } from './feedback-factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  await seedTopics(env);
});
afterAll(() => env.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (fields: Record<string, string>, format = 'json') =>
  env.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
    remoteAddress: '192.0.2.44',
  });

describe('Open311 GeoReport v2', () => {
  it('serves discovery and services in JSON and XML', async () => {
    const d = await env.app.inject({ url: '/open311/v2/discovery.json' });
    expect(d.statusCode).toBe(200);
    expect(d.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['application/json', 'text/xml'],
    });
    const s = await env.app.inject({ url: '/open311/v2/services.json' });
    expect(s.json().map((x: { service_code: string }) => x.service_code)).toEqual([
      'institutions',
      'data',
      'online_services',
    ]);
    expect(s.json()[0]).toMatchObject({ metadata: false, type: 'realtime' });
    const x = await env.app.inject({ url: '/open311/v2/services.xml' });
    expect(x.headers['content-type']).toContain('text/xml');
    expect(x.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>institutions<\/service_code>/,
    );
    expect((await env.app.inject({ url: '/open311/v2/services/data.json' })).json()).toEqual({
      service_code: 'data',
      attributes: [],
    });
    const missing = await env.app.inject({ url: '/open311/v2/services/nope.json' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'service_code nope not found' }]);
  });

  it('takes a form-encoded request and follows it, without personal data', async () => {
    const res = await post({
      service_code: 'online_services',
      description: 'Cổng dịch vụ công báo lỗi khi nộp hồ sơ đất đai trực tuyến',
      lat: '21.0285',
      long: '105.8542',
      email: 'binh.tran@example.vn',
      first_name: 'Bình',
      last_name: 'Trần',
      phone: '0987654321',
    });
    expect(res.statusCode).toBe(201);
    const [{ service_request_id: id }] = res.json();
    expect(id).toMatch(/^PA-/);
    const one = await env.app.inject({ url: `/open311/v2/requests/${id}.json` });
    expect(one.json()[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'online_services',
      agency_responsible: expect.any(String),
    });
    expect(one.json()[0].expected_datetime > one.json()[0].requested_datetime).toBe(true);
    for (const p of ['binh.tran', '0987654321', 'Trần', '21.0285']) expect(one.body).not.toContain(p);
    const xml = await env.app.inject({ url: `/open311/v2/requests/${id}.xml` });
    expect(xml.body).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`,
    );

    const open = await env.app.inject({
      url: `/open311/v2/requests.json?status=open&service_code=online_services`,
    });
    expect(open.json().map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    const closed = await env.app.inject({ url: `/open311/v2/requests.json?status=closed` });
    expect(closed.json().map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    const future = await env.app.inject({ url: `/open311/v2/requests.json?start_date=2099-01-01T00:00:00Z` });
    expect(future.json()).toEqual([]);
    const byId = await env.app.inject({ url: `/open311/v2/requests.json?service_request_id=${id}` });
    expect(byId.json()).toHaveLength(1);
  });

  it('answers Open311 errors: missing location, unknown service, bad dates, unknown id, bad format', async () => {
    const noPlace = await post({
      service_code: 'data',
      description: 'Thiếu vị trí nhưng đủ dài',
      email: 'a@example.vn',
    });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json()[0]).toMatchObject({ code: 400 });
    const unknown = await post(
      {
        service_code: 'nope',
        description: 'Dịch vụ không tồn tại',
        address_string: 'Hà Nội',
        email: 'a@example.vn',
      },
      'xml',
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<errors><error><code>400</code><description>');
    expect((await env.app.inject({ url: '/open311/v2/requests.json?start_date=yesterday' })).statusCode).toBe(
      400,
    );
    expect((await env.app.inject({ url: '/open311/v2/requests/PA-0000000000.json' })).json()).toEqual([
      { code: 404, description: 'service_request_id PA-0000000000 not found' },
    ]);
    expect((await env.app.inject({ url: '/open311/v2/services.csv' })).statusCode).toBe(404);
  });
});
