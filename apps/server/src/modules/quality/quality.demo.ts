import type { Measurement } from '@pilotage/contracts';
import { newId } from '../../db/ids.ts';
import type { Tx } from '../../db/transaction.ts';
import { systemContext } from '../../http/context.ts';
import type { AuditService } from '../audit/index.ts';
import { parseChecks, passes, toStored } from './checks.ts';
import { scoreOf } from './quality-score.ts';

/**
 * Demo data (issue 11 item 8): the national databases the seeds name and databases of ministries and
 * provinces, with owners, register entries, checks and a 2025 pilot history of three runs each, so the 2025
 * pilot ranking shows on a fresh start. Measurements are generated (deterministic), scored by the formula.
 */
interface DemoDb {
  name: string;
  owner: string;
  kind: 'national' | 'specialised' | 'local';
  legal: string;
  records: number;
  connected: boolean;
  consumers: string[];
  apis: string[];
  /** 0..1: how good its data is (drives the generated measurements). */
  level: number;
}

const DBS: DemoDb[] = [
  {
    name: 'Cơ sở dữ liệu quốc gia về dân cư',
    owner: 'BCA',
    kind: 'national',
    legal: 'Luật Căn cước 2023; Đề án 06',
    records: 106_000_000,
    connected: true,
    consumers: ['BTC', 'BYT', 'BTP', 'BGDDT', 'BNV'],
    apis: ['Xác thực công dân', 'Tra cứu thông tin cư trú'],
    level: 0.95,
  },
  {
    name: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
    owner: 'BTC',
    kind: 'national',
    legal: 'Luật Doanh nghiệp 2020',
    records: 1_050_000,
    connected: true,
    consumers: ['BCA', 'NHNN', 'BCT'],
    apis: ['Tra cứu doanh nghiệp'],
    level: 0.85,
  },
  {
    name: 'Cơ sở dữ liệu quốc gia về đất đai',
    owner: 'BNNMT',
    kind: 'national',
    legal: 'Luật Đất đai 2024',
    records: 62_000_000,
    connected: true,
    consumers: ['BTC', 'BTP'],
    apis: [],
    level: 0.6,
  },
  {
    name: 'Cơ sở dữ liệu quốc gia về bảo hiểm',
    owner: 'BTC',
    kind: 'national',
    legal: 'Luật Bảo hiểm xã hội 2024',
    records: 95_000_000,
    connected: true,
    consumers: ['BCA', 'BYT', 'BNV'],
    apis: ['Tra cứu quá trình tham gia'],
    level: 0.88,
  },
  {
    name: 'Cơ sở dữ liệu hộ tịch điện tử toàn quốc',
    owner: 'BTP',
    kind: 'specialised',
    legal: 'Luật Hộ tịch 2014',
    records: 48_000_000,
    connected: true,
    consumers: ['BCA'],
    apis: ['Đăng ký khai sinh liên thông'],
    level: 0.8,
  },
  {
    name: 'Cơ sở dữ liệu ngành giáo dục',
    owner: 'BGDDT',
    kind: 'specialised',
    legal: 'Luật Giáo dục 2019',
    records: 24_000_000,
    connected: false,
    consumers: ['BCA'],
    apis: [],
    level: 0.7,
  },
  {
    name: 'Cơ sở dữ liệu tiêm chủng quốc gia',
    owner: 'BYT',
    kind: 'specialised',
    legal: 'Luật Phòng, chống bệnh truyền nhiễm',
    records: 90_000_000,
    connected: true,
    consumers: ['BCA', 'BGDDT'],
    apis: ['Tra cứu lịch sử tiêm'],
    level: 0.75,
  },
  {
    name: 'Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức',
    owner: 'BNV',
    kind: 'national',
    legal: 'Luật Cán bộ, công chức 2025',
    records: 2_400_000,
    connected: false,
    consumers: [],
    apis: [],
    level: 0.55,
  },
  {
    name: 'Cơ sở dữ liệu quốc gia về khoa học và công nghệ',
    owner: 'BKHCN',
    kind: 'national',
    legal: 'Luật Khoa học, công nghệ và đổi mới sáng tạo 2025',
    records: 350_000,
    connected: true,
    consumers: ['BGDDT'],
    apis: ['Tra cứu nhiệm vụ KH&CN'],
    level: 0.78,
  },
  {
    name: 'Cơ sở dữ liệu hộ kinh doanh Hà Nội',
    owner: '01',
    kind: 'local',
    legal: 'Quyết định của UBND TP Hà Nội',
    records: 410_000,
    connected: true,
    consumers: ['BTC'],
    apis: [],
    level: 0.72,
  },
  {
    name: 'Cơ sở dữ liệu đất đai TP Hồ Chí Minh',
    owner: '79',
    kind: 'local',
    legal: 'Luật Đất đai 2024',
    records: 2_900_000,
    connected: true,
    consumers: ['BNNMT'],
    apis: ['Tra cứu thửa đất'],
    level: 0.82,
  },
  {
    name: 'Cơ sở dữ liệu an sinh xã hội Đà Nẵng',
    owner: '48',
    kind: 'local',
    legal: 'Nghị quyết HĐND TP Đà Nẵng',
    records: 180_000,
    connected: false,
    consumers: [],
    apis: [],
    level: 0.5,
  },
];

