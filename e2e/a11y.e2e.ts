import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, loginAs, newPage, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe: no serious or critical violations)', () => {
  it('login page, both languages', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await checkA11y(page);
    const en = await newPage(browser, { lang: 'en' });
    await en.goto('/login');
    await en.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkA11y(en);
  });

  it('home, organisation, users, API keys and audit pages', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin');
    await page.locator('main .link-card').first().waitFor();
    await checkA11y(page);

    await page.goto('/org');
    await page.locator('.unit-grid a').first().waitFor();
    await checkA11y(page);
    await page.getByLabel('Tìm đơn vị').fill('ha noi');
    await page.getByTestId('org-results').waitFor();
    await checkA11y(page);

    await page.goto('/admin/users');
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByRole('combobox', { name: 'Đơn vị' }).fill('ha');
    await page.getByRole('option').first().waitFor();
    await checkA11y(page);

    await page.goto('/admin/api-keys');
    await page.getByRole('heading', { name: 'Khóa API', level: 1 }).waitFor();
    await checkA11y(page);

    await page.goto('/admin/audit');
    await page.locator('tbody tr[data-action]').first().waitFor();
    await page.locator('tbody tr[data-action] button[aria-expanded]').first().click();
    await checkA11y(page);
  });

  it('skip link is the first stop and moves focus to main', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'commune.officer');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

describe('phone-sized screen (375×812)', () => {
  it('collapses the navigation into a menu button and does not scroll sideways', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 812 } });
    await loginAs(page, 'admin');
    await page.locator('main .link-card').first().waitFor();
    const nav = page.locator('#app-nav');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'home-mobile');
    await checkA11y(page);

    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Nhật ký kiểm toán' }).waitFor();
    await screenshot(page, 'menu-mobile', { fullPage: false });
    await nav.getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
    await page.locator('tbody tr[data-action]').first().waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'audit-mobile', { fullPage: false });

    await page.goto('/org');
    await page.locator('.unit-grid a').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'org-mobile', { fullPage: false });

    await page.goto('/admin/users');
    await page.locator('tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'users-mobile', { fullPage: false });
  });

  it('login page fits a phone', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 812 } });
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'login-mobile');
  });
});
