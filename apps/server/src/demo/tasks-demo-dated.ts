/**
 * How a dated single-lead demo task unfolds from its scenario (pure): deadline, completion, progress
 * anchors for its reports, and an approved extension for the `extended` scenario.
 */
import { addDays } from '../modules/tasks/index.ts';
import type { CatalogueTask, Scenario } from './tasks-demo-catalogue.ts';
import { dateBetween, int, pick, type History, type Rng } from './tasks-demo-lifecycle.ts';

export const PROGRAMME_START = '2025-01-09';

/** Scenarios for dated single-lead tasks without a pinned one (see the header for the totals). */
export const POOL: [Scenario, number][] = [
  ['on_time', 62],
  ['late', 7],
  ['overdue', 8],
  ['in_progress', 6],
  ['at_risk', 5],
  ['extended', 2],
  ['late_start', 2],
  ['no_report', 2],
];

const elapsedPct = (start: string, deadline: string, asOf: string) => {
  const span = Math.max(1, (Date.parse(deadline) - Date.parse(start)) / 86_400_000);
  return Math.min(100, Math.max(0, ((Date.parse(asOf) - Date.parse(start)) / 86_400_000 / span) * 100));
};

export interface Dated {
  start: string;
  deadline: string;
  history: Omit<History, 'start'>;
  extension?: { to: string; requestedOn: string; decidedOn: string | null };
}

/** How a dated single-lead task unfolds, given its scenario. */
export function datedPlan(rng: Rng, t: CatalogueTask, scenario: Scenario, product: string): Dated {
  let start = t.start ?? PROGRAMME_START;
  let deadline = t.deadline;
  const anchorsFor = (p0630: number, pDec: number): [string, number][] => [
    ['2025-05-31', p0630],
    ['2025-12-31', pDec],
  ];
  switch (scenario) {
    case 'on_time': {
      deadline ??= pick(rng, [
        '2025-03-31',
        '2025-04-30',
        '2025-05-31',
        '2025-06-30',
        '2025-06-30',
        '2025-09-30',
        '2025-12-31',
      ]);
      const last = deadline < '2025-06-25' ? deadline : '2025-06-25';
      const f = dateBetween(rng, '2025-02-15', '2025-03-10');
      const first = f < last ? f : last;
      return {
        start,
        deadline,
        history: { completedOn: dateBetween(rng, first > start ? first : start, last), anchors: [], product },
      };
    }
    case 'late': {
      deadline ??= pick(rng, ['2025-02-28', '2025-03-31', '2025-04-30', '2025-05-15']);
      const c = dateBetween(rng, addDays(deadline, 5), addDays(deadline, 40));
      return {
        start,
        deadline,
        history: { completedOn: c < '2025-06-27' ? c : '2025-06-27', anchors: [], product },
      };
    }
    case 'overdue': {
      deadline ??= pick(rng, ['2025-03-31', '2025-04-30', '2025-05-31', '2025-06-15']);
      const p = int(rng, 40, 85);
      const completes = rng() < 0.5 || t.deadline === '2025-06-15';
      const completedOn = completes
        ? t.deadline === '2025-06-15'
          ? '2025-07-02'
          : dateBetween(rng, '2025-07-10', '2025-11-30')
        : null;
      return {
        start,
        deadline,
        history: { completedOn, anchors: anchorsFor(p, Math.min(95, p + int(rng, 5, 25))), product },
      };
    }
    case 'in_progress':
    case 'at_risk': {
      deadline ??=
        scenario === 'at_risk'
          ? pick(rng, ['2025-09-30', '2025-12-31'])
          : pick(rng, ['2025-09-30', '2025-10-31', '2025-12-31', '2026-06-30', '2026-12-31']);
      const e = Math.round(elapsedPct(start, deadline, '2025-06-30'));
      const p =
        scenario === 'at_risk'
          ? Math.max(3, e - 25 - int(rng, 0, 14))
          : Math.min(95, Math.max(5, e - int(rng, 0, 11)));
      // pinned tasks with an end-2025 deadline stay open (the KPIs were not all met); others mostly finish
      const completes = deadline <= '2025-12-31' && !t.scenario && rng() < 0.7;
      const completedOn = completes
        ? dateBetween(
            rng,
            addDays(deadline, -60) > '2025-07-15' ? addDays(deadline, -60) : '2025-07-15',
            deadline,
          )
        : null;
      const pDec =
        deadline <= '2025-12-31' ? int(rng, Math.max(p, 70), 95) : Math.min(95, p + int(rng, 10, 30));
      return { start, deadline, history: { completedOn, anchors: anchorsFor(p, pDec), product } };
    }
    case 'extended': {
      deadline = '2025-06-15';
      const p = int(rng, 55, 70);
      return {
        start,
        deadline,
        history: {
          completedOn: dateBetween(rng, '2025-08-20', '2025-09-25'),
          anchors: anchorsFor(p, 95),
          product,
        },
        extension: { to: '2025-09-30', requestedOn: '2025-05-26', decidedOn: '2025-06-05' },
      };
    }
    case 'late_start': {
      start = t.start ?? pick(rng, ['2025-07-15', '2025-09-01']);
      deadline ??= '2026-06-30';
      const completedOn = deadline <= '2025-12-31' ? deadline : null;
      return {
        start,
        deadline,
        history: { completedOn, anchors: [['2025-12-31', int(rng, 20, 40)]], product },
      };
    }
    case 'no_report':
      deadline ??= '2026-06-30';
      return {
        start,
        deadline,
        history: {
          completedOn: null,
          anchors: [['2025-12-31', int(rng, 15, 35)]],
          firstPeriod: '2025-08',
          product,
        },
      };
    default:
      throw new Error(`scenario ${scenario} is not for dated tasks`);
  }
}
