/**
 * Data-quality benchmark: `npm run bench:quality` (BENCH_ROWS=1000000 by default).
 *
 * Writes a CSV of N rows with known defects (missing, invalid citizen IDs, phones, dates, genders, unknown
 * commune codes, duplicate IDs; a known newest update), then assesses it IN A CHILD PROCESS with every check
 * type — the runner's own path: content sniffing, the streaming CSV reader, the check engine, the score —
 * so the child's peak RSS (process.resourceUsage().maxRSS) is the assessment's. Verifies that every measured
 * defect count equals the generated one. Goals: ≥ 100,000 rows/s, peak RSS ≤ 300 MB.
 * Writes docs/bench/quality-<date>.json. (Database writes of progress are left out: a few rows a second.)
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import type { Measurement } from '@pilotage/contracts';
import { DEFAULT_CODE_LISTS, DEFAULT_ELEMENTS } from '../src/modules/quality/dictionary.defaults.ts';
import { Engine, parseChecks, readSample, sniffFormat } from '../src/modules/quality/index.ts';
import { scoreOf } from '../src/modules/quality/quality-score.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const here = path.dirname(fileURLToPath(import.meta.url));

const CHECKS = [
  { metric: 'row_count', expected: ROWS, must: { ge: 99 }, criterion: 'sufficient' },
  { metric: 'missing_percent', column: 'so_dinh_danh', must: { lt: 2 }, criterion: 'sufficient' },
  {
    metric: 'invalid_percent',
    column: 'so_dinh_danh',
    format: 'citizen_id',
    must: { lt: 1 },
    criterion: 'correct',
  },
  {
    metric: 'invalid_percent',
    column: 'so_dien_thoai',
    format: 'phone',
    must: { lt: 2 },
    criterion: 'correct',
  },
  {
    metric: 'invalid_percent',
    column: 'ngay_sinh',
    element: 'NGAY_SINH',
    must: { lt: 2 },
    criterion: 'correct',
  },
  { metric: 'invalid_percent', column: 'ho_ten', pattern: '[^0-9]+', must: { lt: 1 }, criterion: 'correct' },
  { metric: 'duplicate_count', column: 'so_dinh_danh', must: { eq: 0 }, criterion: 'clean' },
  { metric: 'freshness', column: 'ngay_cap_nhat', must: { le: 30 }, criterion: 'living' },
  { metric: 'reference', column: 'ma_xa', codeList: 'admin_unit', must: { lt: 1 }, criterion: 'unified' },
  { metric: 'reference', column: 'gioi_tinh', codeList: 'gender', must: { lt: 1 }, criterion: 'unified' },
  {
    metric: 'schema',
    mapping: { so_dinh_danh: 'CCCD', ngay_sinh: 'NGAY_SINH', ma_xa: 'MA_DVHC', gioi_tinh: 'GIOI_TINH' },
    must: { eq: 100 },
    criterion: 'unified',
  },
];

async function communeCodes(): Promise<string[]> {
  const file = path.join(here, '../src/modules/org/data/units.json');
  const units = JSON.parse(await readFile(file, 'utf8')) as { communes: [string, ...unknown[]][] };
  return units.communes.map((c) => c[0]);
}

/** Generates the sample and counts, independently of the engine, what it must find. */
async function generate(file: string, n: number) {
  const communes = await communeCodes();
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const expected = {
    missingId: 0,
    invalidId: 0,
    duplicateId: 0,
    invalidPhone: 0,
    invalidDate: 0,
    badName: 0,
    badCommune: 0,
    badGender: 0,
    nonEmptyId: 0,
    nonEmptyPhone: 0,
    nonEmptyDate: 0,
    nonEmptyName: 0,
    nonEmptyCommune: 0,
    nonEmptyGender: 0,
  };
  out.write('id;so_dinh_danh;ho_ten;ngay_sinh;gioi_tinh;so_dien_thoai;ma_xa;ngay_cap_nhat\n');
  let buf = '';
  for (let i = 1; i <= n; i++) {
    let cccd = String(100_000_000_000 + i * 7);
    if (i % 97 === 0) cccd = '';
    else if (i % 101 === 0)
      cccd = cccd.slice(1); // 11 digits
    else if (i % 53 === 0) cccd = String(100_000_000_000 + (i - 1) * 7); // the previous row's
    if (cccd === '') expected.missingId++;
    else {
      expected.nonEmptyId++;
      if (cccd.length !== 12) expected.invalidId++;
      if (i % 53 === 0 && i % 97 !== 0 && i % 101 !== 0 && (i - 1) % 97 !== 0 && (i - 1) % 101 !== 0)
        expected.duplicateId++;
    }
    const phone = i % 71 === 0 ? '12345' : `09${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`;
    expected.nonEmptyPhone++;
    if (i % 71 === 0) expected.invalidPhone++;
    const dob =
      i % 89 === 0
        ? '1990-02-30'
        : `19${60 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    expected.nonEmptyDate++;
    if (i % 89 === 0) expected.invalidDate++;
    const name = i % 211 === 0 ? 'Nguyen Van 3' : `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`;
    expected.nonEmptyName++;
    if (i % 211 === 0) expected.badName++;
    const gender = i % 113 === 0 ? '9' : String(1 + (i % 2));
    expected.nonEmptyGender++;
    if (i % 113 === 0) expected.badGender++;
    const commune = i % 127 === 0 ? '99999999' : communes[i % communes.length]!;
    expected.nonEmptyCommune++;
    if (i % 127 === 0) expected.badCommune++;
    const updated = i === n ? '2025-10-04' : `2025-0${1 + (i % 9)}-15`;
    buf += `${i};${cccd};${name};${dob};${gender};${phone};${commune};${updated}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return expected;
}

/** Child: assess the file, print one JSON line. */
async function child(file: string) {
  const codeLists = new Map(DEFAULT_CODE_LISTS.map((l) => [l.code, new Set(l.values.map((v) => v.code))]));
  codeLists.set('admin_unit', new Set(await communeCodes()));
  const elements = new Map(DEFAULT_ELEMENTS.map((e) => [e.code, e]));
  const parsed = parseChecks(CHECKS);
  if (parsed.errors.length) throw new Error(JSON.stringify(parsed.errors));
  const engine = new Engine(parsed.checks, { codeLists, elements });
  const baselineMb = process.memoryUsage.rss() / 1024 / 1024; // node + tsx + modules, before reading
  let peakSampled = 0;
  const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, process.memoryUsage.rss())), 50);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await readSample(file, await sniffFormat(file), {
    header: (h) => engine.header(h),
    row: (v, r) => engine.row(v, r),
    progress: () => undefined,
  });
  const measurements = engine.finish(Date.UTC(2025, 9, 10) / 86_400_000);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000; // CPU time: what the shared machine's load does not change
  clearInterval(sampler);
  const score = scoreOf(measurements, { connectedToPlatform: true, consumerUnits: 3, sharedApis: 1 });
  process.stdout.write(
    JSON.stringify({
      rows: engine.rowCount,
      ms,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      sampledPeakMb: peakSampled / 1024 / 1024,
      baselineMb,
      cpuMs,
      measurements,
      score,
    }) + '\n',
  );
}

