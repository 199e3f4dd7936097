import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, pageErrors, screenshot } from './browser.ts';
import { baseUrl } from './env.ts';

/**
 * Issue 10: a citizen submits on a 390 px phone; a handler of the routed unit (Hà Nội) answers, the lead
 * approves; the citizen sees the answer with the tracking code and rates it. Screenshots vi + en.
 */
let browser: Browser;
const PHONE = { width: 390, height: 844 };
let topicCode = '';

/** An admin session over the API: a routing rule (topic × Hà Nội → Hà Nội) for this run. */
async function routeToHanoi() {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'pilotage-demo' }),
  });
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const topics = (await (await fetch(`${baseUrl()}/api/public/feedback/topics`)).json()) as {
    items: { code: string }[];
  };
  topicCode = topics.items[0]!.code;
  const units = (await (
    await fetch(`${baseUrl()}/api/org-units?q=ha%20noi&kind=province&limit=5`, { headers: { cookie } })
  ).json()) as {
    items: { id: string; code: string }[];
  };
  const hanoi = units.items.find((u) => u.code === '01')!;
  const res = await fetch(`${baseUrl()}/api/feedback-admin/routing-rules`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ topic: topicCode, placeUnitId: hanoi.id, unitId: hanoi.id, priority: 100 }),
  });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  browser = await launchBrowser();
  await routeToHanoi();
});
afterAll(async () => {
  await browser?.close();
});

async function act(page: Page, action: string, text?: string) {
  const text$ = page.locator(`#fb-${action}-text`);
  if (text !== undefined && !(await text$.isVisible()))
    await page.locator(`summary[data-action=${action}]`).click();
  if (text !== undefined) await text$.fill(text);
  await page.locator(`button[data-action=${action}]`).click();
  await page.getByText('Đã thực hiện.').waitFor();
}

describe('feedback from a phone to a rated answer', () => {
  it('goes from the citizen to the handler, the lead, and back to the citizen', async () => {
    const citizen = await newPage(browser, { viewport: PHONE });
    await citizen.goto('/public/feedback');
    await citizen.getByRole('heading', { name: 'Phản ánh, kiến nghị, sáng kiến' }).waitFor();
    await citizen.locator('#fb-topic').selectOption(topicCode);
    await citizen.getByLabel('Tiêu đề').fill('Khó khăn khi kết nối phần mềm một cửa với dữ liệu dân cư');
    await citizen
      .locator('#fb-content')
      .fill(
        'Phần mềm một cửa của phường chưa kết nối được với cơ sở dữ liệu quốc gia về dân cư, người dân phải nộp giấy tờ nhiều lần.',
      );
    await citizen.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await citizen.getByLabel('Thư điện tử').fill('an.nguyen@example.vn');
    await citizen.getByLabel('Số căn cước (12 số, không bắt buộc)').fill('001099012345');
    await citizen.getByLabel('Tỉnh/thành phố (không bắt buộc)').fill('Hà Nội');
    await citizen.getByLabel('Tôi đồng ý công khai', { exact: false }).check();
    await screenshot(citizen, 'feedback-submit-phone-vi');
    await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await citizen.getByTestId('fb-sent').waitFor();
    const code = (await citizen.getByTestId('fb-code').textContent())!.trim();
    const secret = (await citizen.getByTestId('fb-secret').textContent())!.trim();
    expect(code).toMatch(/^PA-/);
    await screenshot(citizen, 'feedback-sent-phone-vi');
    // no horizontal scroll on a phone
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );

    const handler = await newPage(browser);
    await loginAs(handler, 'province.officer');
    await handler.goto('/feedback?x=1');
    await handler.getByTestId('fb-queue').waitFor();
    await handler.getByText(code).first().waitFor();
    await screenshot(handler, 'feedback-queue-vi');
    await handler.locator('li.card', { hasText: code }).getByRole('link').click();
    await handler.getByTestId('fb-item-status').waitFor();
    expect(await handler.getByTestId('fb-contact').textContent()).toContain('*********345');
    await act(handler, 'accept');
    await act(handler, 'start');
    await act(
      handler,
      'save_answer',
      'Phường đã được kết nối với cơ sở dữ liệu quốc gia về dân cư từ tuần này; người dân không phải nộp lại giấy tờ.',
    );
    await act(handler, 'submit_answer');
    await screenshot(handler, 'feedback-item-handler-vi');

    const lead = await newPage(browser);
    await loginAs(lead, 'province.lead');
    await lead.goto(handler.url());
    await lead.locator('button[data-action=approve_answer]').click();
    await lead.getByTestId('fb-item-status').filter({ hasText: 'Đã trả lời' }).waitFor();
    await screenshot(lead, 'feedback-item-approved-vi');

    await citizen.goto(`/public/feedback/track#${code}:${secret}`);
    await citizen.getByTestId('fb-answer').waitFor();
    expect(await citizen.getByTestId('fb-status').textContent()).toBe('Đã trả lời');
    await citizen.locator('#fb-score').selectOption('4');
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByTestId('fb-rated').waitFor();
    await screenshot(citizen, 'feedback-tracked-phone-vi');
    const body = (await citizen.locator('main').textContent()) ?? '';
    expect(body).not.toContain('001099012345');
    expect(body).not.toContain('an.nguyen@example.vn');

    const en = await newPage(browser, { viewport: PHONE, lang: 'en' });
    await en.goto('/public/answers');
    await en.getByLabel('Search (diacritics optional)').fill('ket noi phan mem mot cua');
    await en.getByText('Khó khăn khi kết nối phần mềm một cửa').first().waitFor();
    await screenshot(en, 'feedback-answers-phone-en');
    await en.goto(`/public/feedback/track#${code}:${secret}`);
    await en.getByTestId('fb-rated').waitFor();
    await screenshot(en, 'feedback-tracked-phone-en');
    for (const p of [citizen, handler, lead, en]) expect(pageErrors(p)).toEqual([]);
  });
});
