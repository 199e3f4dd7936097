import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, loginAs, newPage, pageErrors, screenshot } from './browser.ts';

/**
 * Issue 8, the reviewer at 100+ reports (steering reviews the December reports of the demo programme):
 * a compact table, longest waiting first; two reports selected and accepted together after a confirmation;
 * a report returned with a reason picked from the list, then "next report" one tap away. Desktop and
 * 390 px phone, Vietnamese and English.
 */

const PHONE = { width: 390, height: 844 };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const queueTotal = async (page: Page) => {
  const text = (await page.locator('#queue-count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
};
const rowsOf = (page: Page) => page.locator('[data-testid=review-queue] tbody tr');

describe('review queue at 100+ reports', () => {
  it('shows a compact table, longest waiting first', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    await page.goto('/reviews');
    await rowsOf(page).first().waitFor();
    expect(await queueTotal(page)).toBeGreaterThan(20);
    expect(await rowsOf(page).count()).toBeGreaterThan(20);
    // the waiting column never grows down the page (oldest first)
    const waits = await page
      .locator('[data-testid=review-queue] tbody tr td:nth-child(2)')
      .evaluateAll((tds) => tds.map((td) => Number((td.textContent ?? '').replace(/\D/g, '') || 0)));
    expect(waits).toEqual([...waits].sort((a, b) => b - a));
    await screenshot(page, 'review-queue-desktop-vi', { fullPage: false });
    await checkA11y(page);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('accepts two selected reports after a confirmation, and says what happened', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    await page.goto('/reviews');
    await rowsOf(page).first().waitFor();
    const before = await queueTotal(page);
    const boxes = page.locator('[data-testid=review-queue] tbody input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Tiếp nhận 2 báo cáo đã chọn' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Tiếp nhận 2 báo cáo?').waitFor();
    await screenshot(page, 'review-bulk-confirm-desktop-vi', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tiếp nhận 2 báo cáo' }).click();
    await page.getByText('Đã tiếp nhận 2 báo cáo.').waitFor();
    await expect.poll(() => queueTotal(page)).toBe(before - 2);
    await screenshot(page, 'review-bulk-done-desktop-vi', { fullPage: false });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('on a phone in English: cards, select all on the page, confirm', async () => {
    const page = await newPage(browser, { viewport: PHONE, lang: 'en' });
    await loginAs(page, 'steering');
    await page.goto('/reviews');
    await rowsOf(page).first().waitFor();
    await screenshot(page, 'review-queue-phone-en', { fullPage: false });
    await page.getByRole('checkbox', { name: 'Select every report awaiting review on this page' }).check();
    const selected = await page
      .locator('[data-testid=review-queue] tbody input[type=checkbox]:checked')
      .count();
    expect(selected).toBeGreaterThan(1);
    await page.getByRole('button', { name: `Accept ${selected} selected reports` }).click();
    await page.getByRole('alertdialog').getByText(`Accept ${selected} reports?`).waitFor();
    await screenshot(page, 'review-bulk-confirm-phone-en', { fullPage: false });
    // not this time: cancelling changes nothing
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: `Accept ${selected} selected reports` }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('returns a report with a reason picked from the list, then offers the next report', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'steering');
    await page.goto('/reviews');
    await rowsOf(page).first().waitFor();
    await rowsOf(page).first().locator('td:nth-child(3) a').click();
    await page.getByRole('button', { name: /^Trả lại:/ }).click();
    await page.getByLabel('Lý do thường dùng').selectOption({ index: 1 });
    const reason = await page.getByLabel('Lý do trả lại').inputValue();
    expect(reason.length).toBeGreaterThan(10);
    await screenshot(page, 'review-return-reason-phone-vi');
    await page.getByRole('button', { name: 'Xác nhận trả lại' }).click();
    await page.getByText('Đã trả lại báo cáo.').waitFor();
    const next = page.getByTestId('next-report');
    await next.waitFor();
    await screenshot(page, 'review-next-report-phone-vi');
    const url = page.url();
    await next.click();
    await page.waitForURL((u) => u.toString() !== url);
    await page.getByRole('button', { name: /^Tiếp nhận:/ }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