async function main() {
  const dir = path.join(os.tmpdir(), `pilotage-quality-bench-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'sample.csv');
  const g0 = performance.now();
  const expected = await generate(file, ROWS);
  const genMs = performance.now() - g0;
  const size = (await readFile(file)).byteLength;
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const [code] = (await once(proc, 'exit')) as [number];
  await rm(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`child exited ${code}`);
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
    rows: number;
    ms: number;
    maxRssMb: number;
    sampledPeakMb: number;
    baselineMb: number;
    cpuMs: number;
    measurements: Measurement[];
    score: unknown;
  };
  const by = (i: number) => r.measurements[i]!;
  const verify: [string, number | null, number][] = [
    ['rows', r.rows, ROWS],
    ['missing ids', by(1).failing, expected.missingId],
    ['invalid ids', by(2).failing, expected.invalidId],
    ['invalid phones', by(3).failing, expected.invalidPhone],
    ['invalid dates', by(4).failing, expected.invalidDate],
    ['names with digits', by(5).failing, expected.badName],
    ['duplicate ids', by(6).failing, expected.duplicateId],
    ['freshness days', by(7).value, 6],
    ['unknown communes', by(8).failing, expected.badCommune],
    ['unknown genders', by(9).failing, expected.badGender],
    ['schema %', by(10).value, 100],
  ];
  const mismatches = verify.filter(([, got, want]) => got !== want);
  const rowsPerSecond = Math.round(r.rows / (r.ms / 1000));
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      node: process.version,
      load1: os.loadavg()[0],
    },
    rows: r.rows,
    fileMb: Math.round((size / 1024 / 1024) * 10) / 10,
    generateMs: Math.round(genMs),
    assessMs: Math.round(r.ms),
    rowsPerSecond,
    cpuMs: Math.round(r.cpuMs),
    rowsPerCpuSecond: Math.round(r.rows / (r.cpuMs / 1000)),
    peakRssMb: Math.round(r.maxRssMb),
    sampledPeakRssMb: Math.round(r.sampledPeakMb),
    rssBeforeReadingMb: Math.round(r.baselineMb),
    goals: { rowsPerSecond: 100_000, peakRssMb: 300 },
    met: { rowsPerSecond: rowsPerSecond >= 100_000, peakRss: r.maxRssMb <= 300 },
    verified: verify.map(([what, got, want]) => ({ what, got, want, ok: got === want })),
    score: r.score,
  };
  console.log(JSON.stringify(result, null, 2));
  const docs = path.join(here, '../../../docs/bench');
  await mkdir(docs, { recursive: true });
  await writeFile(
    path.join(docs, `quality-${result.date.slice(0, 10)}.json`),
    JSON.stringify(result, null, 2) + '\n',
  );
  if (mismatches.length) {
    console.error('MISMATCH', mismatches);
    process.exit(1);
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!);
else await main();
