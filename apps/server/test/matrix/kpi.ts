/** Rows of the KPI routes (issue 9): metadata, data value sets, roll-ups, completeness. */
import { expect } from 'vitest';
import { uniq } from '../factories.ts';
import { multipartBody } from '../reports-helpers.ts';
import { defineKpis, KPI, values } from '../kpi-factories.ts';
import {
  ALL_SIGNED_IN,
  each,
  is,
  NATIONAL,
  row,
  signedInRow,
  type M,
  type Rows,
  type SignedInClass,
} from '../matrix.ts';

const national = (role: string) => (NATIONAL as readonly string[]).includes(role);
/** Sees the commune 00004 (Phường Ba Đình) and its province's figures? */
const SEES_COMMUNE: Record<SignedInClass, boolean> = {
  communeOfficer: true,
  communeLead: true,
  provinceOfficer: true,
  ministryOfficer: false,
  steering: true,
  admin: true,
};
const SEES_PROVINCE: Record<SignedInClass, boolean> = {
  ...SEES_COMMUNE,
  communeOfficer: false,
  communeLead: false,
};
/** May write the commune's values (its own officers and lead; leads, admins and steering above it). */
const WRITES_COMMUNE: Record<SignedInClass, boolean> = { ...SEES_COMMUNE, provinceOfficer: false };

export const kpiRows = (m: M): Rows => {
  let ready: Promise<void> | undefined;
  const ensure = () => (ready ??= defineKpis(m.w.seats.admin.client));
  const get = async (role: SignedInClass, url: string) => {
    await ensure();
    return m.w.call(role, 'GET', url);
  };
  const list = (url: string) =>
    signedInRow(
      m,
      'GET',
      () => url,
      each(ALL_SIGNED_IN, async (role) => is(await get(role as SignedInClass, url), 200)),
    );
  const create = (url: string, body: () => object) =>
    signedInRow(
      m,
      'POST',
      () => url,
      each(ALL_SIGNED_IN, async (role) => {
        await ensure();
        is(await m.w.call(role, 'POST', url, body()), national(role) ? 201 : 403);
      }),
      body,
    );
  const scoped = (url: string, sees: Record<SignedInClass, boolean>) =>
    signedInRow(
      m,
      'GET',
      () => url,
      each(ALL_SIGNED_IN, async (role) => {
        const res = await get(role as SignedInClass, url);
        expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBe(
          sees[role as SignedInClass] ? 200 : 404,
        );
      }),
    );

  const csv = () =>
    multipartBody(
      'file',
      'values.csv',
      Buffer.from('dataElement,period,orgUnit,value\nNOTE,202507,00004,ok\n'),
      'text/csv',
    );
  return {
    'kpiFile.importDataValueFile': row({
      anonymous: async () => {
        const { payload, headers } = csv();
        is(await m.env.app.inject({ method: 'POST', url: '/api/dataValueSets/file', payload, headers }), 401);
      },
      ...each(ALL_SIGNED_IN, async (role) => {
        await ensure();
        const { payload, headers } = csv();
        const res = await m.w.seats[role as SignedInClass].client.request({
          method: 'POST',
          url: '/api/dataValueSets/file',
          payload,
          headers,
        });
        expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBe(
          WRITES_COMMUNE[role as SignedInClass] ? 200 : 403,
        );
      }),
    }),
    'kpi.listDataElements': list('/api/data-elements'),
    'kpi.createDataElement': create('/api/data-elements', () => ({
      code: uniq('DE'),
      name: 'Chỉ tiêu',
      valueType: 'number',
      aggregation: 'sum',
      levels: ['commune'],
    })),
    'kpi.listIndicators': list('/api/indicators'),
    'kpi.createIndicator': create('/api/indicators', () => ({
      code: uniq('IN'),
      name: 'Chỉ số',
      numerator: `#{${KPI.online}}`,
      denominator: `#{${KPI.records}}`,
      factor: 100,
      direction: 'higher',
    })),
    'kpi.listDataSets': list('/api/data-sets'),
    'kpi.createDataSet': create('/api/data-sets', () => ({
      code: uniq('DS'),
      name: 'Bộ dữ liệu',
      periodType: 'quarterly',
      dataElements: [KPI.online],
      levels: ['commune'],
    })),
    'kpi.listValidationRules': list('/api/validation-rules'),
    'kpi.createValidationRule': create('/api/validation-rules', () => ({
      code: uniq('VR'),
      name: 'Trực tuyến ≤ tổng',
      leftSide: `#{${KPI.online}}`,
      operator: '<=',
      rightSide: `#{${KPI.records}}`,
      message: 'Số hồ sơ trực tuyến không được lớn hơn tổng số hồ sơ',
    })),
    // every seat reads its own scope's figure; a province's figure only those who see the province
    'kpi.indicatorValues': scoped(
      `/api/indicators/${KPI.indicator}/values?period=202507&parent=01`,
      SEES_PROVINCE,
    ),
    'kpi.dataSetCompleteness': scoped(
      `/api/data-sets/${KPI.dataSet}/completeness?period=202507&parent=00004`,
      SEES_COMMUNE,
    ),
    'kpi.exportDataValueSet': scoped(
      `/api/dataValueSets?dataSet=${KPI.dataSet}&period=202507&orgUnit=00004&children=true`,
      SEES_COMMUNE,
    ),
    'kpi.importDataValueSet': signedInRow(
      m,
      'POST',
      () => '/api/dataValueSets',
      each(ALL_SIGNED_IN, async (role) => {
        await ensure();
        const res = await m.w.call(role, 'POST', '/api/dataValueSets', values('00004', '202507', 3, 5));
        expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBe(
          WRITES_COMMUNE[role as SignedInClass] ? 200 : 403,
        );
      }),
      () => values('00004', '202507', 3, 5),
    ),
  };
};
