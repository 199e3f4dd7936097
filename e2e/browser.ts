import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { baseUrl } from './env.ts';

/**
 * Browser helpers for the e2e suite (vitest project `e2e`). Typical test file:
 *
 *   let browser: Browser;
 *   beforeAll(async () => { browser = await launchBrowser(); });
 *   afterAll(async () => { await browser?.close(); });
 *   it('…', async () => {
 *     const page = await newPage(browser);           // fresh context: no cookies, Vietnamese UI
 *     await loginAs(page, 'province.officer');
 *     await page.goto('/tasks');                     // relative to the server under test
 *     await screenshot(page, 'tasks-vi');
 *     await checkA11y(page);
 *   });
 */

export const DEMO_PASSWORD = 'pilotage-demo';
export const DEMO_USERS = [
  'admin',
  'steering',
  'ministry.officer',
  'province.officer',
  'province.lead',
  'commune.officer',
  'commune.lead',
  'commune2.officer',
] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

const repoRoot = path.resolve(import.meta.dirname, '..');
export const SCREENSHOT_DIR = path.join(repoRoot, '.test-output/screenshots');
/** How long a step waits for the page before failing. */
export const STEP_TIMEOUT = 30_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const errorsByPage = new WeakMap<Page, string[]>();

export interface PageOptions {
  /** Defaults to 1280×800; use { width: 375, height: 812 } for a phone. */
  viewport?: { width: number; height: number };
  /** UI language stored before the app loads (the app's default is Vietnamese). */
  lang?: 'vi' | 'en';
}

/**
 * A page in a fresh browser context (own cookies and storage), with relative URLs resolved against the
 * server under test. The app runs under the server's real CSP: CSP violations and uncaught errors are
 * collected, see pageErrors().
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  if (options.lang) {
    await context.addInitScript((lang) => localStorage.setItem('pilotage.lang', lang), options.lang);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  errorsByPage.set(page, errors);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A refused API call (401 before login, a wrong password) is logged by Chromium: expected, not an error.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return page;
}

/** Uncaught exceptions and console errors (CSP violations included) seen on the page so far. */
export function pageErrors(page: Page): string[] {
  return [...(errorsByPage.get(page) ?? [])];
}

/** Signs in through the login form (demo password by default; any DemoUser or created user) and waits for the layout. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('.app-header').waitFor();
  await page.locator('main h1').first().waitFor();
}

/** Clicks the VI / EN switch and waits for <html lang> to follow. */
export async function setLanguage(page: Page, lang: 'vi' | 'en'): Promise<void> {
  await page.locator(`.lang-switch button[data-lang=${lang}]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Saves `.test-output/screenshots/<name>.png` (full page by default) and returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return file;
}

let axeSource: Promise<string> | undefined;
function loadAxe(): Promise<string> {
  const require = createRequire(import.meta.url);
  axeSource ??= readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  return axeSource;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA + best practices) on the current page and throws on any serious or critical
 * violation. axe is evaluated through the DevTools protocol, which the page's CSP does not block (a script
 * tag would be). Returns the minor/moderate violations for callers that want to look at them.
 */
export async function checkA11y(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(`${await loadAxe()}\n;0`);
  const violations = await page.evaluate(async (exclude: string[]) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const context = exclude.length ? { include: [['html']], exclude: exclude.map((s) => [s]) } : document;
    const result = await axe.run(context, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations;
  }, options.exclude ?? []);
  const list = violations as AxeViolation[];
  const severe = list.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (severe.length) {
    const report = severe
      .map((v) => {
        const nodes = v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    - ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join('\n');
        return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
      })
      .join('\n');
    throw new Error(`axe: ${severe.length} serious/critical violation(s) on ${page.url()}\n${report}`);
  }
  return list;
}

/** Text of every element matching `selector`, trimmed (for assertions on lists and tables). */
export function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}
