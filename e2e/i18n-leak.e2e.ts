import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi as viDictionary } from '../apps/web/src/i18n/vi.ts';
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
 * Issue 8: no page leaks a message key, a period code (2026-10, 2026-Q3), an ISO date or English words into
 * the Vietnamese UI, nor Vietnamese into the English UI (except names of units and people and the data
 * people typed). Visits the main pages as several roles in both languages and scans the visible text.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KEYS = Object.keys(viDictionary);
const KEY_RE = new RegExp(
  `(?:^|[\\s(])(${[...new Set(KEYS.map((k) => k.split('.')[0]))].join('|')})\\.[a-zA-Z]\\w*(?:\\.\\w+)*`,
);
const PERIOD_CODE = /\b\d{4}-(?:(?:0[1-9]|1[0-2])(?![\d-])|Q[1-4]\b|H[12]\b)/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/** Words of an English interface (whole words; Vietnamese never uses them). */
const ENGLISH =
  /\b(?:Loading|Save|Cancel|Submit|Search|Status|Deadline|Reports?|Tasks?|Overview|Sign (?:in|out)|Back|Next|Previous|Show|Hide|Download|Upload|Choose File|No file chosen|Edit|Delete|Remove|Apply|Reset|Filter|Open|Close|Units?|Select|Total|Overdue|Completed|In progress|Not started|Accepted|Returned|Submitted|Draft|Pending|Review|Approve|Accept|Withdraw|January|February|March|April|June|July|August|September|October|November|December|Quarter|Year|Month|Week|days?|the|and|with|from)\b/;
/** Letters only Vietnamese uses (with its tone marks); "Hà Nội", people and data are allowed. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/**
 * The interface's own words: labels, headings, buttons, table heads, hints, notices and navigation. Data
 * (task titles, unit and people's names, narratives) lives in cells, links and paragraphs of content and
 * is left out of the reverse check — names are proper names.
 */
const CHROME = [
  'nav a',
  'label',
  'legend',
  'button',
  'th',
  'dt',
  'caption',
  '.field-hint',
  'h1',
  '.tag',
  '.status-badge',
  '.notice',
  'option',
  '.pagination',
];

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector<HTMLElement>('main')?.innerText ?? '');
}

async function chromeTexts(page: Page, lang: 'vi' | 'en'): Promise<string[]> {
  // headings carry data (a greeting with the user's name, a task title, a unit): checked in Vietnamese only
  const selectors = lang === 'en' ? CHROME.filter((c) => c !== 'h1') : CHROME;
  return page.evaluate((selectors) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selectors.join(',')))) {
      // the language switch names each language in itself ("Tiếng Việt"), on purpose
      if (el.closest('.lang-switch')) continue;
      // a name shown as a link (the signed-in user's display name in the header)
      if (el.closest('[data-name]')) continue;
      // names of units/people and codes shown inside the chrome (a button "Trả lại: NV-024 – Hà Nội")
      const clone = el.cloneNode(true) as HTMLElement;
      for (const data of Array.from(clone.querySelectorAll('.title-code, code, [data-name]'))) data.remove();
      const text = (el.tagName === 'OPTION' ? el.textContent : clone.innerText || clone.textContent) ?? '';
      const label = el.getAttribute('aria-label') ?? '';
      for (const t of [text, label]) if (t.trim()) out.push(t.trim());
    }
    return out;
  }, selectors);
}

/**
 * Data that stays Vietnamese in the English UI: proper names (every word capitalised: "Hà Nội", "Đắk Lắk",
 * "Nguyễn Văn An"; a unit with an English name must show it, so "Bộ Khoa học và Công nghệ" is a leak) and
 * coded records ("03/NQ-CP – Chương trình…", "NV-024 …": a document or task with its own title), and
 * people as pickers list them ("Cán bộ Phường Ba Đình (commune.officer)").
 */
function isData(text: string): boolean {
  const properName = /^(?:[A-ZĐ\p{Lu}][\p{L}'’-]*)(?:\s+[A-ZĐ\p{Lu}][\p{L}'’-]*)*$/u;
  const coded = /^[\p{Lu}\d]+[-/.][\p{Lu}\d./-]*\s+[–-]?\s*/u;
  // a person as pickers show them: "Display name (username)"
  const person = /\([a-z0-9._-]+\)$/;
  return properName.test(text.trim()) || coded.test(text.trim()) || person.test(text.trim());
}

function problems(lang: 'vi' | 'en', text: string, chrome: string[]): string[] {
  const found: string[] = [];
  const around = (s: string, re: RegExp) => {
    const m = re.exec(s);
    return m ? s.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ') : '';
  };
  for (const line of text.split('\n')) {
    if (KEY_RE.test(line)) found.push(`message key: "${around(line, KEY_RE)}"`);
    if (PERIOD_CODE.test(line)) found.push(`period code: "${around(line, PERIOD_CODE)}"`);
    if (ISO_DATE.test(line)) found.push(`ISO date: "${around(line, ISO_DATE)}"`);
  }
  for (const t of chrome) {
    if (lang === 'vi' && ENGLISH.test(t)) found.push(`English in the Vietnamese UI: "${around(t, ENGLISH)}"`);
    if (lang === 'en' && VIETNAMESE.test(t) && !isData(t))
      found.push(`Vietnamese in the English UI: "${t.slice(0, 80)}"`);
  }
  return found;
}

