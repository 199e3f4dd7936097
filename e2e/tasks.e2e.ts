import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  launchBrowser,
  loginAs,
  newPage,
  pageErrors,
  screenshot,
  setLanguage,
} from './browser.ts';

/**
 * The reporting loop of issue 3, in the browser, on the demo data:
 * commune.officer (Phường Ba Đình, on a phone) reports 100 % with a product, a completion date and a PDF →
 * province.officer (reviewer for Hà Nội) accepts it from the queue → steering sees the assignment move to
 * "Đã hoàn thành đúng hạn" by drilling down programme → task → Hà Nội → Ba Đình.
 * The tests of this file run in order and share the chosen assignment.
 */

const PHONE = { width: 375, height: 812 };
const BA_DINH = '00004';
const OPEN = ['in_progress', 'not_started'];

/** A minimal valid PDF (the server checks the type by content). */
function smallPdf(): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const chosen: { assignmentId: string; taskCode: string; statusBefore: string; reportId: string } = {
  assignmentId: '',
  taskCode: '',
  statusBefore: '',
  reportId: '',
};

/** Full-page screenshot from the top (the sticky header would otherwise sit in the middle of it). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

const QUEUE_ROW = '[data-testid="review-queue"] tr[data-report-id]';

/** The review queue is oldest first: page forward until the report shows up, and return its row. */
async function findInQueue(page: Page, reportId: string) {
  await page.getByTestId('review-queue').waitFor();
  const card = page.locator(`tr[data-report-id="${reportId}"]`);
  for (let i = 0; i < 30 && (await card.count()) === 0; i++) {
    const next = page.getByRole('button', { name: /^Trang sau/ });
    if ((await next.count()) === 0 || !(await next.isEnabled())) break;
    const first = await page.locator(QUEUE_ROW).first().getAttribute('data-report-id');
    await next.click();
    await page.waitForFunction(
      ([id, sel]) => document.querySelector(sel)?.getAttribute('data-report-id') !== id,
      [first, QUEUE_ROW] as const,
    );
  }
  await card.waitFor();
  return card;
}

async function assignmentStatus(page: Page): Promise<string> {
  const badge = page.getByTestId('assignment-status').locator('[data-status]').first();
  await badge.waitFor();
  return (await badge.getAttribute('data-status')) ?? '';
}

