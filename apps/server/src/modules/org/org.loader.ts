import type { Insertable } from 'kysely';
import type { OrgUnitKind } from '@pilotage/contracts';
import type { OrgUnitTable } from '../../db/schema.ts';
import { newId } from '../../db/ids.ts';
import type { Executor } from '../../db/transaction.ts';
import { orgRepository } from './org.repository.ts';
import { COMMUNES, PROVINCES, SORT, searchKeyOf } from './org.data.ts';
import { formerProvinceRows, upgradeOrganisation } from './org.upgrade.ts';
import central from './data/central.json' with { type: 'json' };

/** Two-level local government took effect on this date (34 provinces, 3,321 communes). */
export const REFORM_DATE = '2025-07-01';
const CENTRAL_FROM = '2025-03-01';

export interface LoadedOrg {
  rootId: string;
  units: number;
}

/**
 * Loads the real organisation of the Vietnamese state (see data/SOURCE.md) when the table is empty: official
 * codes (2 digits for a province, 5 for a commune) and English names, ministries and central bodies with
 * their stable codes, and the 63 former provinces (valid until 2025-06-30) with their successor. On a
 * database loaded before (migration 0012), upgrades it in place, keeping every unit's id.
 */
export async function loadOrganisation(db: Executor): Promise<LoadedOrg> {
  const existing = await orgRepository.findRoot(db);
  if (existing) {
    await upgradeOrganisation(db, existing.id);
    return { rootId: existing.id, units: await orgRepository.count(db) };
  }

  const rows: Insertable<OrgUnitTable>[] = [];
  const add = (
    code: string,
    name: string,
    nameEn: string | null,
    kind: OrgUnitKind,
    parentId: string | null,
    validFrom: string,
    sortOrder: number,
    full?: { name: string; nameEn: string },
  ) => {
    const id = newId();
    rows.push({
      id,
      code,
      name,
      name_en: nameEn,
      full_name: full?.name ?? null,
      full_name_en: full?.nameEn ?? null,
      kind,
      parent_id: parentId,
      valid_from: validFrom,
      valid_to: null,
      search_key: searchKeyOf(name, nameEn, code, full?.name),
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
  const provinceIds = new Map<string, string>();
  PROVINCES.forEach(([code, name, nameEn, fullName, fullNameEn], i) => {
    provinceIds.set(
      code,
      add(code, name, nameEn, 'province', rootId, REFORM_DATE, SORT.province + i, {
        name: fullName,
        nameEn: fullNameEn,
      }),
    );
  });
  COMMUNES.forEach(([code, fullName, fullNameEn, provinceCode], i) => {
    const parent = provinceIds.get(provinceCode);
    if (!parent) throw new Error(`commune ${code} names unknown province ${provinceCode}`);
    add(code, fullName, fullNameEn, 'commune', parent, REFORM_DATE, SORT.commune + i, {
      name: fullName,
      nameEn: fullNameEn,
    });
  });
  rows.push(...formerProvinceRows(rootId, provinceIds));
  await orgRepository.insertUnits(db, rows);
  return { rootId, units: rows.length };
}
