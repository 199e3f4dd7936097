import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, pageErrors, screenshot } from './browser.ts';

/**
 * Issue 8 on the demo data: the as-of date survives the drill-down (bug 3: NV-026 as of 2025-06-30 shows
 * the overview's status and progress on its assignment page), and "my assignments" tells a commune what to
 * report (missing periods, next report due, awaiting review), each one tap from the form.
 */
const AS_OF = '2025-06-30';
const PHONE = { width: 390, height: 844 };

let browser: Browser;
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

describe('as of a date, from the overview down to the assignment', () => {
  it('NV-026 as of 2025-06-30: the assignment page shows the task’s status and progress, links keep asOf', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    const programmes = await (await page.request.get('/api/programmes?limit=10')).json();
    const programme =
      programmes.items.find((p: { code: string }) => p.code.includes('03/NQ-CP')) ?? programmes.items[0];
    const tasks = await (
      await page.request.get(`/api/tasks?programmeId=${programme.id}&q=NV-026&asOf=${AS_OF}&limit=5`)
    ).json();
    const task = tasks.items.find((x: { code: string }) => x.code === 'NV-026');
    expect(task, 'NV-026 in the demo programme').toBeTruthy();

    await page.goto(`/tasks/${task.id}?asOf=${AS_OF}`);
    const row = page.getByTestId('assignment-table').locator('tbody tr').first();
    await row.waitFor();
    const rowStatus = await row.locator('.status-badge[data-status]').first().getAttribute('data-status');
    const rowProgress = await row.locator('.progress-value').first().innerText();
    const roots = await (
      await page.request.get(`/api/assignments?taskId=${task.id}&rootsOnly=true&asOf=${AS_OF}&limit=100`)
    ).json();
    // with a single root assignment the task's status and progress are that assignment's
    if (roots.total === 1) {
      expect(rowStatus).toBe(task.status);
      expect(rowProgress).toContain(`${task.progress} %`);
    }
    const link = row.locator('a[href^="/assignments/"]').first();
    expect(await link.getAttribute('href')).toContain(`asOf=${AS_OF}`);
    await link.click();
    await page.waitForURL(/\/assignments\/[^/?]+\?asOf=2025-06-30/);
    const badge = page.getByTestId('assignment-status').locator('[data-status]').first();
    await badge.waitFor();
    expect(await badge.getAttribute('data-status')).toBe(rowStatus);
    expect(await page.getByTestId('assignment-progress').locator('.progress-value').innerText()).toBe(
      rowProgress,
    );
    await page.getByTestId('as-of-notice').waitFor();
    for (const href of await page
      .locator('.breadcrumb a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toContain(`asOf=${AS_OF}`);
    await shot(page, 'reporting-assignment-as-of-vi');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('my assignments: what to report', () => {
  it('a commune officer on a phone sees the reporting to-do on its cards and reaches the form in one tap', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'commune.officer');
    await page.goto('/my');
    const todo = page.getByTestId('reporting-todo').first();
    await todo.waitFor();
    await shot(page, 'reporting-my-assignments-phone-vi');
    const action = todo.locator('a').first();
    const href = (await action.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/assignments\/[^/]+\/report\?period=/);
    await action.click();
    await page.waitForURL(/\/report\?period=/);
    const period = new URL(page.url()).searchParams.get('period');
    await page.locator('form').first().waitFor();
    const selected = page.locator('select').first();
    if (await selected.count()) expect(await selected.inputValue()).toBe(period);
    await shot(page, 'reporting-form-phone-vi');
    expect(pageErrors(page)).toEqual([]);
  });

  it('the assignment page on a phone, in English, as of 2025-12-31', async () => {
    const page = await newPage(browser, { viewport: PHONE, lang: 'en' });
    await loginAs(page, 'commune.officer');
    const mine = await (await page.request.get('/api/assignments?mine=true&limit=5')).json();
    await page.goto(`/assignments/${mine.items[0].id}?asOf=2025-12-31`);
    await page.getByTestId('as-of-notice').waitFor();
    await page.getByTestId('report-table').locator('tbody tr').first().waitFor();
    await shot(page, 'reporting-assignment-as-of-phone-en');
    expect(pageErrors(page)).toEqual([]);
  });

  it('in English too', async () => {
    const page = await newPage(browser, { viewport: PHONE, lang: 'en' });
    await loginAs(page, 'commune.officer');
    await page.goto('/my');
    await page.getByTestId('reporting-todo').first().waitFor();
    await shot(page, 'reporting-my-assignments-phone-en');
    expect(pageErrors(page)).toEqual([]);
  });
});
