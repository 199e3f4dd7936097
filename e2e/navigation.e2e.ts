import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_USERS,
  launchBrowser,
  loginAs,
  newPage,
  pageErrors,
  screenshot,
  setLanguage,
  texts,
} from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const COMMON = ['Trang chủ', 'Tổ chức'];
const MANAGERS = [...COMMON, 'Người dùng', 'Khóa API'];
/** What each demo account's navigation shows (roles: see apps/server/src/demo/accounts.ts). */
const EXPECTED_NAV: Record<(typeof DEMO_USERS)[number], string[]> = {
  admin: [...MANAGERS, 'Nhật ký kiểm toán'],
  steering: COMMON,
  'ministry.officer': COMMON,
  'province.officer': COMMON,
  'province.lead': MANAGERS,
  'commune.officer': COMMON,
  'commune.lead': MANAGERS,
  'commune2.officer': COMMON,
};

describe('navigation follows the roles', () => {
  for (const username of DEMO_USERS) {
    it(`${username} sees ${EXPECTED_NAV[username].length} entries`, async () => {
      const page = await newPage(browser);
      await loginAs(page, username);
      const nav = await texts(page, '#app-nav a');
      // Tasks and later modules add entries: check ours are there in order and the admin-only ones are not leaked.
      expect(nav.filter((label) => [...MANAGERS, 'Nhật ký kiểm toán'].includes(label))).toEqual(
        EXPECTED_NAV[username],
      );
      if (username !== 'admin') {
        expect(nav).not.toContain('Nhật ký kiểm toán');
        await page.goto('/admin/audit');
        await page.getByRole('alert').filter({ hasText: 'Bạn không có quyền truy cập trang này' }).waitFor();
      }
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('home page', () => {
  it('says who you are, your unit and scope (on the profile page), in Vietnamese and English', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'province.officer');
    await page.getByRole('heading', { name: 'Xin chào, Cán bộ Sở KH&CN Hà Nội', level: 1 }).waitFor();
    const main = page.locator('main');
    await main.getByRole('link', { name: 'Tài khoản của tôi' }).click();
    await main.getByRole('heading', { name: 'Phạm vi theo dõi' }).waitFor();
    await main.getByText('Bạn xem được dữ liệu của Hà Nội và các đơn vị trực thuộc.').waitFor();
    expect(await main.textContent()).toContain('Người thẩm định');
    await screenshot(page, 'home-vi');

    await setLanguage(page, 'en');
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await main.getByText('You can see the data of Hanoi and the units under it.').waitFor();
    expect(await texts(page, '#app-nav a')).toEqual(expect.arrayContaining(['Home', 'Organisation']));
    expect(await main.textContent()).toContain('Reviewer');
    await screenshot(page, 'home-en');
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows an administrator the national scope and the admin links', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin');
    await page.goto('/profile');
    await page
      .locator('main')
      .getByText('Bạn xem được dữ liệu của Cấp quốc gia và các đơn vị trực thuộc.')
      .waitFor();
    await page.goto('/');
    await page.locator('main .link-card-title').first().waitFor();
    const links = await texts(page, 'main .link-card-title');
    expect(links).toEqual(expect.arrayContaining(['Tổ chức', 'Người dùng', 'Khóa API', 'Nhật ký kiểm toán']));
    await screenshot(page, 'home-admin-vi');
  });

  it('answers an unknown address with a not-found page inside the layout', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'commune.officer');
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
  });
});
