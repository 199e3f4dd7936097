import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, loginAs, newPage, pageErrors, screenshot, texts } from './browser.ts';
import { baseUrl } from './env.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('admin: audit log', () => {
  it('shows the sign-in events, filters them and expands before/after', async () => {
    // A sign-in through the browser, and enough through the API for the trail to span two pages.
    for (let i = 0; i < 26; i++) {
      const response = await fetch(`${baseUrl()}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'commune.lead', password: DEMO_PASSWORD }),
      });
      expect(response.status).toBe(200);
    }
    const other = await newPage(browser);
    await loginAs(other, 'commune2.officer');
    await other.context().close();

    const page = await newPage(browser);
    await loginAs(page, 'admin');
    await page.locator('#app-nav').getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
    await page.getByRole('heading', { name: 'Nhật ký kiểm toán', level: 1 }).waitFor();
    await page.locator('tr[data-action="auth.login"]').first().waitFor();
    await screenshot(page, 'audit-vi');

    await page.getByLabel('Thao tác', { exact: true }).selectOption('auth.login');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.waitForURL(/action=auth\.login/);
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('tbody tr[data-action]')).every(
        (tr) => tr.getAttribute('data-action') === 'auth.login',
      ),
    );
    const actors = await texts(page, 'tbody tr[data-action] td:nth-child(3)');
    expect(actors).toEqual(expect.arrayContaining(['admin', 'commune2.officer']));

    const toggle = page.locator('tbody tr[data-action] button[aria-expanded]').first();
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const details = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
    await details.getByRole('heading', { name: 'Sau' }).waitFor();
    expect(await details.locator('pre').last().textContent()).toContain('"ip"');
    await screenshot(page, 'audit-details-vi');

    // Date range: a day long past has no events.
    await page.getByLabel('Từ ngày').fill('2020-01-01');
    await page.getByLabel('Đến ngày').fill('2020-01-02');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.getByText('Không có dữ liệu.').waitFor();
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.waitForURL((url) => url.search === '');

    // Pagination: 25 a page, newest first.
    await page
      .getByRole('navigation', { name: 'Phân trang' })
      .getByText(/^1–25 trên \d+$/)
      .waitFor();
    // rows carry their event id (UUIDv7, in time order): the sequence number appears once the sealer ran
    const ids = () =>
      page
        .locator('tbody tr[data-action]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
    const firstPage = await ids();
    await page.getByRole('button', { name: /Trang sau/ }).click();
    await page.waitForURL(/offset=25/);
    await page.getByRole('navigation', { name: 'Phân trang' }).getByText(/^26–/).waitFor();
    await page.waitForFunction(
      (top) => document.querySelector('tbody tr[data-action]')?.getAttribute('data-id') !== top,
      firstPage[0],
    );
    const secondPage = await ids();
    expect(secondPage[0]! < firstPage.at(-1)!).toBe(true);

    // Entity type: the demo accounts' creation.
    await page.getByLabel('Loại đối tượng').selectOption('user');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.locator('tr[data-action="user.create"]').first().waitFor();
    expect(page.url()).not.toContain('offset');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('admin: users', () => {
  it('creates a user with the picker and roles, who can then sign in; deactivates them', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin');
    await page.locator('#app-nav').getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();

    // The server validates and answers in Vietnamese.
    await page.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByText('Vui lòng chọn đơn vị.').waitFor();

    await page.getByLabel('Tên đăng nhập').fill('e2e.officer');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Thử Nghiệm');
    await page.getByLabel('Mật khẩu ban đầu').fill('short');
    const unit = page.getByRole('combobox', { name: 'Đơn vị' });
    await unit.fill('dak lak');
    await page
      .getByRole('option', { name: /^Đắk Lắk/ })
      .first()
      .waitFor();
    await unit.press('ArrowDown');
    await unit.press('Enter');
    await page.getByRole('checkbox', { name: 'Người thẩm định' }).check();
    await page.getByRole('button', { name: 'Tạo mới' }).click();
    await page.locator('#root .field-error').first().waitFor();
    await screenshot(page, 'users-create-error-vi');

    await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-du-dai-2025');
    await page.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản e2e.officer.' }).waitFor();
    await page.getByLabel('Tìm người dùng').fill('thu nghiem');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    const row = page.locator('tbody tr', { hasText: 'e2e.officer' });
    await row.getByText('Đắk Lắk').waitFor();
    expect(await row.textContent()).toContain('Người thẩm định');
    await screenshot(page, 'users-vi');

    const newcomer = await newPage(browser);
    await loginAs(newcomer, 'e2e.officer', 'mat-khau-du-dai-2025');
    await newcomer.getByRole('heading', { name: 'Xin chào, Nguyễn Thị Thử Nghiệm' }).waitFor();
    await newcomer.context().close();

    await row.getByRole('button', { name: 'Khóa e2e.officer' }).click();
    await row.getByText('Đã khóa').waitFor();
    const locked = await newPage(browser);
    await locked.goto('/login');
    await locked.locator('input[name=username]').fill('e2e.officer');
    await locked.locator('input[name=password]').fill('mat-khau-du-dai-2025');
    await locked.locator('form button[type=submit]').click();
    await locked.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
    await locked.context().close();
  });
});

describe('admin: API keys', () => {
  it('shows a new key’s secret once, then revokes it', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin');
    await page.goto('/admin/api-keys');
    await page.getByRole('button', { name: 'Tạo khóa API' }).click();
    await page.getByLabel('Tên khóa').fill('Hệ thống báo cáo Hà Nội');
    const unit = page.getByRole('combobox', { name: 'Đơn vị' });
    await unit.fill('ha noi');
    await page
      .getByRole('option', { name: /^Hà Nội/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Tạo mới' }).click();
    const secret = page.getByTestId('api-key-secret');
    await secret.waitFor();
    expect(await secret.locator('.secret-value').textContent()).toMatch(/^plk_[0-9a-f]{8}_/);
    await screenshot(page, 'api-key-secret-vi');
    await secret.getByRole('button', { name: 'Đóng' }).click();
    expect(await page.getByTestId('api-key-secret').count()).toBe(0);

    const row = page.locator('tbody tr', { hasText: 'Hệ thống báo cáo Hà Nội' });
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Thu hồi khóa Hệ thống báo cáo Hà Nội' }).click();
    await row.getByText('Đã thu hồi').waitFor();
  });
});
