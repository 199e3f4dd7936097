import {
  foldForSearch,
  type CreateDataElementBody,
  type CreateDataSetBody,
  type CreateIndicatorBody,
  type CreateValidationRuleBody,
  type DataElement,
  type DataSet,
  type Indicator,
  type ValidationRule,
} from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, badRequest, forbidden, type FieldError } from '../../http/errors.ts';
import type { MessageKey } from '../../http/messages.ts';
import type { AuditService } from '../audit/index.ts';
import { ExpressionError, parseExpression, referencedCodes } from './expression.ts';
import { canDefineKpis } from './kpi.policy.ts';
import {
  metadataRepository as repo,
  type DataElementRow,
  type DataSetRow,
  type IndicatorRow,
  type Page,
  type ValidationRuleRow,
} from './metadata.repository.ts';

export const toDataElement = (r: DataElementRow): DataElement => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  description: r.description,
  valueType: r.value_type,
  aggregation: r.aggregation,
  levels: r.levels,
});
export const toIndicator = (r: IndicatorRow): Indicator => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  description: r.description,
  numerator: r.numerator,
  denominator: r.denominator,
  factor: Number(r.factor),
  direction: r.direction,
  unitOfMeasure: r.unit_of_measure,
  decimals: r.decimals,
  programmeId: r.programme_id,
  taskId: r.task_id,
});
const toDataSet = (r: DataSetRow, elements: string[]): DataSet => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  periodType: r.period_type,
  expiryDays: r.expiry_days,
  timelyDays: r.timely_days,
  levels: r.levels,
  dataElements: elements,
});
const toRule = (r: ValidationRuleRow, dataSet: string | null): ValidationRule => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  leftSide: r.left_side,
  operator: r.operator,
  rightSide: r.right_side,
  message: r.message,
  messageEn: r.message_en,
  dataSet,
  importance: r.importance,
});

const taken = (key: MessageKey) => new AppError(409, key, {}, [{ path: 'code', key }]);

