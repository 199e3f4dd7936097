// Pilotage test orchestrator: `npm test` (see docs/adr/0003-testing-tiers.md).
//
// Stages, in order:
//   check        prettier --check, eslint, tsc (counts as one test)
//   unit         vitest project `unit`
//   integration  vitest project `integration` on PGlite (in-process)
//   pg           vitest project `integration` on PostgreSQL: TEST_DATABASE_URL / DATABASE_URL, or a throwaway
//                cluster started from the local PostgreSQL server binaries
//   e2e          `npm run build:web`, then vitest project `e2e` (its global setup starts the server; needs Chromium)
//
// Flags: --only <stage> and --skip <stage> (repeatable, or comma-separated), --help.
// CI=true: a missing prerequisite (PostgreSQL, Chromium, ...) or a skipped test is a failure.
// The run ends with one line `N passed, N failed, N skipped` and exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPgBin, startCluster } from './pg-cluster.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.test-output');
const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const STAGES = ['check', 'unit', 'integration', 'pg', 'e2e'];
const CI = isTruthy(process.env.CI);
// Vitest's default is one fork per core minus one: a single worker on a 2-core machine. Integration files
// are CPU-bound (PGlite is WebAssembly) and independent, so use every core.
const INTEGRATION_ARGS = [`--maxWorkers=${Math.max(2, availableParallelism())}`];
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint('1');
const red = paint('31');
const green = paint('32');
const yellow = paint('33');

function isTruthy(v) {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

// ---------------------------------------------------------------------------------------------- arguments

function parseArgs(argv) {
  const only = new Set();
  const skip = new Set();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    if (flag === '--help' || flag === '-h') {
      console.log(
        'usage: node scripts/test.mjs [--only STAGE]... [--skip STAGE]...\n' +
          `stages: ${STAGES.join(', ')}\n` +
          'env: CI=true (nothing may be skipped), TEST_DATABASE_URL or DATABASE_URL (pg stage server),\n' +
          '     PG_BIN (PostgreSQL bin dir), CHROMIUM_PATH (e2e browser)',
      );
      process.exit(0);
    }
    if (flag !== '--only' && flag !== '--skip') fail(`unknown argument: ${arg}`);
    const value = inline ?? argv[++i];
    if (!value) fail(`${flag} needs a stage (${STAGES.join('|')})`);
    for (const stage of value.split(',')) {
      if (!STAGES.includes(stage)) fail(`unknown stage "${stage}" (expected ${STAGES.join('|')})`);
      (flag === '--only' ? only : skip).add(stage);
    }
  }
  return STAGES.filter((s) => (only.size === 0 || only.has(s)) && !skip.has(s));
}

function fail(message) {
  console.error(`test.mjs: ${message}`);
  process.exit(2);
}

// ------------------------------------------------------------------------------------------ child processes

/** Running children, so that Ctrl-C / SIGTERM can stop them before the cluster is torn down. */
const children = new Set();

/**
 * Runs a command from the repo root. Output goes straight to the terminal, or with `capture` is collected
 * (stdout and stderr interleaved) and returned, so that parallel commands can print one block each.
 */
