import type { DataValueSetExport } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { canSeeUnit, orgTree } from '../org/index.ts';
import { unitFor } from './import.resolve.ts';
import { metadataRepository as meta } from './metadata.repository.ts';
import { parsePeriod } from './periods.ts';
import { valuesRepository } from './values.repository.ts';

const isUid = (s: string) => s.toLowerCase() === 'uid';

/** GET /api/dataValueSets: a data set's values for a period and unit (children=true: its subtree), DHIS2 shape. */
export class DataValueExportService {
  constructor(private readonly db: Db) {}

  async exportSet(
    ctx: RequestContext,
    q: { dataSet: string; period: string; orgUnit: string; children: 'true' | 'false'; idScheme: string },
  ): Promise<DataValueSetExport> {
    const period = parsePeriod(q.period);
    if (!period) throw badRequest([{ path: 'period', key: 'period_code' }]);
    const uid = isUid(q.idScheme);
    const set = uid
      ? await meta.dataSetById(this.db, q.dataSet).catch(() => undefined)
      : await meta.dataSetByCode(this.db, q.dataSet);
    if (!set) throw notFound('data_set_not_found');
    const candidates = uid
      ? await orgTree.unitsByIds(this.db, /^[0-9a-f-]{36}$/i.test(q.orgUnit) ? [q.orgUnit] : [])
      : await orgTree.unitsByCodes(this.db, [q.orgUnit]);
    const picked = unitFor(
      candidates.map((u) => ({ ...u, validFrom: u.valid_from, validTo: u.valid_to })),
      period,
    );
    const unit = candidates.find((u) => u.id === picked?.id) ?? candidates.find((u) => u.valid_to === null);
    if (!unit || !(await canSeeUnit(this.db, ctx.actor, unit.id))) throw notFound('unit_not_found');
    const elementIds = [...(await meta.setElementIds(this.db, set.id))];
    const rows = elementIds.length
      ? await valuesRepository.forExport(this.db, elementIds, period.code, unit.id, q.children === 'true')
      : [];
    const reg = await valuesRepository.registration(this.db, set.id, period.code, unit.id);
    return {
      dataSet: uid ? set.id : set.code,
      period: period.code,
      orgUnit: uid ? unit.id : unit.code,
      ...(reg ? { completeDate: reg.completed_at.toISOString().slice(0, 10) } : {}),
      dataValues: rows.map((r) => ({
        dataElement: uid ? r.element_id : r.element,
        period: r.period,
        orgUnit: uid ? r.unit_id : r.unit,
        value: r.value,
        ...(r.comment ? { comment: r.comment } : {}),
        ...(r.username || r.key_name ? { storedBy: r.username ?? r.key_name ?? '' } : {}),
        created: r.created_at.toISOString(),
        lastUpdated: r.updated_at.toISOString(),
      })),
    };
  }
}
