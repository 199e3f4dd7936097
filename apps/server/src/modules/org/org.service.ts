import type { OrgUnit, OrgUnitListQuery } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { canSeeUnit } from './org.policy.ts';
import { orgRepository, toOrgUnit } from './org.repository.ts';

export class OrgService {
  constructor(private readonly db: Db) {}

  async list(ctx: RequestContext, query: OrgUnitListQuery) {
    const { items, total } = await orgRepository.list(this.db, {
      ...query,
      scope: ctx.actor.scope,
    });
    const counts = await orgRepository.childCounts(
      this.db,
      items.map((i) => i.id),
    );
    return { items: items.map((r) => ({ ...toOrgUnit(r), childCount: counts.get(r.id) ?? 0 })), total };
  }

  /** A unit outside the caller's scope answers 404, as if it did not exist. */
  async get(ctx: RequestContext, id: string): Promise<OrgUnit & { ancestors: OrgUnit[] }> {
    const row = await orgRepository.findById(this.db, id);
    if (!row || !(await canSeeUnit(this.db, ctx.actor, id))) throw notFound('unit_not_found');
    const ancestors = await orgRepository.ancestors(this.db, id);
    const counts = await orgRepository.childCounts(this.db, [id]);
    return { ...toOrgUnit(row), childCount: counts.get(id) ?? 0, ancestors: ancestors.map(toOrgUnit) };
  }

  async children(ctx: RequestContext, id: string, page: { limit: number; offset: number }) {
    if (!(await canSeeUnit(this.db, ctx.actor, id))) throw notFound('unit_not_found');
    return this.list(ctx, { parentId: id, ...page });
  }
}
