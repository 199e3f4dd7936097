import type { Insertable } from 'kysely';
import { foldForSearch, type OrgUnitKind } from '@pilotage/contracts';
import type { OrgUnitTable } from '../../db/schema.ts';
import { newId } from '../../db/ids.ts';
import type { Executor } from '../../db/transaction.ts';
import { orgRepository } from './org.repository.ts';
import central from './data/central.json' with { type: 'json' };
import provinces from './data/provinces.json' with { type: 'json' };
import communes from './data/communes.json' with { type: 'json' };

/** Two-level local government took effect on this date (34 provinces, 3,321 communes). */
export const REFORM_DATE = '2025-07-01';
const CENTRAL_FROM = '2025-03-01';

export interface LoadedOrg {
  rootId: string;
  units: number;
}

/**
 * Loads the real organisation of the Vietnamese state (see data/SOURCE.md) when the table is empty.
 * sort_order groups kinds (root, central bodies, ministries, provinces, communes) and keeps the source order.
 */
export async function loadOrganisation(db: Executor): Promise<LoadedOrg> {
  const existing = await orgRepository.findRoot(db);
  if (existing) return { rootId: existing.id, units: await orgRepository.count(db) };

  const rows: Insertable<OrgUnitTable>[] = [];
  const add = (
    code: string,
    name: string,
    nameEn: string | null,
    kind: OrgUnitKind,
    parentId: string | null,
    validFrom: string,
    sortOrder: number,
  ) => {
    const id = newId();
    rows.push({
      id,
      code,
      name,
      name_en: nameEn,
      kind,
      parent_id: parentId,
      valid_from: validFrom,
      valid_to: null,
      search_key: foldForSearch(`${name} ${nameEn ?? ''} ${code}`),
      sort_order: sortOrder,
    });
    return id;
  };
  const rootId = add(
    central.root.code,
    central.root.name,
    central.root.nameEn,
    'national',
    null,
    CENTRAL_FROM,
    0,
  );
  central.centralBodies.forEach((b, i) =>
    add(b.code, b.name, b.nameEn, 'central_body', rootId, CENTRAL_FROM, 100 + i),
  );
  central.ministries.forEach((m, i) =>
    add(m.code, m.name, m.nameEn, 'ministry', rootId, CENTRAL_FROM, 1000 + i),
  );
  const englishNames = central.provinceEnglishNames as Record<string, string>;
  const provinceIds = new Map<string, string>();
  (provinces as [string, string][]).forEach(([code, name], i) => {
    provinceIds.set(
      code,
      add(code, name, englishNames[code] ?? null, 'province', rootId, REFORM_DATE, 10_000 + i),
    );
  });
  (communes as [string, string, string][]).forEach(([code, name, provinceCode], i) => {
    const parent = provinceIds.get(provinceCode);
    if (!parent) throw new Error(`commune ${code} names unknown province ${provinceCode}`);
    add(code, name, null, 'commune', parent, REFORM_DATE, 100_000 + i);
  });
  await orgRepository.insertUnits(db, rows);
  return { rootId, units: rows.length };
}