/** Data elements, indicators, data sets and validation rules: national metadata (kpi.policy.ts). */
export class KpiMetadataService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  private async define<T>(ctx: RequestContext, key: MessageKey, fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (!canDefineKpis(ctx.actor)) throw forbidden('kpi_define_forbidden');
    try {
      return await inTransaction(this.db, fn);
    } catch (e) {
      throw isUniqueViolation(e) ? taken(key) : e;
    }
  }

  /** Every `#{CODE}` of the expressions names a numeric data element; errors by field. */
  private async checkExpressions(tx: Tx, fields: Record<string, string>): Promise<void> {
    const errors: FieldError[] = [];
    const codes = new Map<string, string[]>();
    for (const [path, src] of Object.entries(fields)) {
      try {
        codes.set(path, referencedCodes(parseExpression(src)));
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        errors.push({ path, key: e.key, params: { position: e.position + 1 } });
      }
    }
    const all = [...new Set([...codes.values()].flat())];
    const known = new Map((await repo.elementsByCodes(tx, all)).map((e) => [e.code, e]));
    for (const [path, list] of codes)
      for (const code of list) {
        const el = known.get(code);
        if (!el) errors.push({ path, key: 'data_element_unknown', params: { code } });
        else if (el.value_type === 'text')
          errors.push({ path, key: 'expression_text_element', params: { code } });
      }
    if (errors.length) throw badRequest(errors);
  }

  list = {
    dataElements: async (_ctx: RequestContext, p: Page) => {
      const { items, total } = await repo.page(this.db, 'data_element', p);
      return { items: items.map(toDataElement), total };
    },
    indicators: async (_ctx: RequestContext, p: Page) => {
      const { items, total } = await repo.page(this.db, 'indicator', p);
      return { items: items.map(toIndicator), total };
    },
    dataSets: async (_ctx: RequestContext, p: Page) => {
      const { items, total } = await repo.page(this.db, 'data_set', p);
      const codes = await repo.setElementCodes(
        this.db,
        items.map((s) => s.id),
      );
      return { items: items.map((s) => toDataSet(s, codes.get(s.id) ?? [])), total };
    },
    validationRules: async (_ctx: RequestContext, p: Page) => {
      const { items, total } = await repo.page(this.db, 'validation_rule', p);
      const sets = await repo.dataSetCodes(
        this.db,
        items.flatMap((r) => (r.data_set_id ? [r.data_set_id] : [])),
      );
      return {
        items: items.map((r) => toRule(r, r.data_set_id ? (sets.get(r.data_set_id) ?? null) : null)),
        total,
      };
    },
  };

  createDataElement(ctx: RequestContext, body: CreateDataElementBody): Promise<DataElement> {
    return this.define(ctx, 'data_element_code_taken', async (tx) => {
      const row = await repo.insertDataElement(tx, {
        id: newId(),
        code: body.code,
        name: body.name,
        name_en: body.nameEn ?? null,
        description: body.description ?? null,
        value_type: body.valueType,
        aggregation: body.aggregation,
        levels: [...new Set(body.levels)],
        search_key: foldForSearch(`${body.code} ${body.name} ${body.nameEn ?? ''}`),
        created_by: ctx.actor.userId,
      });
      const after = toDataElement(row);
      await this.audit.record(tx, ctx, {
        action: 'kpi.data_element_create',
        entityType: 'data_element',
        entityId: row.id,
        after,
      });
      return after;
    });
  }

  createIndicator(ctx: RequestContext, body: CreateIndicatorBody): Promise<Indicator> {
    return this.define(ctx, 'indicator_code_taken', async (tx) => {
      await this.checkExpressions(tx, { numerator: body.numerator, denominator: body.denominator });
      if (body.taskId && !(await repo.taskExists(tx, body.taskId)))
        throw badRequest([{ path: 'taskId', key: 'task_not_found' }]);
      if (body.programmeId && !(await repo.programmeExists(tx, body.programmeId)))
        throw badRequest([{ path: 'programmeId', key: 'programme_not_found' }]);
      const row = await repo.insertIndicator(tx, {
        id: newId(),
        code: body.code,
        name: body.name,
        name_en: body.nameEn ?? null,
        description: body.description ?? null,
        numerator: body.numerator,
        denominator: body.denominator,
        factor: body.factor,
        direction: body.direction,
        unit_of_measure: body.unitOfMeasure ?? null,
        decimals: body.decimals,
        programme_id: body.programmeId ?? null,
        task_id: body.taskId ?? null,
        search_key: foldForSearch(`${body.code} ${body.name} ${body.nameEn ?? ''}`),
        created_by: ctx.actor.userId,
      });
      const after = toIndicator(row);
      await this.audit.record(tx, ctx, {
        action: 'kpi.indicator_create',
        entityType: 'indicator',
        entityId: row.id,
        after,
      });
      return after;
    });
  }

  createDataSet(ctx: RequestContext, body: CreateDataSetBody): Promise<DataSet> {
    return this.define(ctx, 'data_set_code_taken', async (tx) => {
      const codes = [...new Set(body.dataElements)];
      const byCode = new Map((await repo.elementsByCodes(tx, codes)).map((e) => [e.code, e.id]));
      const unknown = codes.filter((c) => !byCode.has(c));
      if (unknown.length)
        throw badRequest(
          unknown.map((code) => ({ path: 'dataElements', key: 'data_element_unknown', params: { code } })),
        );
      const row = await repo.insertDataSet(
        tx,
        {
          id: newId(),
          code: body.code,
          name: body.name,
          name_en: body.nameEn ?? null,
          period_type: body.periodType,
          expiry_days: body.expiryDays,
          timely_days: body.timelyDays,
          levels: [...new Set(body.levels)],
          search_key: foldForSearch(`${body.code} ${body.name} ${body.nameEn ?? ''}`),
          created_by: ctx.actor.userId,
        },
        codes.map((c) => byCode.get(c)!),
      );
      const after = toDataSet(row, codes);
      await this.audit.record(tx, ctx, {
        action: 'kpi.data_set_create',
        entityType: 'data_set',
        entityId: row.id,
        after,
      });
      return after;
    });
  }

  createValidationRule(ctx: RequestContext, body: CreateValidationRuleBody): Promise<ValidationRule> {
    return this.define(ctx, 'validation_rule_code_taken', async (tx) => {
      await this.checkExpressions(tx, { leftSide: body.leftSide, rightSide: body.rightSide });
      const set = body.dataSet ? await repo.dataSetByCode(tx, body.dataSet) : null;
      if (body.dataSet && !set)
        throw badRequest([{ path: 'dataSet', key: 'data_set_unknown', params: { code: body.dataSet } }]);
      const row = await repo.insertValidationRule(tx, {
        id: newId(),
        code: body.code,
        name: body.name,
        name_en: body.nameEn ?? null,
        left_side: body.leftSide,
        operator: body.operator,
        right_side: body.rightSide,
        message: body.message,
        message_en: body.messageEn ?? null,
        data_set_id: set?.id ?? null,
        importance: body.importance,
        created_by: ctx.actor.userId,
      });
      const after = toRule(row, set?.code ?? null);
      await this.audit.record(tx, ctx, {
        action: 'kpi.validation_rule_create',
        entityType: 'validation_rule',
        entityId: row.id,
        after,
      });
      return after;
    });
  }
}
