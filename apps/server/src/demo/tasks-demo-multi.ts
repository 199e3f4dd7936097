/**
 * Demo tasks assigned to every ministry or every province (two of them cascaded by each province to
 * every commune), with their report histories. Pure; called by tasks-demo-plan.ts.
 */
import { newId } from '../db/ids.ts';
import type { CatalogueTask } from './tasks-demo-catalogue.ts';
import { LEADERS } from './tasks-demo-catalogue.ts';
import type { DemoPlan } from './tasks-demo-plan.ts';
import {
  dateBetween,
  int,
  pick,
  reportHistory,
  shuffle,
  type History,
  type Rng,
} from './tasks-demo-lifecycle.ts';

export interface DemoUnit {
  id: string;
  code: string;
  kind: string;
  parent_id: string | null;
}

export interface Units {
  byCode(code: string): DemoUnit;
  ofKind(kind: string): DemoUnit[];
  childrenOf(id: string): DemoUnit[];
}

/** Commune demo accounts (Phường Ba Đình, Phường Bạch Mai): always report, and keep one assignment open. */
export const DEMO_COMMUNES = ['00004', '00292'];

interface MultiInput {
  task: CatalogueTask;
  taskId: string;
  start: string;
  deadline: string | null;
  ownerUnitId: string;
  units: Units;
  product: string;
  now: Date;
}

type Outcome = Omit<History, 'start'>;

function add(
  rng: Rng,
  plan: DemoPlan,
  m: MultiInput,
  unitId: string,
  by: string,
  parent: string | null,
  deadline: string | null,
  h: Outcome,
  leader = true,
) {
  const id = newId();
  const { rows, progress } = reportHistory(rng, id, { start: m.start, ...h }, newId);
  plan.reports.push(...rows);
  plan.assignments.push({
    id,
    task_id: m.taskId,
    unit_id: unitId,
    assigned_by_unit_id: by,
    parent_assignment_id: parent,
    deadline,
    original_deadline: deadline,
    responsible_leader: leader ? pick(rng, LEADERS) : null,
    progress,
    completed_on: h.completedOn,
    product: h.completedOn ? m.product : null,
    created_at: new Date(`${m.start}T08:00:00+07:00`),
    updated_at: m.now,
  });
  return id;
}

/** Outcomes for n units: `onTime` finish by the deadline, `late` after it, the rest stay open. */
function outcomes(
  rng: Rng,
  n: number,
  d: string,
  onTime: [string, number],
  late: [string, string, number],
  openDec: [number, number],
): Outcome[] {
  const out: Outcome[] = [];
  for (let i = 0; i < n; i++) {
    if (i < onTime[1]) out.push({ completedOn: dateBetween(rng, onTime[0], d), anchors: [] });
    else if (i < onTime[1] + late[2])
      out.push({ completedOn: dateBetween(rng, late[0], late[1]), anchors: [] });
    else out.push({ completedOn: null, anchors: [['2025-12-31', int(rng, openDec[0], openDec[1])]] });
  }
  return shuffle(rng, out);
}

export function planMultiUnit(rng: Rng, plan: DemoPlan, m: MultiInput): void {
  const { task, units, ownerUnitId } = m;
  const d = m.deadline;
  const product = { product: m.product, approval: true };
  if (task.allOf === 'ministry') {
    const ministries = units.ofKind('ministry');
    if (d === '2025-02-28') {
      // action plans: by mid-March 2025 most ministries had issued theirs, 8 had not (all done by May)
      const list = outcomes(
        rng,
        ministries.length,
        d,
        ['2025-02-05', ministries.length - 8],
        ['2025-03-05', '2025-05-20', 8],
        [0, 0],
      );
      ministries.forEach((u, i) =>
        add(rng, plan, m, u.id, ownerUnitId, null, d, { ...list[i]!, ...product }),
      );
    } else {
      const n = ministries.length;
      const done = outcomes(rng, n, d!, ['2025-08-15', n - 5], ['2025-10-05', '2025-11-20', 3], [85, 95]);
      ministries.forEach((u, i) => {
        const o = done[i]!;
        const silent = i < 2; // two ministries had not reported by 30 June
        const anchors: [string, number][] = silent
          ? o.anchors
          : [['2025-05-31', int(rng, 20, 80)], ...o.anchors];
        add(rng, plan, m, u.id, ownerUnitId, null, d, {
          ...o,
          anchors,
          ...product,
          ...(silent ? { firstPeriod: '2025-07' } : {}),
        });
      });
    }
    return;
  }

  const provinces = units.ofKind('province');
  const hanoi = units.byCode('01');
  let provinceOutcomes: Outcome[];
  if (task.continuous)
    provinceOutcomes = provinces.map(() => ({
      completedOn: null,
      anchors: [],
      continuous: true,
      lateShare: 0.1,
    }));
  else if (d === '2025-09-30')
    provinceOutcomes = outcomes(
      rng,
      provinces.length,
      d,
      ['2025-08-15', 28],
      ['2025-10-03', '2025-10-31', 4],
      [80, 95],
    );
  else if (d === '2025-12-31')
    provinceOutcomes = outcomes(
      rng,
      provinces.length,
      d,
      ['2025-10-15', 24],
      ['2026-01-01', '2026-01-01', 0],
      [50, 90],
    );
  else
    provinceOutcomes = provinces.map(() => ({
      completedOn: null,
      anchors: [['2025-12-31', int(rng, 25, 50)]],
    }));

  provinces.forEach((p, i) => {
    let o = provinceOutcomes[i]!;
    const keepOpen = p.id === hanoi.id && d === '2025-12-31';
    if (keepOpen) o = { completedOn: null, anchors: [['2025-12-31', 75]] };
    const id = add(rng, plan, m, p.id, ownerUnitId, null, d, { ...o, ...product, firstPeriod: '2025-07' });
    if (keepOpen) {
      plan.extensions.push({
        id: newId(),
        assignment_id: id,
        previous_deadline: d,
        requested_deadline: '2026-02-28',
        reason: 'Chờ hoàn thiện sắp xếp đơn vị hành chính cấp xã sau ngày 1/7/2025',
        status: 'pending',
        requested_at: new Date('2025-12-10T09:30:00+07:00'),
      });
    }
    if (!task.cascadeToCommunes) return;
    for (const c of units.childrenOf(p.id)) {
      const demo = DEMO_COMMUNES.includes(c.code);
      let h: Outcome | null;
      if (task.continuous) {
        const participates = demo || rng() < 0.85;
        h = participates
          ? {
              completedOn: null,
              anchors: [],
              continuous: true,
              firstPeriod: '2025-09',
              skipShare: demo ? 0 : 0.05,
              lateShare: demo ? 0 : 0.12,
            }
          : { completedOn: null, anchors: [], continuous: true, firstPeriod: '2026-01' };
      } else {
        // dated: most communes have not reported yet; the demo communes keep theirs open for the walkthrough
        h =
          !demo && rng() < 0.4
            ? { completedOn: null, anchors: [['2025-12-31', int(rng, 10, 40)]], firstPeriod: '2025-12' }
            : null;
      }
      add(
        rng,
        plan,
        m,
        c.id,
        p.id,
        id,
        d,
        h ?? { completedOn: null, anchors: [], firstPeriod: '2026-01' },
        false,
      );
    }
  });
}
