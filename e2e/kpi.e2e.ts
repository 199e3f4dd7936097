import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, pageErrors, screenshot, setLanguage } from './browser.ts';

/**
 * KPIs in the browser (issue 9), on the demo data: commune.officer (Phường Ba Đình, Hà Nội) enters
 * December 2025's values on a 390 px phone; steering then sees the national 5G figure and Hà Nội's score in
 * the province league table move (live roll-ups: no batch). Screenshots of the map, a trajectory chart and
 * the league tables (vi and en, desktop and phone) are looked at by hand.
 */
const PHONE = { width: 390, height: 844 };
const PERIOD = '202512';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The API as the page's session sees it. */
async function api<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
}
interface Rankings {
  items: { unit: { code: string }; score: number | null; rank: number | null }[];
}
interface Trajectory {
  points: { period: string; value: number | null }[];
}
const hanoiScore = async (page: Page) =>
  (await api<Rankings>(page, `/api/rankings?level=province&period=${PERIOD}`)).items.find(
    (i) => i.unit.code === '01',
  )!.score;
const national5g = async (page: Page) =>
  (await api<Trajectory>(page, `/api/indicators/KPI_5G_COVERAGE/trajectory?from=${PERIOD}&to=${PERIOD}`))
    .points[0]!.value;

const before: { score: number | null; fiveG: number | null } = { score: null, fiveG: null };

describe('KPI data entry and dashboards', () => {
  it('a commune officer enters a month of values on a phone', async () => {
    const steering = await newPage(browser);
    await loginAs(steering, 'steering');
    before.score = await hanoiScore(steering);
    before.fiveG = await national5g(steering);
    await steering.context().close();

    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'commune.officer');
    await page.goto('/kpi/entry');
    await page.getByRole('heading', { level: 1, name: 'Nhập số liệu KPI' }).waitFor();
    await page.getByLabel('Kỳ báo cáo').selectOption(PERIOD);
    const pop = page.locator('input[name=POP]');
    await pop.waitFor();
    // validation as you type
    await pop.fill('12.5');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toBe('Phải là số nguyên');
    await expect.poll(() => page.getByRole('button', { name: 'Gửi số liệu' }).isDisabled()).toBe(true);
    // a large ward fully covered by 5G: the national figure and Hà Nội's score must move
    await pop.fill('2000000');
    await page.locator('input[name=POP_5G]').fill('2000000');
    await page.locator('input[name=REC_TOTAL]').fill('1500');
    await page.locator('input[name=REC_ONLINE]').fill('1500');
    await page.locator('input[name=REC_PIN]').fill('1500');
    await page.getByLabel('Ghi chú cho Dân số trong vùng phủ sóng 5G').fill('Trạm 5G mới khu Ba Đình');
    // the draft survives a reload
    await page.reload();
    await page.getByLabel('Kỳ báo cáo').selectOption(PERIOD);
    await expect.poll(() => page.locator('input[name=POP_5G]').inputValue()).toBe('2000000');
    await expect.poll(() => page.getByTestId('entry-completeness').textContent()).toBe('Đã nhập 5/5 chỉ số');
    await screenshot(page, 'kpi-entry-phone-vi');
    await page.getByRole('button', { name: 'Gửi số liệu' }).click();
    await expect.poll(() => page.getByTestId('entry-summary').textContent()).toMatch(/^Kết quả: SUCCESS/);
    await screenshot(page, 'kpi-entry-phone-submitted-vi');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('the national dashboard and the province league table show the change', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    const fiveG = await national5g(page);
    const score = await hanoiScore(page);
    expect(fiveG).toBeGreaterThan(before.fiveG!);
    expect(score).toBeGreaterThan(before.score!);

    await page.goto(`/kpi?indicator=KPI_5G_COVERAGE&period=${PERIOD}`);
    await page.getByTestId('kpi-card-KPI_5G_COVERAGE').waitFor();
    const card = page.getByTestId('kpi-card-KPI_5G_COVERAGE');
    await expect
      .poll(() => card.locator('.kpi-card-value').textContent())
      .toBe(`${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(fiveG!)} %`);
    const league = page.getByTestId('league-province');
    await league.getByRole('button', { name: 'Xem tất cả' }).click();
    await league.getByRole('link', { name: 'Hà Nội' }).waitFor();
    const hanoiRow = league.locator('tr', { has: page.getByRole('link', { name: 'Hà Nội' }) });
    await expect
      .poll(() => hanoiRow.locator('td').nth(2).textContent())
      .toBe(new Intl.NumberFormat('vi-VN').format(score!));
    // the map and the trajectory chart are drawn (canvas), the tile grid needs no chart library
    await page.getByTestId('province-map').locator('canvas').waitFor();
    await page.getByTestId('trajectory-chart').locator('canvas').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'kpi-national-desktop-vi');
    await page.getByTestId('province-map').screenshot({ path: await shotPath('kpi-map-vi') });
    await page.getByTestId('trajectory-chart').screenshot({ path: await shotPath('kpi-trajectory-vi') });
    await page.getByTestId('province-map').getByRole('button', { name: 'Ô lưới' }).click();
    await page.getByTestId('tile-grid').waitFor();
    await page.getByTestId('province-map').screenshot({ path: await shotPath('kpi-tiles-vi') });
    await league.screenshot({ path: await shotPath('kpi-league-provinces-vi') });

    // the province's dashboard ranks its communes; Ba Đình's why-this-rank names its components
    await hanoiRow.getByRole('link', { name: 'Hà Nội' }).click();
    await page.getByTestId('league-commune').waitFor();
    await page.getByTestId('league-commune').getByRole('link', { name: 'Phường Ba Đình' }).waitFor();
    await screenshot(page, 'kpi-province-desktop-vi');
    await page.getByTestId('league-commune').getByRole('link', { name: 'Phường Ba Đình' }).click();
    await page.getByRole('heading', { level: 2, name: 'Vì sao có thứ hạng này' }).waitFor();
    await screenshot(page, 'kpi-unit-why-vi');

    await setLanguage(page, 'en');
    await page.goto(`/kpi?indicator=KPI_ONLINE_RECORDS&period=${PERIOD}`);
    await page.getByTestId('province-map').locator('canvas').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'kpi-national-desktop-en');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('the national dashboard on a phone', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'province.officer');
    await page.goto(`/kpi?indicator=KPI_5G_COVERAGE&period=${PERIOD}`);
    await page.getByTestId('province-map').locator('canvas').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'kpi-national-phone-vi');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

async function shotPath(name: string): Promise<string> {
  const { SCREENSHOT_DIR } = await import('./browser.ts');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return `${SCREENSHOT_DIR}/${name}.png`;
}