describe('tasks: report → review → overview', () => {
  it('commune.officer sees "Nhiệm vụ của tôi" on a phone and picks an open assignment', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'commune.officer');
    await page.goto('/my');
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi', level: 1 }).waitFor();
    const cards = page.getByTestId('my-assignments').locator('li[data-assignment-id]');
    await cards.first().waitFor();
    await shot(page, 'tasks-my-assignments-phone-vi');
    await checkA11y(page);

    // An open assignment (not overdue), so that completing it today is on time.
    let found = false;
    for (const card of await cards.all()) {
      const status = await card.locator('.status-badge[data-status]').first().getAttribute('data-status');
      if (status && OPEN.includes(status)) {
        chosen.assignmentId = (await card.getAttribute('data-assignment-id')) ?? '';
        chosen.taskCode = (await card.getAttribute('data-task-code')) ?? '';
        chosen.statusBefore = status;
        found = true;
        break;
      }
    }
    expect(found, 'Phường Ba Đình has an open (in progress / not started) assignment in the demo data').toBe(
      true,
    );

    // The overdue and due-soon views are one tap away.
    await page.getByRole('button', { name: /^Quá hạn/ }).click();
    await page.getByRole('button', { name: /^Quá hạn/, pressed: true }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('steering sees the assignment open before the report', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    await page.goto(`/assignments/${chosen.assignmentId}`);
    expect(await assignmentStatus(page)).toBe(chosen.statusBefore);
  });

  it('commune.officer submits 100 % with a product, a completion date and a PDF', async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await loginAs(page, 'commune.officer');
    await page.goto('/my');
    await page
      .locator(`li[data-assignment-id="${chosen.assignmentId}"]`)
      .getByRole('link', { name: /^Báo cáo tiến độ/ })
      .click();
    const form = page.getByTestId('report-form');
    await form.waitFor();

    // Client-side checks: completion needs a product and a date; a wrong file type is refused at once.
    await page.getByLabel('Tiến độ (%)').fill('100');
    await page.getByRole('group', { name: 'Kết quả hoàn thành' }).waitFor();
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Vui lòng nêu sản phẩm hoàn thành.').waitFor();
    await page.getByText('Hãy ghi kết quả thực hiện trước khi gửi báo cáo.').waitFor(); // no empty report
    await page.getByText('Vui lòng nhập ngày hoàn thành.').waitFor();
    expect(await page.getByLabel('Sản phẩm').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'tasks-report-form-errors-phone-vi');

    const fileInput = page.getByLabel('Chọn tệp để tải lên');
    await fileInput.setInputFiles({
      name: 'virus.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    await page.getByText('Loại tệp không được chấp nhận', { exact: false }).waitFor();
    // A "PDF" whose content is not a PDF: refused by the server (type checked by content), shown by the field.
    await fileInput.setInputFiles({
      name: 'gia-mao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a pdf at all'),
    });
    await page.locator('.evidence .field-error').waitFor();
    expect(await page.getByTestId('evidence-list').count()).toBe(0);

    await page.getByLabel('Sản phẩm').fill('Quyết định số 125/QĐ-UBND ngày ' + todayInVietnam());
    await page.getByLabel('Ngày hoàn thành').fill(todayInVietnam());
    await page
      .getByLabel('Kết quả thực hiện')
      .fill('Đã triển khai xong, 100 % hồ sơ được tiếp nhận trực tuyến.');
    await page.getByLabel('Khó khăn, vướng mắc').fill('Đường truyền tại một số tổ dân phố còn yếu.');
    await fileInput.setInputFiles({
      name: 'bien-ban-nghiem-thu.pdf',
      mimeType: 'application/pdf',
      buffer: smallPdf(),
    });
    await page.getByTestId('evidence-list').getByRole('link', { name: 'bien-ban-nghiem-thu.pdf' }).waitFor();
    await expect.poll(() => page.locator('.evidence .field-error').count()).toBe(0);
    await shot(page, 'tasks-report-form-phone-vi');
    await checkA11y(page);

    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    // asked to confirm before anything is sent
    await form.getByRole('alertdialog').getByText('Tiến độ 100 %', { exact: false }).waitFor();
    await shot(page, 'tasks-report-confirm-phone-vi');
    await form.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    chosen.reportId = page.url().split('/').pop() ?? '';
    await page.getByText('Đã gửi báo cáo.').first().waitFor();
    await page.locator('[data-report-status="submitted"]').first().waitFor();
    await page.getByRole('link', { name: 'bien-ban-nghiem-thu.pdf' }).waitFor();
    await checkA11y(page);
    expect(pageErrors(page)).toEqual([]);
  });

  it('province.officer finds the report in the review queue and accepts it', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'province.officer');
    await page.goto('/reviews');
    await page.getByTestId('review-queue').waitFor();
    const card = await findInQueue(page, chosen.reportId);
    expect(await card.getAttribute('data-unit')).toBe(BA_DINH);
    await shot(page, 'tasks-review-queue-vi');
    await checkA11y(page);

    // the compact queue opens the report, where the evidence is and the decision is taken
    await card.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/reports/${chosen.reportId}`));
    await page.getByRole('link', { name: 'bien-ban-nghiem-thu.pdf' }).waitFor();
    await page
      .getByRole('button', { name: /^Tiếp nhận/ })
      .first()
      .click();
    await page.getByText(/^Đã tiếp nhận báo cáo/).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('steering drills down programme → task → Hà Nội → Ba Đình and sees "Đã hoàn thành đúng hạn"', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    await page.goto('/programmes');
    await page.getByTestId('completed-headline').waitFor();
    expect(await page.getByTestId('completed-headline').textContent()).toMatch(
      /^\d+\/\d+ nhiệm vụ đã hoàn thành$/,
    );
    await page.getByTestId('unit-table').waitFor();
    const overdueList = page.locator('section[aria-labelledby="overdue-title"]');
    await overdueList
      .getByTestId('overdue-table')
      .or(overdueList.getByText('Không có nhiệm vụ quá hạn.'))
      .waitFor();
    await shot(page, 'tasks-overview-vi');
    await checkA11y(page);

    await setLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Task progress overview', level: 1 }).waitFor();
    expect(await page.getByTestId('completed-headline').textContent()).toMatch(/^\d+\/\d+ tasks completed$/);
    await overdueList
      .getByRole('columnheader', { name: 'Responsible leader' })
      .or(overdueList.getByText('No overdue task.'))
      .waitFor();
    await shot(page, 'tasks-overview-en');
    await checkA11y(page);
    await setLanguage(page, 'vi');

    // Programme → task list (searched by code) → task page.
    await page.getByRole('link', { name: /^Danh sách .* nhiệm vụ$/ }).click();
    await page.getByLabel('Tìm nhiệm vụ').fill(chosen.taskCode);
    const taskLink = page.getByTestId('task-table').getByRole('link').first();
    await page.waitForURL(new RegExp(`q=${encodeURIComponent(chosen.taskCode)}`));
    await page.getByRole('heading', { name: /^1 nhiệm vụ$/ }).waitFor();
    await taskLink.click();
    await page.getByRole('heading', { name: 'Đơn vị được giao', level: 2 }).waitFor();
    await page.getByTestId('assignment-table').waitFor();
    await page.getByTestId('timeline').or(page.getByText('Chưa có diễn biến nào.')).first().waitFor();
    await shot(page, 'tasks-task-page-vi');
    await checkA11y(page);

    // Task → Hà Nội's assignment → the commune it was cascaded to.
    await page.getByTestId('assignment-table').getByRole('link', { name: 'Hà Nội', exact: true }).click();
    await page.getByRole('heading', { name: 'Hà Nội', level: 2 }).waitFor();
    await page.locator(`[data-testid="assignment-table"] tr[data-unit="${BA_DINH}"] a`).first().click();
    // the as-of date of the overview travels along (issue 8, bug 3)
    await page.waitForURL(new RegExp(`/assignments/${chosen.assignmentId}(\\?asOf=[0-9-]{10})?$`));
    expect(await assignmentStatus(page)).toBe('done_on_time');
    expect(await page.getByTestId('assignment-status').textContent()).toContain('Đã hoàn thành đúng hạn');
    expect(chosen.statusBefore).not.toBe('done_on_time');
    await page.getByTestId('timeline').locator('[data-action="report.accept"]').waitFor();
    await shot(page, 'tasks-assignment-done-vi');
    await checkA11y(page);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('tasks: approval by the unit lead (provinces and ministries)', () => {
  it('province.officer submits a report, province.lead approves it from the queue', async () => {
    const officer = await newPage(browser);
    await loginAs(officer, 'province.officer');
    await officer.goto('/my');
    const open = officer
      .getByTestId('my-assignments')
      .locator('li[data-assignment-id]')
      .filter({ has: officer.locator('.status-badge[data-status="in_progress"]') })
      .first();
    await open.getByRole('link', { name: /^Báo cáo tiến độ/ }).click();
    const form = officer.getByTestId('report-form');
    await form.waitFor();
    await officer.getByLabel('Tiến độ (%)').fill('60');
    await officer
      .getByLabel('Kết quả thực hiện')
      .fill('126/126 xã, phường đã triển khai; đang số hoá hồ sơ.');
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await form.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await officer.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = officer.url().split('/').pop() ?? '';
    await officer.locator('[data-report-status="pending_approval"]').first().waitFor();

    const lead = await newPage(browser, { viewport: PHONE });
    await loginAs(lead, 'province.lead');
    await lead.goto('/reviews');
    await lead.getByLabel('Loại').selectOption('approval');
    await lead.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="review-queue"] tr[data-report-id] .tag')).every(
        (e) => e.classList.contains('awaiting-approval'),
      ),
    );
    const card = await findInQueue(lead, reportId);
    await shot(lead, 'tasks-approval-queue-phone-vi');
    await checkA11y(lead);
    await card.getByRole('link').first().click();
    await lead.waitForURL(new RegExp(`/reports/${reportId}`));
    await lead
      .getByRole('button', { name: /^Phê duyệt/ })
      .first()
      .click();
    await lead.getByText(/^Đã phê duyệt báo cáo/).waitFor();

    await lead.goto(`/reports/${reportId}`);
    await lead.locator('[data-report-status="submitted"]').first().waitFor();
    expect(pageErrors(officer)).toEqual([]);
    expect(pageErrors(lead)).toEqual([]);
  });
});

describe('tasks: the other pages', () => {
  it('task list: diacritic-insensitive search and filters in the URL', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    await page.goto('/tasks');
    await page.getByTestId('task-table').waitFor();
    await page.getByLabel('Tìm nhiệm vụ').fill('co so du lieu');
    await page.waitForURL(/q=co\+so\+du\+lieu/);
    await page
      .getByTestId('task-table')
      .getByRole('link', { name: /cơ sở dữ liệu/i })
      .first()
      .waitFor();
    await page.getByLabel('Trạng thái').selectOption('overdue');
    await page.waitForURL(/status=overdue/);
    const statuses = () =>
      page
        .getByTestId('task-table')
        .locator('td .status-badge[data-status]:not([data-status="at_risk"])')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-status')))]);
    await expect.poll(statuses).toEqual(['overdue']);
    await shot(page, 'tasks-list-filtered-vi');
    await checkA11y(page);
  });

  it('review report, notifications, commitments and import pages pass axe', async () => {
    const steering = await newPage(browser);
    await loginAs(steering, 'steering');
    await steering.goto('/programmes');
    await steering.getByRole('link', { name: 'Báo cáo sơ kết', exact: true }).click();
    await steering.getByRole('heading', { name: 'Báo cáo sơ kết', level: 1 }).waitFor();
    await steering.getByTestId('completed-headline').waitFor();
    await shot(steering, 'tasks-review-report-vi');
    await checkA11y(steering);

    const lead = await newPage(browser, { viewport: PHONE });
    await loginAs(lead, 'province.lead');
    await lead.goto('/commitments');
    await lead.getByRole('heading', { name: 'Ký cam kết' }).waitFor();
    await lead.getByRole('button', { name: 'Ký cam kết' }).click();
    await lead.getByText('Vui lòng nêu kết quả cam kết.').waitFor();
    await checkA11y(lead);

    await lead.goto('/notifications');
    await lead.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    await lead.locator('main h2').first().waitFor();
    await checkA11y(lead);
    expect(pageErrors(lead)).toEqual([]);
  });

  it('import: a dry run lists every error by row and column and imports nothing', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'steering');
    await page.goto('/import');
    await page.getByRole('heading', { name: 'Nhập nhiệm vụ từ tệp' }).waitFor();
    const header = (await page.request.get('/api/programmes/import-template.csv').then((r) => r.text()))
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0];
    const good =
      'NV-901,Thí điểm nhập dữ liệu,,Dữ liệu,,BKHCN,,BKHCN,01/01/2026,31/12/2026,không,Hàng tháng,Cao,,';
    const bad = 'NV-902,,,Lĩnh vực không có,,BKHCN,,BKHCN,01/01/2026,31/12/2026,không,Hàng tháng,Cao,,';
    const file = (rows: string[]) => ({
      name: 'nhiem-vu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8'),
    });

    await page.getByLabel('Tệp XLSX hoặc CSV').setInputFiles(file([good, bad]));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const rows = await errors
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')),
      );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r[0] === '3')).toBe(true);
    expect(rows.map((r) => r[1])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Tên nhiệm vụ/), expect.stringMatching(/^Lĩnh vực/)]),
    );
    expect(await page.getByRole('button', { name: /^Nhập \d+ nhiệm vụ/ }).count()).toBe(0);
    await shot(page, 'tasks-import-errors-vi');
    await checkA11y(page);

    // A clean file: the check passes and offers the import (not confirmed here: the demo programme stays at 106).
    await page.getByLabel('Tệp XLSX hoặc CSV').setInputFiles(file([good]));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Không có lỗi. Có thể nhập dữ liệu.').waitFor();
    await page.getByRole('button', { name: 'Nhập 1 nhiệm vụ, 1 lượt giao' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
