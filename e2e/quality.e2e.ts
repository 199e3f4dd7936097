import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, pageErrors, screenshot } from './browser.ts';

/**
 * Issue 11: a data owner (the Ministry of Science and Technology's officer) registers a database, declares
 * checks in YAML, uploads a sample, watches the progress and sees the criterion scores, the class and the
 * rank; anyone sees the 2025 pilot ranking of the demo data. Screenshots on desktop and phone, vi and en.
 */
const SAMPLE = [
  'so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh,ma_xa,ngay_cap_nhat',
  ...Array.from({ length: 400 }, (_, i) => {
    const id = String(100000000000 + i * 13);
    const bad = i % 40 === 0;
    return `${bad ? id.slice(1) : id},Nguyễn Văn ${i},19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10},${1 + (i % 2)},${bad ? '99999999' : '00004'},2025-11-2${i % 10}`;
  }),
].join('\n');

const YAML = `checks:
  - metric: row_count
    must: { ge: 100 }
    criterion: sufficient
  - metric: missing_percent
    column: so_dinh_danh
    must: { lt: 1 }
    criterion: sufficient
  - metric: invalid_percent
    column: so_dinh_danh
    format: citizen_id
    must: { lt: 1 }
    criterion: correct
  - metric: duplicate_count
    column: so_dinh_danh
    must: { eq: 0 }
    criterion: clean
  - metric: freshness
    column: ngay_cap_nhat
    must: { le: 3650 }
    criterion: living
  - metric: reference
    column: ma_xa
    codeList: admin_unit
    must: { lt: 5 }
    criterion: unified
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('database quality', () => {
  it('a data owner registers a database, declares checks, uploads a sample and sees scores, class and rank', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'ministry.officer');
    await page.goto('/quality');
    await page.getByRole('button', { name: 'Đăng ký cơ sở dữ liệu' }).click();
    const name = `CSDL thử nghiệm ${Date.now().toString(36)}`;
    await page.getByLabel('Tên cơ sở dữ liệu').fill(name);
    await page.getByLabel('Đã kết nối Nền tảng chia sẻ dữ liệu quốc gia').check();
    await page.getByLabel('API chia sẻ (mỗi dòng một API)').fill('Tra cứu nhiệm vụ');
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('created-link').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // a declaration error names the check and the field
    await page.getByLabel('YAML').check();
    await page
      .getByLabel('Nội dung quy tắc')
      .fill('checks:\n  - metric: row_count\n    must: { ge: 1 }\n    criterion: tidy\n');
    await page.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await expect.poll(() => page.getByTestId('check-errors').innerText()).toContain('Quy tắc số 1');
    await page.getByLabel('Nội dung quy tắc').fill(YAML);
    await page.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await page.getByText('Đã lưu 6 quy tắc').waitFor();

    await page.getByLabel('Tệp mẫu dữ liệu').setInputFiles({
      name: 'mau-du-lieu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SAMPLE),
    });
    await page.getByRole('button', { name: 'Tải lên và đánh giá' }).click();
    await page.getByTestId('run-status').waitFor();
    await page.locator('[data-testid=run-status][data-status=done]').waitFor({ timeout: 60_000 });
    await page.getByTestId('criteria').first().waitFor();
    const score = await page.getByTestId('score').first().innerText();
    expect(Number(score.replace(',', '.'))).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('rank').innerText()).toMatch(/^Hạng \d+ năm \d{4}$/);
    await expect.poll(() => page.getByTestId('grade').first().innerText()).toMatch(/^Loại [ABC]$/);
    // examples are masked: no citizen ID appears in clear
    expect(await page.getByTestId('measurements').innerText()).not.toMatch(/\d{11}/);
    await screenshot(page, 'quality-database-vi');
    const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, lang: 'en' });
    await loginAs(phone, 'ministry.officer');
    await phone.goto(page.url().replace(/^https?:\/\/[^/]+/, ''));
    await phone.getByTestId('criteria').first().waitFor();
    await screenshot(phone, 'quality-database-en-phone');
    expect(pageErrors(page)).toEqual([]);
  }, 180_000);

  it('shows the 2025 pilot ranking of the demo databases to any signed-in user, with its export', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'commune.officer');
    await page.goto('/quality/rankings');
    await page.getByLabel('Năm').selectOption('2025');
    await page.getByTestId('ranking').getByText('Cơ sở dữ liệu quốc gia về dân cư').waitFor();
    const rows = await page.getByTestId('ranking').locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(12);
    expect(await page.getByTestId('ranking').innerText()).toContain('Cơ sở dữ liệu quốc gia về dân cư');
    await page.getByText('Thí điểm').waitFor();
    const csv = await page.getByRole('link', { name: 'Tải bảng xếp hạng (CSV)' }).getAttribute('href');
    expect(csv).toContain('/api/data-quality/rankings.csv');
    await screenshot(page, 'quality-rankings-vi');
    const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, lang: 'en' });
    await loginAs(phone, 'commune.officer');
    await phone.goto('/quality/rankings');
    await phone.getByLabel('Year').selectOption('2025');
    await phone.getByTestId('ranking').getByText('Cơ sở dữ liệu quốc gia về dân cư').waitFor();
    await screenshot(phone, 'quality-rankings-en-phone');
    expect(pageErrors(page)).toEqual([]);
  }, 120_000);
});
