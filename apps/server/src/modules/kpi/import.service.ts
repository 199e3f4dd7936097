import type { DataValueSetBody, DataValueSetImportQuery, ImportSummary } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { recordEvent } from '../events/index.ts';
import { orgTree, unitsInScope } from '../org/index.ts';
import { resolveValues, unitFor, type ElementRef, type Lookups, type UnitRef } from './import.resolve.ts';
import { canWriteUnit, canWriteValues } from './kpi.policy.ts';
import { metadataRepository as meta } from './metadata.repository.ts';
import { parsePeriod } from './periods.ts';
import { valuesRepository as values, type Author, type ValueRow } from './values.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUid = (scheme: string | undefined) => scheme?.toLowerCase() === 'uid';

/** Hà Nội's calendar date of an instant. */
export const hanoiDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * POST /api/dataValueSets: DHIS2 data value sets (idScheme=code default, dryRun, importStrategy, atomicMode)
 * in one transaction opened before any check. Unchanged values are ignored (a replay imports and updates
 * nothing); every accepted change keeps its old value in data_value_history; one audit event and one
 * domain event per import carry the counts.
 */
export class DataValueImportService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  importSet(ctx: RequestContext, q: DataValueSetImportQuery, body: DataValueSetBody, now = new Date()) {
    if (!canWriteValues(ctx.actor)) throw forbidden('kpi_write_forbidden');
    return inTransaction(this.db, (tx) => this.run(tx, ctx, q, body, now));
  }

  private async lookups(
    tx: Tx,
    ctx: RequestContext,
    q: DataValueSetImportQuery,
    body: DataValueSetBody,
    now: Date,
  ) {
    const elementUid = isUid(q.dataElementIdScheme ?? q.idScheme);
    const unitUid = isUid(q.orgUnitIdScheme ?? q.idScheme);
    const elementIds = [...new Set(body.dataValues.map((v) => v.dataElement))];
    const unitIds = [
      ...new Set([body.orgUnit, ...body.dataValues.map((v) => v.orgUnit)].filter((u): u is string => !!u)),
    ];
    const elementRows = elementUid
      ? await meta.elementsByIds(
          tx,
          elementIds.filter((id) => UUID.test(id)),
        )
      : await meta.elementsByCodes(tx, elementIds);
    const elements = new Map<string, ElementRef>(
      elementRows.map((e) => [
        elementUid ? e.id : e.code,
        { id: e.id, code: e.code, valueType: e.value_type, levels: e.levels },
      ]),
    );
    const unitRows = unitUid
      ? await orgTree.unitsByIds(
          tx,
          unitIds.filter((id) => UUID.test(id)),
        )
      : await orgTree.unitsByCodes(tx, unitIds);
    const units = new Map<string, UnitRef[]>();
    for (const u of unitRows) {
      const key = unitUid ? u.id : u.code;
      units.set(key, [
        ...(units.get(key) ?? []),
        { id: u.id, code: u.code, kind: u.kind, validFrom: u.valid_from, validTo: u.valid_to },
      ]);
    }
    const inScope = await unitsInScope(
      tx,
      ctx.actor.scope,
      unitRows.map((u) => u.id),
    );
    let dataSet: Lookups['dataSet'] = null;
    let dataSetId: string | null = null;
    if (body.dataSet) {
      const set =
        isUid(q.idScheme) && UUID.test(body.dataSet)
          ? await meta.dataSetById(tx, body.dataSet)
          : await meta.dataSetByCode(tx, body.dataSet);
      if (!set)
        throw new AppError(409, 'data_set_unknown', { code: body.dataSet }, [
          { path: 'dataSet', key: 'data_set_unknown', params: { code: body.dataSet } },
        ]);
      dataSetId = set.id;
      dataSet = {
        code: set.code,
        periodType: set.period_type,
        expiryDays: set.expiry_days,
        elementIds: await meta.setElementIds(tx, set.id),
      };
    }
    const lookups: Lookups = {
      elements,
      units,
      dataSet,
      writable: (id) => inScope.has(id) && canWriteUnit(ctx.actor, id),
      ignoresExpiry: ctx.actor.roles.includes('admin'),
      today: hanoiDate(now),
      lang: ctx.lang,
    };
    return { lookups, dataSetId, unitUid };
  }

  private async run(
    tx: Tx,
    ctx: RequestContext,
    q: DataValueSetImportQuery,
    body: DataValueSetBody,
    now: Date,
  ): Promise<ImportSummary> {
    const { lookups, dataSetId } = await this.lookups(tx, ctx, q, body, now);
    const deleteAll = q.importStrategy === 'DELETE';
    const r = resolveValues(body, deleteAll, lookups);
    const summary = (
      status: ImportSummary['status'],
      c: ImportSummary['importCount'],
      complete: string | false,
    ) => ({
      responseType: 'ImportSummary' as const,
      status,
      importOptions: {
        dryRun: q.dryRun === 'true',
        importStrategy: q.importStrategy,
        atomicMode: q.atomicMode,
        idScheme: q.idScheme.toLowerCase(),
      },
      importCount: c,
      conflicts: r.conflicts,
      dataSetComplete: complete,
    });
    const total = body.dataValues.length;
    if (r.forbidden > 0 && r.rows.length === 0 && r.deletions.length === 0)
      throw forbidden('kpi_write_forbidden');
    if (q.atomicMode === 'ALL' && r.conflicts.length > 0)
      return summary('ERROR', { imported: 0, updated: 0, ignored: total, deleted: 0 }, false);

    // compare with what is stored: unchanged values are ignored (idempotent replay)
    const keys = [...r.rows, ...r.deletions];
    const stored = new Map(
      (await values.existing(tx, keys)).map((s) => [`${s.data_element_id}|${s.period}|${s.org_unit_id}`, s]),
    );
    const keyOf = (k: { elementId: string; period: string; unitId: string }) =>
      `${k.elementId}|${k.period}|${k.unitId}`;
    const inserts: ValueRow[] = [];
    const updates: (ValueRow & { previous: { value: string; comment: string | null } })[] = [];
    for (const row of r.rows) {
      const old = stored.get(keyOf(row));
      if (!old) {
        if (q.importStrategy !== 'UPDATE') inserts.push(row);
      } else if (
        q.importStrategy !== 'CREATE' &&
        (old.value !== row.value || (old.comment ?? null) !== row.comment)
      )
        updates.push({ ...row, previous: { value: old.value, comment: old.comment } });
    }
    const deletions = r.deletions.flatMap((d) => {
      const old = stored.get(keyOf(d));
      return old ? [{ ...d, previous: old }] : [];
    });
    const counts = {
      imported: inserts.length,
      updated: updates.length,
      deleted: deletions.length,
      ignored: total - inserts.length - updates.length - deletions.length,
    };
    const status = r.conflicts.length ? 'WARNING' : 'SUCCESS';
    const completeDate = this.completeDate(body);
    if (q.dryRun === 'true') return summary(status, counts, false);

    const by: Author =
      ctx.actor.kind === 'api_key'
        ? { userId: null, apiKeyId: ctx.actor.id }
        : { userId: ctx.actor.userId, apiKeyId: null };
    const importId = newId();
    await values.insert(tx, inserts, by, now);
    await values.update(tx, updates, by, now);
    await values.delete(tx, deletions);
    await values.history(
      tx,
      [
        ...updates.map((u) => ({
          id: newId(),
          change: 'update' as const,
          elementId: u.elementId,
          period: u.period,
          unitId: u.unitId,
          previousValue: u.previous.value,
          previousComment: u.previous.comment,
          value: u.value,
          comment: u.comment,
        })),
        ...deletions.map((d) => ({
          id: newId(),
          change: 'delete' as const,
          elementId: d.elementId,
          period: d.period,
          unitId: d.unitId,
          previousValue: d.previous.value,
          previousComment: d.previous.comment,
          value: null,
          comment: null,
        })),
      ],
      by,
      now,
      importId,
    );
    const complete = await this.register(tx, body, dataSetId, completeDate, by, lookups, now);
    const changed = [...inserts, ...updates, ...deletions];
    if (changed.length > 0 || complete) {
      const unitIds = [...new Set(changed.map((c) => c.unitId))];
      const after = {
        dataSet: body.dataSet ?? null,
        importStrategy: q.importStrategy,
        counts,
        conflicts: r.conflicts.length,
        units: unitIds.length,
        periods: [...new Set(changed.map((c) => c.period))].slice(0, 100),
        complete,
      };
      await this.audit.record(tx, ctx, {
        action: 'kpi.values_import',
        entityType: 'data_value_import',
        entityId: importId,
        after,
      });
      await recordEvent(
        tx,
        {
          type: 'kpi.values_changed',
          importId,
          actorUnitId: ctx.actor.unitId,
          dataSet: body.dataSet ?? null,
          unitIds: unitIds.slice(0, 1000),
          unitCount: unitIds.length,
          periods: after.periods,
          dataElements: [...new Set(changed.map((c) => c.elementId))].slice(0, 500),
          counts: { imported: counts.imported, updated: counts.updated, deleted: counts.deleted },
        },
        { actorUserId: ctx.actor.userId },
      );
    }
    return summary(status, counts, complete);
  }

  private completeDate(body: DataValueSetBody): string | null {
    if (!body.completeDate) return null;
    const d = body.completeDate.slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) ? d : null;
  }

  /** Complete registration (dataSet, period and orgUnit at the top, completeDate given, unit writable). */
  private async register(
    tx: Tx,
    body: DataValueSetBody,
    dataSetId: string | null,
    completeDate: string | null,
    by: Author,
    l: Lookups,
    now: Date,
  ): Promise<string | false> {
    if (!dataSetId || !completeDate || !body.period || !body.orgUnit) return false;
    const period = parsePeriod(body.period);
    const unit = period ? unitFor(l.units.get(body.orgUnit), period) : undefined;
    if (!period || !unit || !l.writable(unit.id) || period.type !== l.dataSet?.periodType) return false;
    await values.register(
      tx,
      {
        dataSetId,
        period: period.code,
        unitId: unit.id,
        start: period.start,
        end: period.end,
        at: new Date(),
      },
      by,
    );
    return completeDate;
  }
}