export const DEMO_CHECKS = [
  { metric: 'row_count', expected: 1000, must: { ge: 95 }, criterion: 'sufficient' },
  { metric: 'missing_percent', column: 'so_dinh_danh', must: { lt: 1 }, criterion: 'sufficient' },
  {
    metric: 'invalid_percent',
    column: 'so_dinh_danh',
    format: 'citizen_id',
    must: { lt: 0.5 },
    criterion: 'correct',
  },
  { metric: 'invalid_percent', column: 'ngay_sinh', format: 'date', must: { lt: 1 }, criterion: 'correct' },
  {
    metric: 'invalid_percent',
    column: 'so_dien_thoai',
    format: 'phone',
    must: { lt: 5 },
    criterion: 'correct',
  },
  { metric: 'duplicate_count', column: 'so_dinh_danh', must: { eq: 0 }, criterion: 'clean' },
  { metric: 'freshness', column: 'ngay_cap_nhat', must: { le: 30 }, criterion: 'living' },
  { metric: 'reference', column: 'ma_xa', codeList: 'admin_unit', must: { lt: 1 }, criterion: 'unified' },
  { metric: 'reference', column: 'gioi_tinh', codeList: 'gender', must: { eq: 0 }, criterion: 'unified' },
  {
    metric: 'schema',
    mapping: { so_dinh_danh: 'CCCD', ngay_sinh: 'NGAY_SINH', ma_xa: 'MA_DVHC' },
    must: { eq: 100 },
    criterion: 'unified',
  },
];

/** Deterministic pseudo-random in [0, 1) from a seed. */
function rand(seed: number): number {
  const x = Math.sin(seed * 9301 + 49297) * 233280;
  return x - Math.floor(x);
}

/** A generated value for a check: good data stays within the bound, weaker data misses it now and then. */
function valueFor(c: (typeof DEMO_CHECKS)[number], level: number, seed: number): number {
  const good = rand(seed) < level;
  const must = c.must as unknown as Record<string, number>;
  const [op, n] = Object.entries(must)[0]!;
  const r = rand(seed + 7);
  if (op === 'ge') return Math.round((good ? n + (100 - n) * r : n * (0.6 + 0.35 * r)) * 10) / 10;
  if (op === 'eq')
    return good ? n : c.metric === 'duplicate_count' ? Math.ceil(r * 40) : Math.round(60 + 35 * r);
  return Math.round((good ? n * r * 0.9 : n * (1.2 + 3 * r)) * 1000) / 1000;
}

const RUN_DATES = ['2025-03-31T03:00:00Z', '2025-06-30T03:00:00Z', '2025-09-30T03:00:00Z'];

export async function seedQualityDemo(tx: Tx, audit: AuditService, rootId: string): Promise<number> {
  const units = new Map(
    (await tx.selectFrom('org_unit').select(['id', 'code']).where('parent_id', 'is', null).execute()).map(
      (u) => [u.code, u.id],
    ),
  );
  const more = await tx
    .selectFrom('org_unit')
    .select(['id', 'code'])
    .where('code', 'in', [...new Set(DBS.flatMap((d) => [d.owner, ...d.consumers]))])
    .where('valid_to', 'is', null) // '01' names former Hà Nội too: today's unit only
    .execute();
  for (const u of more) units.set(u.code, u.id);
  const checks = parseChecks(DEMO_CHECKS).checks;
  const stored = JSON.stringify(checks.map(toStored));
  const databases = [];
  const runs = [];
  for (const [i, d] of DBS.entries()) {
    const id = newId();
    databases.push({
      id,
      name: d.name,
      owner_unit_id: units.get(d.owner)!,
      kind: d.kind,
      legal_basis: d.legal,
      description: null,
      record_count: d.records,
      update_frequency: 'Hằng ngày',
      last_updated_on: '2025-09-29',
      connected_to_platform: d.connected,
      consumer_unit_ids: JSON.stringify(d.consumers.map((c) => units.get(c)!)),
      shared_apis: JSON.stringify(d.apis),
      checks: stored,
      checks_version: 1,
    });
    for (const [k, at] of RUN_DATES.entries()) {
      const level = Math.min(0.99, d.level + k * 0.05); // data improve over the year
      const measurements: Measurement[] = checks.map((c, j) => {
        const value = valueFor(DEMO_CHECKS[j]!, level, i * 100 + k * 10 + j);
        return {
          index: j,
          metric: c.metric,
          column: c.column ?? c.columns.join('+'),
          criterion: c.criterion,
          value,
          pass: passes(value, c.must),
          failing: null,
          examined: null,
          examples: [],
        };
      });
      const s = scoreOf(measurements, {
        connectedToPlatform: d.connected,
        consumerUnits: d.consumers.length,
        sharedApis: d.apis.length,
      });
      runs.push({
        id: newId(),
        database_id: id,
        status: 'done' as const,
        progress: 1,
        rows_read: 1000,
        source: 'file' as const,
        source_label: `mau-${k + 1}-2025.csv`,
        year: 2025,
        phase: 'pilot' as const,
        checks: stored,
        checks_version: 1,
        dictionary_version: 0,
        measurements: JSON.stringify(measurements),
        criteria: JSON.stringify(s.criteria),
        score: s.score,
        grade: s.grade,
        formula_version: s.formulaVersion,
        created_at: at,
        finished_at: at,
      });
    }
  }
  await tx.insertInto('quality_database').values(databases).execute();
  await tx.insertInto('quality_assessment').values(runs).execute();
  await audit.record(tx, systemContext(rootId, 'demo'), {
    action: 'quality.database_create',
    entityType: 'quality_database',
    entityId: databases[0]!.id,
    after: { demo: true, databases: databases.length, runs: runs.length },
  });
  return databases.length;
}
