import type { z } from 'zod';
import type {
  CompletenessQuery,
  CompletenessReport,
  CompletenessRow,
  ReportingFrequency,
} from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { dueOn, frequencyOfKey, periodBounds } from '../tasks/index.ts';
import { tally, withRates, type Tally } from './completeness.ts';
import { completenessRepository } from './completeness.repository.ts';

export class CompletenessService {
  constructor(private readonly db: Db) {}

  /** Per unit of the caller's view (assignments visible by the tasks rule), for a programme and period. */
  async report(ctx: RequestContext, query: z.infer<typeof CompletenessQuery>): Promise<CompletenessReport> {
    const programme = await completenessRepository.findProgramme(this.db, query.programmeId);
    if (!programme) throw notFound('not_found');
    const frequency: ReportingFrequency = frequencyOfKey(query.period);
    const bounds = periodBounds(query.period);
    const window = { ...bounds, dueOn: dueOn(query.period, programme.report_due_days) };
    const rows = await completenessRepository.rows(this.db, {
      programmeId: programme.id,
      frequency,
      period: query.period,
      scope: ctx.actor.scope,
      underUnitId: query.unitId,
    });
    const byUnit = tally(
      rows.map((r) => ({
        unitId: r.unit_id,
        startDate: r.start_date,
        completedOn: r.completed_on,
        programmeStart: r.programme_start,
        programmeEnd: r.programme_end,
        reportStatus: r.report_status,
        submittedOn: r.submitted_on,
        count: Number(r.n),
      })),
      window,
    );
    const units = new Map(rows.map((r) => [r.unit_id, r]));
    const items: CompletenessRow[] = [...byUnit.entries()]
      .map(([unitId, t]) => ({ unit: units.get(unitId)!, t }))
      .sort(
        (a, b) =>
          a.unit.sort_order - b.unit.sort_order || a.unit.unit_name.localeCompare(b.unit.unit_name, 'vi'),
      )
      .map(({ unit, t }) => ({
        unit: { id: unit.unit_id, code: unit.unit_code, name: unit.unit_name, kind: unit.unit_kind },
        parentId: unit.parent_id,
        ...withRates(t),
      }));
    const totals = [...byUnit.values()].reduce<Tally>(
      (s, t) => ({
        expected: s.expected + t.expected,
        received: s.received + t.received,
        receivedOnTime: s.receivedOnTime + t.receivedOnTime,
      }),
      { expected: 0, received: 0, receivedOnTime: 0 },
    );
    return {
      programmeId: programme.id,
      period: query.period,
      frequency,
      periodStart: bounds.start,
      periodEnd: bounds.end,
      dueOn: window.dueOn,
      totals: withRates(totals),
      items,
    };
  }
}
