import { sql, type Insertable } from 'kysely';
import type { OrgUnitTable } from '../../db/schema.ts';
import { newId } from '../../db/ids.ts';
import type { Executor } from '../../db/transaction.ts';
import { COMMUNES, PROVINCES, SORT, searchKeyOf } from './org.data.ts';
import { orgRepository } from './org.repository.ts';
import former from './data/former-provinces.json' with { type: 'json' };
import legacy from './data/legacy-codes.json' with { type: 'json' };

/** The 63 provinces before 1 July 2025 took their shape on 1 August 2008 (Hà Tây joined Hà Nội). */
export const FORMER_FROM = '2008-08-01';
type FormerRow = [
  code: string,
  name: string,
  nameEn: string,
  fullName: string,
  fullNameEn: string,
  successor: string,
];
const FORMER = former.provinces as FormerRow[];

/** The former provinces as units under the root, valid until 2025-06-30, each naming its successor. */
export function formerProvinceRows(rootId: string, provinceIds: ReadonlyMap<string, string>) {
  return FORMER.map(([code, name, nameEn, fullName, fullNameEn, successor], i): Insertable<OrgUnitTable> => {
    const successorId = provinceIds.get(successor);
    if (!successorId) throw new Error(`former province ${code} names unknown successor ${successor}`);
    return {
      id: newId(),
      code,
      name,
      name_en: nameEn,
      full_name: fullName,
      full_name_en: fullNameEn,
      kind: 'province',
      parent_id: rootId,
      valid_from: FORMER_FROM,
      valid_to: former.validTo,
      successor_id: successorId,
      search_key: searchKeyOf(name, nameEn, code, fullName),
      sort_order: SORT.former + i,
    };
  });
}

/**
 * Brings a database loaded before migration 0012 (codes of the package vn-provinces-wards) to the official
 * codes and English names, keeping every unit's id (users, assignments, API keys keep their units), and
 * adds the former provinces. Idempotent: does nothing once the former provinces exist.
 */
export async function upgradeOrganisation(db: Executor, rootId: string): Promise<void> {
  const done = await db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'province')
    .where('valid_to', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (done) return;
  const provinceCodes = legacy.provinces as Record<string, string>;
  const communeCodes = legacy.communes as Record<string, string>;
  const province = new Map(PROVINCES.map((p, i) => [p[0], { row: p, i }]));
  const commune = new Map(COMMUNES.map((c, i) => [c[0], { row: c, i }]));
  const current = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'kind'])
    .where('kind', 'in', ['province', 'commune'])
    .where('valid_to', 'is', null)
    .execute();
  const updates: {
    id: string;
    code: string;
    name: string;
    nameEn: string;
    full: string;
    fullEn: string;
    sort: number;
  }[] = [];
  for (const u of current) {
    if (u.kind === 'province') {
      const code = provinceCodes[u.code] ?? u.code;
      const p = province.get(code);
      if (!p) throw new Error(`province ${u.code} has no official code`);
      const [, name, nameEn, full, fullEn] = p.row;
      updates.push({ id: u.id, code, name, nameEn, full, fullEn, sort: SORT.province + p.i });
    } else {
      const code = communeCodes[u.code] ?? u.code;
      const c = commune.get(code);
      if (!c) throw new Error(`commune ${u.code} has no official code`);
      const [, full, fullEn] = c.row;
      updates.push({ id: u.id, code, name: full, nameEn: fullEn, full, fullEn, sort: SORT.commune + c.i });
    }
  }
  // codes move among themselves (old '24' is another province than new '24'): park them first
  await db
    .updateTable('org_unit')
    .set({ code: sql<string>`'legacy:' || code` })
    .where('kind', 'in', ['province', 'commune'])
    .where('valid_to', 'is', null)
    .execute();
  for (let i = 0; i < updates.length; i += 1000) {
    const chunk = updates.slice(i, i + 1000);
    const values = sql.join(
      chunk.map(
        (u) =>
          sql`(${u.id}::uuid, ${u.code}, ${u.name}, ${u.nameEn}, ${u.full}, ${u.fullEn}, ${searchKeyOf(u.name, u.nameEn, u.code, u.full)}, ${u.sort}::integer)`,
      ),
    );
    await sql`update org_unit set code = v.code, name = v.name, name_en = v.name_en, full_name = v.full_name,
                 full_name_en = v.full_name_en, search_key = v.search_key, sort_order = v.sort_order
                from (values ${values}) as v(id, code, name, name_en, full_name, full_name_en, search_key, sort_order)
               where org_unit.id = v.id`.execute(db);
  }
  const provinceIds = new Map(updates.filter((u) => u.code.length === 2).map((u) => [u.code, u.id]));
  await orgRepository.insertUnits(db, formerProvinceRows(rootId, provinceIds));
}
