/**
 * The KPIs of the demo (shared/domain.md, "Targets named in the seeds"): data elements, indicators with
 * their trajectories, data sets. Values are generated in SQL (kpi-demo.ts).
 */
import type { Aggregation, OrgUnitKind, ValueType } from '@pilotage/contracts';

export interface DemoElement {
  code: string;
  name: string;
  nameEn: string;
  valueType: ValueType;
  aggregation: Aggregation;
  levels: OrgUnitKind[];
}

const el = (
  code: string,
  name: string,
  nameEn: string,
  levels: OrgUnitKind[],
  valueType: ValueType = 'integer',
): DemoElement => ({
  code,
  name,
  nameEn,
  valueType,
  aggregation: 'sum',
  levels,
});

export const DEMO_ELEMENTS: DemoElement[] = [
  el('POP', 'Dân số', 'Population', ['commune', 'province']),
  el('POP_5G', 'Dân số trong vùng phủ sóng 5G', 'Population covered by 5G', ['commune', 'province']),
  el('REC_TOTAL', 'Hồ sơ thủ tục hành chính tiếp nhận', 'Administrative records received', [
    'commune',
    'province',
  ]),
  el('REC_ONLINE', 'Hồ sơ xử lý trực tuyến toàn trình', 'Records processed fully online', [
    'commune',
    'province',
  ]),
  el('REC_PIN', 'Hồ sơ có số định danh cá nhân', 'Records carrying a personal identification number', [
    'commune',
  ]),
  el(
    'PROC_ELIGIBLE',
    'Thủ tục đủ điều kiện cung cấp trực tuyến',
    'Procedures eligible to be offered online',
    ['province'],
  ),
  el('PROC_ONLINE', 'Thủ tục cung cấp trực tuyến toàn trình', 'Procedures offered fully online', [
    'province',
  ]),
  el('ADULTS', 'Người trưởng thành', 'Adults', ['province']),
  el(
    'ADULTS_ONLINE',
    'Người trưởng thành sử dụng dịch vụ công trực tuyến',
    'Adults using online public services',
    ['province'],
  ),
  el('GOV_UNIT', 'Đơn vị phải báo cáo chỉ số quản trị', 'Unit due to report governance indicators', [
    'ministry',
    'province',
  ]),
  el(
    'GOV_REPORTED',
    'Đã báo cáo chỉ số quản trị dựa trên dữ liệu',
    'Reported data-driven governance indicators',
    ['ministry', 'province'],
    'yes_no',
  ),
  el(
    'GOV_PUBLISHED',
    'Đã công khai chỉ số quản trị',
    'Published its governance indicators',
    ['ministry', 'province'],
    'yes_no',
  ),
];

export interface DemoIndicator {
  code: string;
  name: string;
  nameEn: string;
  numerator: string;
  denominator: string;
  /** National trajectory: [date, target %]. */
  targets: [string, number][];
}

export const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'KPI_5G_COVERAGE',
    name: 'Tỷ lệ dân số được phủ sóng 5G',
    nameEn: 'Population covered by 5G',
    numerator: '#{POP_5G}',
    denominator: '#{POP}',
    targets: [
      ['2025-06-30', 26],
      ['2025-12-31', 90],
    ],
  },
  {
    code: 'KPI_ONLINE_RECORDS',
    name: 'Tỷ lệ hồ sơ xử lý trực tuyến toàn trình',
    nameEn: 'Records processed fully online',
    numerator: '#{REC_ONLINE}',
    denominator: '#{REC_TOTAL}',
    targets: [
      ['2025-01-31', 30],
      ['2025-06-30', 45],
      ['2025-12-31', 80],
    ],
  },
  {
    code: 'KPI_RECORDS_PIN',
    name: 'Tỷ lệ hồ sơ hành chính có số định danh cá nhân',
    nameEn: 'Administrative records carrying a personal identification number',
    numerator: '#{REC_PIN}',
    denominator: '#{REC_TOTAL}',
    targets: [
      ['2025-01-31', 80],
      ['2025-06-30', 100],
    ],
  },
  {
    code: 'KPI_PROC_FULL_ONLINE',
    name: 'Tỷ lệ thủ tục đủ điều kiện được cung cấp trực tuyến toàn trình',
    nameEn: 'Eligible procedures offered fully online',
    numerator: '#{PROC_ONLINE}',
    denominator: '#{PROC_ELIGIBLE}',
    targets: [
      ['2025-01-31', 50],
      ['2025-12-31', 100],
    ],
  },
  {
    code: 'KPI_ADULTS_ONLINE',
    name: 'Tỷ lệ người trưởng thành sử dụng dịch vụ công trực tuyến',
    nameEn: 'Adults using online public services',
    numerator: '#{ADULTS_ONLINE}',
    denominator: '#{ADULTS}',
    targets: [
      ['2025-01-31', 20],
      ['2025-12-31', 40],
    ],
  },
  {
    code: 'KPI_GOV_REPORTED',
    name: 'Tỷ lệ bộ, ngành, địa phương báo cáo chỉ số quản trị dựa trên dữ liệu',
    nameEn: 'Ministries and localities reporting data-driven governance indicators',
    numerator: '#{GOV_REPORTED}',
    denominator: '#{GOV_UNIT}',
    targets: [['2025-12-31', 100]],
  },
  {
    code: 'KPI_GOV_PUBLISHED',
    name: 'Tỷ lệ bộ, ngành, địa phương công khai chỉ số quản trị',
    nameEn: 'Ministries and localities publishing their governance indicators',
    numerator: '#{GOV_PUBLISHED}',
    denominator: '#{GOV_UNIT}',
    targets: [],
  },
];

export const DEMO_DATA_SETS = [
  {
    code: 'DS_COMMUNE_MONTHLY',
    name: 'Báo cáo tháng cấp xã về chuyển đổi số',
    nameEn: 'Communes’ monthly digital transformation report',
    periodType: 'monthly' as const,
    levels: ['commune'] as OrgUnitKind[],
    elements: ['POP', 'POP_5G', 'REC_TOTAL', 'REC_ONLINE', 'REC_PIN'],
  },
  {
    code: 'DS_PROVINCE_MONTHLY',
    name: 'Báo cáo tháng cấp tỉnh về dịch vụ công trực tuyến',
    nameEn: 'Provinces’ monthly online public services report',
    periodType: 'monthly' as const,
    levels: ['province'] as OrgUnitKind[],
    elements: ['PROC_ELIGIBLE', 'PROC_ONLINE', 'ADULTS', 'ADULTS_ONLINE'],
  },
  {
    code: 'DS_GOVERNANCE',
    name: 'Chỉ số quản trị dựa trên dữ liệu (6 tháng)',
    nameEn: 'Data-driven governance indicators (six-monthly)',
    periodType: 'six_monthly' as const,
    levels: ['ministry', 'province'] as OrgUnitKind[],
    elements: ['GOV_UNIT', 'GOV_REPORTED', 'GOV_PUBLISHED'],
  },
];
