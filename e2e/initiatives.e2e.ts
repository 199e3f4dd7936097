import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  launchBrowser,
  loginAs,
  newPage,
  pageErrors,
  screenshot,
  setLanguage,
} from './browser.ts';

/**
 * The initiative portal on the demo data (ADR 0018): anybody browses the catalogue on a 390 px phone
 * (search without diacritics, filters, an initiative's page); the demo expert declares no conflict and
 * scores an initiative under evaluation, which reveals the aggregate; steering decides a pilot linked to a
 * task of the programme. The tests run in order and share the chosen initiative.
 */
const PHONE = { width: 390, height: 844 };
let browser: Browser;
let chosenId = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Nothing wider than the phone: no sideways scrolling. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('initiative portal', () => {
  it('anybody browses and searches the catalogue on a phone, in Vietnamese and English', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await page.goto('/public/initiatives');
    await page.getByRole('heading', { name: 'Cổng sáng kiến', level: 1 }).waitFor();
    await page.getByTestId('initiatives').locator('li').first().waitFor();
    const all = await page.getByTestId('initiative-count').textContent();
    expect(all).toMatch(/\d+ sáng kiến/);
    await shot(page, 'initiatives-catalogue-phone-vi');
    expect(await fitsWidth(page)).toBe(true);
    await checkA11y(page);

    await page.getByRole('searchbox', { name: 'Tìm sáng kiến' }).fill('du lieu');
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="initiative-count"]')?.textContent !== before,
      all,
    );
    const titles = await page.locator('[data-testid="initiatives"] h2').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((t) => /dữ liệu/i.test(t))).toBe(true);
    await page.getByLabel('Lĩnh vực').selectOption('data');
    await page.locator('[data-testid="initiatives"] li').first().waitFor();
    await shot(page, 'initiatives-catalogue-search-phone-vi');

    await page.locator('[data-testid="initiatives"] h2 a').first().click();
    await page.getByRole('heading', { name: 'Mô tả' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/@example\.vn/); // no contact, no proposer's name
    await shot(page, 'initiatives-public-page-phone-vi');

    await setLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Description' }).waitFor();
    await shot(page, 'initiatives-public-page-phone-en');
    await page.getByRole('link', { name: /Initiative catalogue/ }).click();
    await page.getByRole('heading', { name: 'Initiative portal', level: 1 }).waitFor();
    await page.getByTestId('initiatives').locator('li').first().waitFor();
    await shot(page, 'initiatives-catalogue-phone-en');
    expect(pageErrors(page)).toEqual([]);
  });

  it('the expert declares no conflict and scores; the scores are revealed once everyone scored', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'expert');
    await page.goto('/initiatives');
    await page.getByRole('heading', { name: 'Sáng kiến cần xử lý', level: 1 }).waitFor();
    const first = page.locator('[data-testid="initiatives"] h2 a').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/);
    chosenId = page.url().split('/').pop()!;
    await page.getByText('Điểm của các chuyên gia được ẩn cho đến khi tất cả đã chấm.').waitFor();
    await page.getByLabel('Tôi không có xung đột lợi ích').check();
    await page.getByRole('button', { name: 'Khai báo xung đột lợi ích' }).click();
    await page.getByText('Đã ghi nhận khai báo.').waitFor();
    const form = page.locator('form[aria-labelledby="score-h"]');
    await form.waitFor();
    await page.getByRole('button', { name: 'Lưu điểm' }).click();
    await page.getByText('Từ 0 đến 5').first().waitFor();
    for (const [label, value] of [
      ['Tính mới', '4'],
      ['Tính khả thi', '3'],
      ['Hiệu quả', '5'],
      ['Khả năng nhân rộng', '4'],
    ])
      await page.getByLabel(new RegExp(`^${label}`)).fill(value!);
    await page.getByLabel('Nhận xét').fill('Giải pháp thiết thực, có thể nhân rộng.');
    await page.getByRole('button', { name: 'Lưu điểm' }).click();
    await page.getByText('Đã lưu điểm.').waitFor();
    await page.getByTestId('aggregate').waitFor();
    expect(await page.getByTestId('initiative-status').textContent()).toBe('Đã đánh giá');
    await shot(page, 'initiatives-expert-scored-desktop-vi');
    expect(pageErrors(page)).toEqual([]);
  });

  it('steering decides a pilot and links a task of the programme', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'steering');
    await page.goto(`/initiatives/${chosenId}`);
    await page.getByTestId('aggregate').waitFor();
    await page.getByLabel('Thí điểm').check();
    await page.getByLabel('Nội dung quyết định').fill('Thí điểm 6 tháng tại địa phương đề xuất.');
    await page.getByLabel('Theo dõi thực hiện').fill('Báo cáo kết quả hằng quý.');
    await page.getByLabel('Tìm nhiệm vụ').fill('Luật');
    const task = page.locator('form[aria-labelledby="decide-h"] input[type=checkbox]').first();
    await task.waitFor();
    await task.check();
    await shot(page, 'initiatives-decide-phone-vi');
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ thực hiện' }).waitFor();
    expect(await page.getByTestId('initiative-status').textContent()).toBe('Đã quyết định');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'initiatives-decided-phone-vi');
    await setLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Tasks carrying it out' }).waitFor();
    await shot(page, 'initiatives-decided-phone-en');
    expect(pageErrors(page)).toEqual([]);
  });

  it('anybody reads the feedback statistics on a phone; steering sees them with exports', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await page.goto('/public/statistics');
    await page.getByRole('heading', { level: 1, name: /Thống kê tiếp nhận/ }).waitFor();
    await page.getByTestId('stats-table').waitFor();
    expect(await page.locator('[data-testid="stats-table"] tbody tr').count()).toBeGreaterThan(1);
    await page.getByLabel('Thống kê theo').selectOption('topic');
    await page.getByRole('rowheader', { name: 'Dịch vụ công trực tuyến' }).waitFor();
    await shot(page, 'statistics-public-phone-vi');
    const desk = await newPage(browser);
    await loginAs(desk, 'steering');
    await desk.goto('/statistics');
    await desk.getByTestId('stats-table').waitFor();
    await desk.getByRole('link', { name: 'Tải Excel' }).waitFor();
    await shot(desk, 'statistics-internal-desktop-vi');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(desk)).toEqual([]);
  });
});
