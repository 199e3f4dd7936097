import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, pageErrors, screenshot, setLanguage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('login page', () => {
  it('is in Vietnamese by default, under the strict CSP, without errors', async () => {
    const page = await newPage(browser);
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.title()).toBe('Đăng nhập – Pilotage');
    expect(await page.getByLabel('Tên đăng nhập').count()).toBe(1);
    expect(await page.getByLabel('Mật khẩu').count()).toBe(1);
    await screenshot(page, 'login-vi');
    expect(pageErrors(page)).toEqual([]);
  });

  it('switches to English and remembers it', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await setLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in – Pilotage');
    expect(await page.getByLabel('Username').count()).toBe(1);
    expect(await page.locator('button[data-lang=en]').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'login-en');
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('shows the server’s error in the user’s language on a wrong password', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.locator('input[name=username]').fill('province.officer');
    await page.locator('input[name=password]').fill('not-the-password');
    await page.locator('form button[type=submit]').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(await page.locator('input[name=password]').inputValue()).toBe('');
    await screenshot(page, 'login-error-vi');

    await setLanguage(page, 'en');
    await page.locator('input[name=password]').fill('still-not-it');
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();
    expect(page.url()).toMatch(/\/login$/);
  });

  it('signs in, returns to the page asked for, and signs out', async () => {
    const page = await newPage(browser);
    await page.goto('/org');
    await page.waitForURL(/\/login$/);
    await loginAs(page, 'province.officer');
    await page.waitForURL(/\/org$/);
    await page.getByRole('heading', { name: 'Cơ cấu tổ chức', level: 1 }).waitFor();
    expect(await page.getByTestId('user-name').first().textContent()).toBe('Cán bộ Sở KH&CN Hà Nội');

    await page.locator('.header-signout button').click();
    await page.waitForURL(/\/login$/);
    await page.goto('/');
    await page.waitForURL(/\/login$/);
    expect(pageErrors(page)).toEqual([]);
  });
});
