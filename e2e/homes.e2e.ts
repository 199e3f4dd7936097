import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  launchBrowser,
  loginAs,
  newPage,
  pageErrors,
  screenshot,
  type DemoUser,
} from './browser.ts';

/**
 * Issue 8, "pages that tell each person what to do": each demo role's home shows its blocks, one tap from
 * the work; the programme overview draws its charts (ECharts, loaded only there) with a table view.
 * Screenshots on a desktop and a 390 px phone, in Vietnamese and English.
 */
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Full-page screenshot from the top. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** No message key, ISO period or English word of ours leaks into the Vietnamese page (and the reverse). */
async function expectClean(page: Page, lang: 'vi' | 'en'): Promise<void> {
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/\b(home|overview|chart)\.[a-zA-Z]+/);
  expect(text).not.toMatch(/\b20\d\d-(\d\d|Q\d|H\d)\b/);
  if (lang === 'vi') expect(text).not.toMatch(/\b(overdue|To do|reports due|Chart|Table)\b/);
  else expect(text).not.toMatch(/Việc cần làm|quá hạn|Biểu đồ/);
}

/** The blocks each demo account's home shows (data-testid). */
const BLOCKS: [DemoUser, string[]][] = [
  ['commune.officer', ['home-todo']],
  ['ministry.officer', ['home-todo']],
  ['province.officer', ['home-todo', 'home-review']],
  ['province.lead', ['home-todo', 'home-approval', 'home-commitments']],
  ['commune.lead', ['home-todo', 'home-approval', 'home-commitments']],
  ['steering', ['home-review', 'home-steering']],
  ['admin', ['home-review', 'home-steering']],
];

describe('home by role', () => {
  for (const [user, blocks] of BLOCKS) {
    it(`${user}: ${blocks.join(', ')}`, async () => {
      const page = await newPage(browser);
      await loginAs(page, user);
      for (const b of blocks) await page.getByTestId(b).waitFor();
      for (const absent of ['home-todo', 'home-review', 'home-steering'].filter((b) => !blocks.includes(b)))
        expect(await page.getByTestId(absent).count(), absent).toBe(0);
      await expectClean(page, 'vi');
      await shot(page, `homes-${user}-vi`);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('commune officer on a phone: the first thing to do opens the report form in one tap', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'commune.officer');
    const todo = page.getByTestId('home-todo');
    await todo.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'homes-commune.officer-vi-phone');
    await checkA11y(page);
    const action = todo.locator('.todo-item .button').first();
    expect(await action.getAttribute('href')).toMatch(/^\/assignments\/[0-9a-f-]{36}\/report/);
    await action.click();
    await page.getByTestId('report-form').waitFor();

    const en = await newPage(browser, { viewport: PHONE, lang: 'en' });
    await loginAs(en, 'commune.officer');
    await en.getByRole('heading', { name: 'To do' }).waitFor();
    await expectClean(en, 'en');
    await shot(en, 'homes-commune.officer-en-phone');
    await page.context().close();
    await en.context().close();
  });

  it('steering in English and on a phone; account details on the profile page', async () => {
    const page = await newPage(browser, { lang: 'en' });
    await loginAs(page, 'steering');
    await page.getByRole('heading', { name: 'What needs steering' }).waitFor();
    await expectClean(page, 'en');
    await shot(page, 'homes-steering-en');
    await page.getByRole('link', { name: 'My account' }).first().click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.getByText('steering', { exact: true }).waitFor();
    await page.context().close();

    const phone = await newPage(browser, { viewport: PHONE });
    await loginAs(phone, 'steering');
    await phone.getByTestId('home-steering').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'homes-steering-vi-phone');
    await checkA11y(phone);
    await phone.context().close();
  });
});

describe('programme overview charts', () => {
  it('draws the trend and overdue charts, each with a table view; ECharts loads only here', async () => {
    const page = await newPage(browser);
    const chartCode: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/EChart-/.test(r.url())) chartCode.push(r.url());
    });
    await loginAs(page, 'steering');
    expect(chartCode, 'the home page loads no chart code').toEqual([]);
    await page.goto('/programmes?asOf=2025-06-30');
    await page.getByTestId('overdue-table').waitFor();
    const panels = page.getByTestId('chart-panel');
    await panels.first().locator('canvas').waitFor();
    expect(await panels.count()).toBeGreaterThanOrEqual(3);
    expect(chartCode.length).toBe(1);
    // most days overdue first
    const days = await page
      .locator('[data-testid=overdue-table] td.overdue-days')
      .evaluateAll((cells) => cells.map((c) => Number((c.textContent ?? '').replace(/\D/g, ''))));
    expect(days.length).toBeGreaterThan(0);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    await expectClean(page, 'vi');
    await shot(page, 'homes-overview-vi');

    const trend = panels.first();
    await trend.getByRole('button', { name: 'Bảng số liệu' }).click();
    const table = trend.getByTestId('chart-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').last().textContent()).toMatch(
      /30\/06\/2025.*\d+,\d %|30\/06\/2025.*\d+ %/,
    );
    await checkA11y(page);
    await page.context().close();
  });

  it('a province sees its communes; on a phone the unit table becomes cards, overdue count first', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'province.officer');
    await page.goto('/programmes');
    await page.getByTestId('sub-units-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const firstCell = await page
      .locator('[data-testid=sub-units-table] tbody tr')
      .first()
      .evaluate((tr) => {
        const cells = Array.from(tr.children) as HTMLElement[];
        const top = Math.min(...cells.map((c) => c.getBoundingClientRect().top));
        return cells.find((c) => c.getBoundingClientRect().top === top)?.className ?? '';
      });
    expect(firstCell).toContain('unit-overdue');
    await page.getByTestId('chart-panel').first().locator('canvas').waitFor();
    await shot(page, 'homes-overview-province-vi-phone');

    const en = await newPage(browser, { lang: 'en' });
    await loginAs(en, 'province.officer');
    await en.goto('/programmes');
    await en.getByTestId('sub-units-table').waitFor();
    await en.getByTestId('chart-panel').first().locator('canvas').waitFor();
    await expectClean(en, 'en');
    await shot(en, 'homes-overview-province-en');
    await page.context().close();
    await en.context().close();
  });

  it('the login page and the report form load no chart code', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    const chartCode: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/(EChart|xlsx)-/.test(r.url())) chartCode.push(r.url());
    });
    await loginAs(page, 'commune.officer');
    await page.getByTestId('home-todo').locator('.todo-item .button').first().click();
    await page.getByTestId('report-form').waitFor();
    expect(chartCode).toEqual([]);
    await page.context().close();
  });
});
