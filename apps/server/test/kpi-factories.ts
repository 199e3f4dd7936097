/** KPI fixtures shared by the KPI tests and the matrix: elements, an indicator and a monthly data set. */
import type { Client } from './factories.ts';

export const KPI = {
  online: 'ONLINE_RECORDS',
  records: 'RECORDS',
  note: 'NOTE',
  direct: 'REPORTS_DIRECT',
  indicator: 'ONLINE_PCT',
  dataSet: 'DS_MONTHLY',
} as const;

/** Defines the fixtures through the API as a national admin (or steering staff). */
export async function defineKpis(admin: Client): Promise<void> {
  const must = async (url: string, body: object) => {
    const res = await admin.post(url, body);
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  const levels = ['commune', 'province'];
  await must('/api/data-elements', {
    code: KPI.online,
    name: 'Hồ sơ xử lý trực tuyến toàn trình',
    nameEn: 'Records processed fully online',
    valueType: 'integer',
    aggregation: 'sum',
    levels,
  });
  await must('/api/data-elements', {
    code: KPI.records,
    name: 'Tổng số hồ sơ',
    nameEn: 'Records',
    valueType: 'integer',
    aggregation: 'sum',
    levels,
  });
  await must('/api/data-elements', {
    code: KPI.note,
    name: 'Ghi chú',
    valueType: 'text',
    aggregation: 'none',
    levels,
  });
  await must('/api/data-elements', {
    code: KPI.direct,
    name: 'Báo cáo trực tiếp trên hệ thống',
    valueType: 'yes_no',
    aggregation: 'sum',
    levels,
  });
  await must('/api/indicators', {
    code: KPI.indicator,
    name: 'Tỉ lệ hồ sơ trực tuyến toàn trình',
    nameEn: 'Share of records fully online',
    numerator: `#{${KPI.online}}`,
    denominator: `#{${KPI.records}}`,
    factor: 100,
    direction: 'higher',
    unitOfMeasure: '%',
  });
  await must('/api/data-sets', {
    code: KPI.dataSet,
    name: 'Báo cáo tháng',
    periodType: 'monthly',
    dataElements: [KPI.online, KPI.records, KPI.note, KPI.direct],
    levels,
  });
}

export const values = (
  orgUnit: string,
  period: string,
  online: number | string,
  records: number | string,
) => ({
  dataSet: KPI.dataSet,
  period,
  orgUnit,
  dataValues: [
    { dataElement: KPI.online, value: String(online) },
    { dataElement: KPI.records, value: String(records) },
  ],
});
