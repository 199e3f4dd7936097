import type {
  CreateDocumentBody,
  CreateProgrammeBody,
  Programme,
  ProgrammeSummary,
  StatusCounts,
} from '@pilotage/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { foldForSearch } from '@pilotage/contracts';
import { todayVn } from './reporting-period.ts';
import { countByStatus, emptyCounts } from './status-engine.ts';
import { taskStatuses } from './task-status.ts';
import { toDocument, toProgramme } from './tasks.mappers.ts';
import { assertCanManageDocuments, assertCanManageProgrammes, assertUnitInScope } from './tasks.policy.ts';
import { tasksRepository, type ProgrammeRow } from './tasks.repository.ts';

export class ProgrammesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async listDocuments(
    _ctx: RequestContext,
    query: { q?: string | undefined; limit: number; offset: number },
  ) {
    const { items, total } = await tasksRepository.listDocuments(this.db, query);
    return { items: items.map(toDocument), total };
  }

  async createDocument(ctx: RequestContext, body: z.infer<typeof CreateDocumentBody>) {
    assertCanManageDocuments(ctx.actor);
    const taken = () =>
      new AppError(409, 'document_code_taken', {}, [{ path: 'code', key: 'document_code_taken' }]);
    if (await tasksRepository.findDocumentByCode(this.db, body.code)) throw taken();
    return inTransaction(this.db, async (tx) => {
      const row = await tasksRepository
        .insertDocument(tx, {
          id: newId(),
          code: body.code,
          title: body.title,
          doc_type: body.docType,
          issuer: body.issuer,
          issued_on: body.issuedOn,
          search_key: foldForSearch(`${body.code} ${body.title} ${body.issuer}`),
        })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? taken() : e;
        });
      const doc = toDocument(row);
      await this.audit.record(tx, ctx, {
        action: 'document.create',
        entityType: 'directive_document',
        entityId: doc.id,
        after: doc,
      });
      return doc;
    });
  }

  private async present(db: Executor, rows: ProgrammeRow[]): Promise<Programme[]> {
    const docs = await tasksRepository.documentsByIds(db, [
      ...new Set(rows.map((r) => r.document_id).filter((d): d is string => !!d)),
    ]);
    const units = await tasksRepository.unitsByIds(db, [...new Set(rows.map((r) => r.owner_unit_id))]);
    const counts = await tasksRepository.taskCounts(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      toProgramme(r, {
        document: docs.find((d) => d.id === r.document_id) ?? null,
        ownerUnitName: units.find((u) => u.id === r.owner_unit_id)?.name ?? '',
        taskCount: counts.get(r.id) ?? 0,
      }),
    );
  }

  /** Every signed-in user sees the list of programmes; their contents (tasks, summaries) are scoped. */
  async list(_ctx: RequestContext, query: { q?: string | undefined; limit: number; offset: number }) {
    const { items, total } = await tasksRepository.listProgrammes(this.db, query);
    return { items: await this.present(this.db, items), total };
  }

  async get(_ctx: RequestContext, id: string): Promise<Programme> {
    const row = await tasksRepository.findProgramme(this.db, id);
    if (!row) throw notFound('programme_not_found');
    const [programme] = await this.present(this.db, [row]);
    return programme!;
  }

  async create(ctx: RequestContext, body: z.infer<typeof CreateProgrammeBody>): Promise<Programme> {
    assertCanManageProgrammes(ctx.actor);
    if (body.periodEnd < body.periodStart)
      throw new AppError(400, 'validation_failed', {}, [
        { path: 'periodEnd', key: 'programme_period_invalid' },
      ]);
    if (body.documentId && !(await tasksRepository.findDocument(this.db, body.documentId))) {
      throw new AppError(400, 'validation_failed', {}, [{ path: 'documentId', key: 'document_not_found' }]);
    }
    if (!(await tasksRepository.unitsByIds(this.db, [body.ownerUnitId])).length) {
      throw new AppError(400, 'validation_failed', {}, [{ path: 'ownerUnitId', key: 'unit_not_found' }]);
    }
    await assertUnitInScope(this.db, ctx.actor, body.ownerUnitId, 'ownerUnitId');
    const taken = () =>
      new AppError(409, 'programme_code_taken', {}, [{ path: 'code', key: 'programme_code_taken' }]);
    if (await tasksRepository.findProgrammeByCode(this.db, body.code)) throw taken();
    return inTransaction(this.db, async (tx) => {
      const row = await tasksRepository
        .insertProgramme(tx, {
          id: newId(),
          code: body.code,
          title: body.title,
          document_id: body.documentId ?? null,
          owner_unit_id: body.ownerUnitId,
          period_start: body.periodStart,
          period_end: body.periodEnd,
          reporting_frequency: body.reportingFrequency,
          at_risk_margin: body.atRiskMargin,
          report_due_days: body.reportDueDays,
          escalation_days: body.escalationDays,
          search_key: foldForSearch(`${body.code} ${body.title}`),
          updated_at: new Date(),
        })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? taken() : e;
        });
      const [programme] = await this.present(tx, [row]);
      await this.audit.record(tx, ctx, {
        action: 'programme.create',
        entityType: 'programme',
        entityId: row.id,
        after: programme,
      });
      return programme!;
    });
  }

  /**
   * Status totals of the programme's tasks visible to the caller, as of a date (default: today in Vietnam).
   * byUnit counts the assignments that carry the task statuses (directly assigned units), per unit.
   */
  async summary(ctx: RequestContext, id: string, asOfParam: string | undefined): Promise<ProgrammeSummary> {
    const asOf = asOfParam ?? todayVn();
    if (!(await tasksRepository.findProgramme(this.db, id))) throw notFound('programme_not_found');
    const scope = ctx.actor.scope;
    const tasks = await tasksRepository.listTasks(this.db, { scope, programmeId: id });
    const { byTask, byUnit } = await taskStatuses(this.db, scope, tasks, asOf);
    const results = tasks.map((t) => byTask.get(t.id)!.result);
    const byStatus = countByStatus(results);

    const categories = new Map<string, { total: number; byStatus: StatusCounts }>();
    tasks.forEach((t, i) => {
      const c = categories.get(t.category) ?? { total: 0, byStatus: emptyCounts() };
      c.total += 1;
      c.byStatus[results[i]!.status] += 1;
      categories.set(t.category, c);
    });

    const units = await tasksRepository.unitsByIds(this.db, [...byUnit.keys()]);
    return {
      programmeId: id,
      asOf,
      total: tasks.length,
      completed: byStatus.done_on_time + byStatus.done_late,
      byStatus,
      atRisk: results.filter((r) => r.atRisk).length,
      byCategory: [...categories].map(([category, c]) => ({ category, ...c })),
      byUnit: units.map((u) => ({
        unitId: u.id,
        unitName: u.name,
        unitNameEn: u.name_en,
        unitKind: u.kind,
        ...byUnit.get(u.id)!,
      })),
    };
  }
}
