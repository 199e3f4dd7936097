import { foldForSearch, type OrgUnit, type OrgUnitKind } from '@pilotage/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { OrgUnitTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { unitInScope, type Scope } from './scope.ts';

export type OrgUnitRow = Selectable<OrgUnitTable>;

export const toOrgUnit = (row: OrgUnitRow): OrgUnit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  kind: row.kind,
  parentId: row.parent_id,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  successorId: row.successor_id,
});

/** Escapes LIKE wildcards in user text. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface OrgListFilter {
  scope: Scope;
  q?: string | undefined;
  kind?: OrgUnitKind | undefined;
  parentId?: string | undefined;
  code?: string | undefined;
  /** Units valid on that date (former units too); today's units when absent. */
  validOn?: string | undefined;
  limit: number;
  offset: number;
}

export const orgRepository = {
  async list(db: Executor, f: OrgListFilter) {
    let q = db.selectFrom('org_unit').where(unitInScope(f.scope, 'org_unit.id'));
    const on = f.validOn;
    q = on
      ? q
          .where('org_unit.valid_from', '<=', on)
          .where((eb) => eb.or([eb('org_unit.valid_to', 'is', null), eb('org_unit.valid_to', '>=', on)]))
      : q.where('org_unit.valid_to', 'is', null);
    if (f.code) q = q.where('org_unit.code', '=', f.code);
    if (f.kind) q = q.where('org_unit.kind', '=', f.kind);
    if (f.parentId) q = q.where('org_unit.parent_id', '=', f.parentId);
    if (f.q) {
      for (const word of foldForSearch(f.q).split(' ').filter(Boolean)) {
        q = q.where('org_unit.search_key', 'like', `%${likeEscape(word)}%`);
      }
    }
    const [items, count] = await Promise.all([
      q
        .selectAll('org_unit')
        .orderBy('org_unit.sort_order')
        .orderBy('org_unit.search_key')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByCode(db: Executor, code: string) {
    return db
      .selectFrom('org_unit')
      .selectAll()
      .where('code', '=', code)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
  },

  findRoot(db: Executor) {
    return db
      .selectFrom('org_unit')
      .selectAll()
      .where('parent_id', 'is', null)
      .where('kind', '=', 'national')
      .executeTakeFirst();
  },

  /** Ancestors from the root down, excluding the unit itself. */
  ancestors(db: Executor, id: string) {
    return db
      .selectFrom('org_unit_closure as c')
      .innerJoin('org_unit', 'org_unit.id', 'c.ancestor_id')
      .selectAll('org_unit')
      .where('c.descendant_id', '=', id)
      .where('c.depth', '>', 0)
      .orderBy('c.depth', 'desc')
      .execute();
  },

  async count(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Inserts units (parents before children) and their closure rows. */
  async insertUnits(db: Executor, units: Insertable<OrgUnitTable>[]): Promise<void> {
    const parentOf = new Map<string, string | null>();
    const known = new Set<string>();
    for (const u of units) parentOf.set(u.id, u.parent_id ?? null);
    // ancestors already stored (for units attached under existing ones)
    const externalParents = [
      ...new Set(units.map((u) => u.parent_id).filter((p): p is string => !!p && !parentOf.has(p))),
    ];
    const stored = externalParents.length
      ? await db
          .selectFrom('org_unit_closure')
          .select(['ancestor_id', 'descendant_id', 'depth'])
          .where('descendant_id', 'in', externalParents)
          .execute()
      : [];
    const closure: { ancestor_id: string; descendant_id: string; depth: number }[] = [];
    const chainOf = (id: string): { id: string; depth: number }[] => {
      const out: { id: string; depth: number }[] = [];
      let cur: string | null | undefined = id;
      let depth = 0;
      while (cur && parentOf.has(cur)) {
        out.push({ id: cur, depth });
        cur = parentOf.get(cur);
        depth++;
      }
      if (cur)
        for (const s of stored.filter((r) => r.descendant_id === cur))
          out.push({ id: s.ancestor_id, depth: depth + s.depth });
      return out;
    };
    for (const u of units) {
      known.add(u.id);
      for (const a of chainOf(u.id)) closure.push({ ancestor_id: a.id, descendant_id: u.id, depth: a.depth });
    }
    for (let i = 0; i < units.length; i += 1000)
      await db
        .insertInto('org_unit')
        .values(units.slice(i, i + 1000))
        .execute();
    for (let i = 0; i < closure.length; i += 2000)
      await db
        .insertInto('org_unit_closure')
        .values(closure.slice(i, i + 2000))
        .execute();
  },

  async childCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('org_unit')
      .select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('parent_id', 'in', ids)
      .where('valid_to', 'is', null)
      .groupBy('parent_id')
      .execute();
    return new Map(rows.map((r) => [r.parent_id as string, Number(r.n)]));
  },
};