function exec(cmd, args, { env = process.env, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    children.add(child);
    let output = '';
    if (capture) {
      child.stdout?.on('data', (chunk) => (output += String(chunk)));
      child.stderr?.on('data', (chunk) => (output += String(chunk)));
    }
    child.on('error', (err) => {
      children.delete(child);
      resolve({ code: 127, output: `${output}cannot start ${cmd}: ${err.message}\n` });
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

const npmRun = (script, options) =>
  exec(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], options);

/** Runs one vitest project; returns counts read from its JSON report. */
async function vitest(project, reportName, env, extraArgs = []) {
  const outputFile = path.join(OUT, `${reportName}.json`);
  rmSync(outputFile, { force: true });
  const { code } = await exec(
    process.execPath,
    [
      VITEST,
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${outputFile}`,
      ...extraArgs,
    ],
    { env },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    // No report: vitest died before the end (global setup failed, config error, ...).
    return { passed: 0, failed: 1, skipped: 0, note: `vitest exited ${code} without a report` };
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed outside any test (import error, failing beforeAll, ...) counts as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  failed += brokenFiles.length;
  const notes = [];
  if (brokenFiles.length) notes.push(`${brokenFiles.length} file(s) failed outside tests`);
  if ((report.numTotalTests ?? 0) === 0) {
    failed += 1;
    notes.push('no tests ran');
  }
  if (code !== 0 && failed === 0) {
    failed = 1; // unhandled errors, or a failing teardown
    notes.push(`vitest exited ${code}`);
  }
  return { passed, failed, skipped, note: notes.join('; ') };
}

// ---------------------------------------------------------------------------------------------- the stages

/** @type {{ stop(): Promise<void>, stopSync(): void } | undefined} */
let cluster;

/** Outcome when a prerequisite is missing: a skip for developers, a failure on CI. */
function missing(what) {
  if (CI) {
    console.error(red(`✗ ${what} (CI=true: nothing may be skipped)`));
    return { passed: 0, failed: 1, skipped: 0, note: what };
  }
  console.warn(yellow(`⚠ SKIPPED: ${what}`));
  return { passed: 0, failed: 0, skipped: 1, note: `skipped: ${what}` };
}

/** Environment for the PGlite stages: no PostgreSQL URL may leak in (the e2e server would seed it). */
const withoutDbEnv = () => {
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL;
  delete env.DATABASE_URL;
  return env;
};

const stages = {
  async check() {
    // The steps of `npm run check`, run side by side (eslint and tsc are single-threaded; this uses both
    // cores) and all to the end, so one run shows every problem. Each prints its output when it is done.
    const scripts = ['format:check', 'lint', 'typecheck'];
    console.log(bold(`› npm run ${scripts.join(' | ')} (in parallel)`));
    const failures = [];
    await Promise.all(
      scripts.map(async (script) => {
        const t0 = Date.now();
        const { code, output } = await npmRun(script, { capture: true });
        const status = code === 0 ? green('ok') : red(`failed (exit ${code})`);
        const text = output.replace(/^npm warn Unknown user config.*\n/gm, '').trimEnd();
        console.log(
          `\n${bold(`› ${script}:`)} ${status} in ${seconds(Date.now() - t0)}${text ? `\n${text}` : ''}`,
        );
        if (code !== 0) failures.push(script);
      }),
    );
    return failures.length === 0
      ? { passed: 1, failed: 0, skipped: 0, note: '' }
      : { passed: 0, failed: 1, skipped: 0, note: `failed: ${failures.join(', ')}` };
  },

  unit: () => vitest('unit', 'unit', withoutDbEnv()),

  integration: () => vitest('integration', 'integration', withoutDbEnv(), INTEGRATION_ARGS),

  async pg() {
    const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
    if (external) {
      console.log(`Using PostgreSQL at ${redact(external)}`);
      return vitest('integration', 'pg', { ...process.env, TEST_DATABASE_URL: external }, INTEGRATION_ARGS);
    }
    const bin = findPgBin();
    if (!bin)
      return missing(
        'PostgreSQL server binaries (initdb, pg_ctl, postgres) not found and no TEST_DATABASE_URL',
      );
    try {
      cluster = await startCluster({ bin });
    } catch (err) {
      console.error(
        red(`cannot start a PostgreSQL cluster: ${err instanceof Error ? err.message : String(err)}`),
      );
      return { passed: 0, failed: 1, skipped: 0, note: 'cluster did not start' };
    }
    try {
      return await vitest(
        'integration',
        'pg',
        { ...process.env, TEST_DATABASE_URL: cluster.url },
        INTEGRATION_ARGS,
      );
    } finally {
      await cluster.stop();
      cluster = undefined;
    }
  },

  async e2e() {
    const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    if (!existsSync(chromium))
      return missing(`Chromium not found at ${chromium} (install it or set CHROMIUM_PATH)`);
    if (!existsSync(path.join(ROOT, 'e2e', 'global-setup.ts'))) {
      return missing('e2e/global-setup.ts does not exist yet (it starts the server for the e2e tests)');
    }
    console.log(bold('› npm run build:web'));
    const { code } = await npmRun('build:web');
    if (code !== 0) return { passed: 0, failed: 1, skipped: 0, note: `build:web failed (exit ${code})` };
    return vitest('e2e', 'e2e', { ...withoutDbEnv(), CHROMIUM_PATH: chromium });
  },
};

// --------------------------------------------------------------------------------------------------- helpers

function seconds(ms) {
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function cleanupSync() {
  for (const child of children) child.kill('SIGTERM');
  if (cluster) {
    cluster.stopSync();
    cluster = undefined;
  }
}

// ------------------------------------------------------------------------------------------------------ main

async function main() {
  const selected = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  process.on('exit', cleanupSync);
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(sig, () => {
      console.error(red(`\n${sig}: stopping`));
      cleanupSync();
      process.exit(130);
    });
  }

  console.log(bold(`Pilotage tests: ${selected.join(', ')}${CI ? ' (CI: nothing may be skipped)' : ''}`));
  const results = [];
  const t0 = Date.now();
  for (const name of selected) {
    console.log(`\n${bold(`━━ ${name} ━━`)}`);
    const start = Date.now();
    let result;
    try {
      result = await stages[name]();
    } catch (err) {
      console.error(red(err instanceof Error ? (err.stack ?? err.message) : String(err)));
      result = { passed: 0, failed: 1, skipped: 0, note: 'stage crashed' };
    }
    if (CI && result.skipped > 0) {
      result = {
        ...result,
        failed: result.failed + result.skipped,
        skipped: 0,
        note: `${result.note} (skipped tests fail on CI)`.trim(),
      };
    }
    const ms = Date.now() - start;
    results.push({ name, ms, ...result });
    const status = result.failed > 0 ? red('FAIL') : result.passed > 0 ? green('PASS') : yellow('SKIP');
    console.log(
      `${bold(`━━ ${name}:`)} ${status} ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped in ${seconds(ms)}`,
    );
  }

  const total = { passed: 0, failed: 0, skipped: 0 };
  console.log(`\n${bold('Summary')}`);
  for (const r of results) {
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
    const status = r.failed > 0 ? red('FAIL') : r.passed > 0 ? green('PASS') : yellow('SKIP');
    const counts = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
    console.log(
      `  ${status}  ${r.name.padEnd(12)} ${counts.padEnd(34)} ${seconds(r.ms).padStart(10)}${r.note ? `  ${r.note}` : ''}`,
    );
  }
  console.log(`  total time ${seconds(Date.now() - t0)}\n`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

await main();
