import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, screenshot, texts } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('organisation browser', () => {
  it('finds Đắk Lắk typed without diacritics and drills down into its communes', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    await page.goto('/org');
    await page.getByLabel('Tìm đơn vị').fill('dak lak');
    const result = page.getByTestId('org-results').getByRole('link', { name: /^Đắk Lắk/ });
    await result.waitFor();
    expect(page.url()).toContain('q=dak+lak');
    await screenshot(page, 'org-search-vi');
    await result.click();
    await page.getByRole('heading', { name: 'Đắk Lắk', level: 2 }).waitFor();
    expect(await page.getByLabel('Tìm đơn vị').inputValue()).toBe('');
    expect(await page.locator('.breadcrumb').textContent()).toContain('Cấp quốc gia');
    await page.locator('.unit-grid a').first().waitFor();
    const communes = await texts(page, '.unit-grid .unit-link-name');
    expect(communes.length).toBeGreaterThan(50);
  });

  it('shows the tree from the national root: central bodies, ministries, provinces, then communes', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin');
    await page.goto('/org');
    await page.getByRole('heading', { name: 'Cấp quốc gia', level: 2 }).waitFor();
    await page.locator('.children h3').first().waitFor();
    const groups = await texts(page, '.children h3');
    expect(groups.map((g) => g.replace(/\s*\(\d+\)$/, ''))).toEqual([
      'Cơ quan Trung ương',
      'Bộ, ngành',
      'Tỉnh, thành phố',
    ]);
    expect(groups[2]).toContain('(34)');
    await screenshot(page, 'org-root-vi');
    await page.getByRole('link', { name: /^Hà Nội/ }).click();
    await page.getByRole('heading', { name: 'Hà Nội', level: 2 }).waitFor();
    await page.getByLabel('Lọc trong danh sách').fill('ba dinh');
    expect(await texts(page, '.unit-grid .unit-link-name')).toEqual(['Phường Ba Đình']);
    await page.getByRole('link', { name: 'Phường Ba Đình' }).click();
    await page.getByRole('heading', { name: 'Phường Ba Đình', level: 2 }).waitFor();
    await page.getByText('Không có đơn vị trực thuộc.').waitFor();
    await page.locator('.breadcrumb').getByRole('link', { name: 'Hà Nội' }).click();
    await page.getByRole('heading', { name: 'Hà Nội', level: 2 }).waitFor();
  });

  it('limits a commune officer to their own commune', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'commune.officer');
    await page.goto('/org');
    await page.getByRole('heading', { name: 'Phường Ba Đình', level: 2 }).waitFor();
    await page.getByLabel('Tìm đơn vị').fill('dak lak');
    await page.getByRole('heading', { name: '0 kết quả' }).waitFor();
  });
});

describe('OrgUnitPicker', () => {
  it('is a combobox usable with the keyboard alone', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const input = page.getByRole('combobox', { name: 'Đơn vị' });
    await input.focus();
    expect(await input.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.type('dak lak');
    const listbox = page.getByRole('listbox', { name: 'Đơn vị' });
    await listbox
      .getByRole('option', { name: /Đắk Lắk/ })
      .first()
      .waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    expect(await page.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'picker-open-vi', { fullPage: false });
    await page.keyboard.press('Enter');
    expect(await input.inputValue()).toBe('Đắk Lắk');
    expect(await input.getAttribute('aria-expanded')).toBe('false');

    // Escape closes the list, a second Escape drops the typing and restores the choice.
    await page.keyboard.type(' x');
    await page.getByRole('status').filter({ hasText: 'Không tìm thấy đơn vị' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('Đắk Lắk');

    // ArrowUp wraps to the last option; Tab leaves without changing the choice.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('ha noi');
    await listbox.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await input.inputValue()).toMatch(/Hà Nội/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Xóa lựa chọn',
    );
    await page.keyboard.press('Enter');
    expect(await input.inputValue()).toBe('');
  });
});