/** Pages changed by issue 8 whose screenshots are kept (desktop; the phone ones come below). */
const SHOTS = ['/admin/audit', '/tasks', '/assignments/'];

/** Pages each role can open, the first link of a kind followed to reach a task, an assignment, a report. */
const TOURS: Record<string, { user: DemoUser; pages: string[]; follow?: string[] }> = {
  steering: {
    user: 'steering',
    pages: ['/', '/programmes', '/tasks', '/reviews', '/notifications', '/commitments', '/org'],
    follow: ['/tasks::a[href^="/tasks/"]', '/reviews::a[href^="/reports/"]'],
  },
  commune: { user: 'commune.officer', pages: ['/', '/my'], follow: ['/my::a[href$="/report"]'] },
  province: {
    user: 'province.officer',
    pages: ['/reviews', '/tasks'],
    follow: ['/tasks::a[href^="/tasks/"]'],
  },
  admin: { user: 'admin', pages: ['/admin/audit', '/admin/users', '/admin/api-keys'] },
};

describe('no leaks between languages', () => {
  for (const [name, tour] of Object.entries(TOURS))
    for (const lang of ['vi', 'en'] as const)
      it(`${name} in ${lang}`, async () => {
        const page = await newPage(browser, { lang });
        await loginAs(page, tour.user);
        const report: string[] = [];
        const scan = async (where: string) => {
          await page.locator('main h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          const found = problems(lang, await visibleText(page), await chromeTexts(page, lang));
          report.push(...[...new Set(found)].map((f) => `${where}: ${f}`));
          if (SHOTS.some((s) => where.startsWith(s)))
            await screenshot(
              page,
              `i18n-${name}-${lang}${where.replace(/\/[0-9a-f-]{36}/g, '').replace(/\W+/g, '-')}`,
            );
        };
        for (const path of tour.pages) {
          await page.goto(path);
          await scan(path);
        }
        for (const step of tour.follow ?? []) {
          const [from, selector] = step.split('::') as [string, string];
          await page.goto(from);
          const link = page.locator(`main ${selector}`).first();
          await link.waitFor();
          const href = await link.getAttribute('href');
          await link.click();
          await page.waitForURL((u) => u.pathname === href?.split('?')[0]);
          await scan(href ?? from);
        }
        expect(report).toEqual([]);
        await page.context().close();
      });
});

describe('audit log and dates on a phone', () => {
  for (const lang of ['vi', 'en'] as const)
    it(`filters by action in words and links to the object (${lang})`, async () => {
      // something to find: steering accepts the report waiting longest
      const reviewer = await newPage(browser);
      await loginAs(reviewer, 'steering');
      await reviewer.goto('/reviews');
      await reviewer.locator('[data-testid=review-queue] tbody tr td:nth-child(3) a').first().click();
      await reviewer.getByRole('button', { name: /^Tiếp nhận:/ }).click();
      await reviewer.getByText('Đã tiếp nhận báo cáo.').waitFor();
      await reviewer.context().close();

      const page = await newPage(browser, { lang, viewport: { width: 390, height: 844 } });
      await loginAs(page, 'admin');
      await page.goto('/admin/audit');
      await page.locator('main table tbody tr').first().waitFor();
      const action = lang === 'vi' ? 'Thao tác' : 'Action';
      await page
        .getByLabel(action, { exact: true })
        .selectOption({ label: lang === 'vi' ? 'Tiếp nhận báo cáo' : 'Report accepted' });
      await page.getByRole('button', { name: lang === 'vi' ? 'Lọc' : 'Filter', exact: true }).click();
      await page.waitForURL(/action=report\.accept/);
      await page.locator('main tbody tr[data-action="report.accept"]').first().waitFor();
      const object = page.getByTestId('audit-object').first();
      await object.waitFor();
      await screenshot(page, `audit-phone-${lang}`);
      await object.click();
      await page.waitForURL(/\/reports\//);
      // dates typed day first whatever the browser: the task list's deadline filter
      await page.goto('/tasks');
      const from = page.getByLabel(lang === 'vi' ? 'Hạn từ ngày' : 'Deadline from', { exact: true });
      await from.fill('30062025');
      await from.blur();
      expect(await from.inputValue()).toBe('30/06/2025');
      await page.waitForURL(/deadlineFrom=2025-06-30/);
      await screenshot(page, `dates-tasks-phone-${lang}`, { fullPage: false });
      await checkA11y(page);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
});
