/**
 * The demo programme as rows (pure, deterministic): 106 tasks of the 03/NQ-CP Action Programme, their
 * assignments (lead ministry; every ministry; every province, cascaded to every commune), extensions and
 * report histories through 2025, built so that on 30 June 2025 exactly 76 tasks are completed:
 * 66 on time + 10 late; 8 overdue, 14 in progress (7 at risk), 8 not started.
 */
import type { Insertable } from 'kysely';
import type {
  AssignmentTable,
  DeadlineExtensionTable,
  ProgressReportTable,
  TaskTable,
} from '../db/schema.ts';
import { newId } from '../db/ids.ts';
import { taskSearchKey } from '../modules/tasks/index.ts';
import { DEMO_TASKS, LEADERS, type CatalogueTask, type Scenario } from './tasks-demo-catalogue.ts';
import { int, pick, prng, reportHistory, shuffle, type History } from './tasks-demo-lifecycle.ts';
import { planMultiUnit, type Units } from './tasks-demo-multi.ts';
import { datedPlan, POOL, PROGRAMME_START } from './tasks-demo-dated.ts';

export { PROGRAMME_START };
export const REVIEW_DATE = '2025-06-30';

export interface DemoPlan {
  tasks: Insertable<TaskTable>[];
  coordinating: { task_id: string; unit_id: string }[];
  assignments: Insertable<AssignmentTable>[];
  extensions: Insertable<DeadlineExtensionTable>[];
  reports: Insertable<ProgressReportTable>[];
}

function expectedProduct(t: CatalogueTask): string {
  if (t.product) return t.product;
  if (t.continuous) return 'Báo cáo định kỳ';
  if (/Luật/.test(t.title) && /^(Xây dựng|Sửa đổi)/.test(t.title) && !/Nghị định/.test(t.title))
    return 'Hồ sơ dự án Luật trình Quốc hội';
  if (/Nghị định/.test(t.title)) return 'Nghị định của Chính phủ';
  if (/^Ban hành/.test(t.title)) return 'Quyết định của Thủ tướng Chính phủ';
  if (t.category === 'data') return 'Cơ sở dữ liệu được vận hành, kết nối, chia sẻ';
  if (t.category === 'infrastructure') return 'Hạ tầng được đưa vào vận hành';
  return 'Báo cáo kết quả thực hiện';
}

export function buildTasksDemoPlan(
  programmeId: string,
  ownerUnitId: string,
  units: Units,
  now: Date,
): DemoPlan {
  const rng = prng(57);
  const plan: DemoPlan = { tasks: [], coordinating: [], assignments: [], extensions: [], reports: [] };
  const pinned = DEMO_TASKS.filter((t) => t.scenario).map((t) => t.scenario!);
  const pool = POOL.flatMap(([s, n]) => Array<Scenario>(n - pinned.filter((p) => p === s).length).fill(s));
  const scenarios = shuffle(rng, pool);
  const continuousSingles = DEMO_TASKS.filter((t) => t.continuous && !t.allOf);
  const lateContinuous = new Set(shuffle(rng, continuousSingles).slice(0, 2));
  const ministries = units.ofKind('ministry');

  DEMO_TASKS.forEach((t, i) => {
    const taskId = newId();
    const code = `NV-${String(i + 1).padStart(3, '0')}`;
    const product = expectedProduct(t);
    const lead = units.byCode(t.lead);
    let start = t.start ?? PROGRAMME_START;
    let deadline: string | null = t.continuous ? null : (t.deadline ?? null);

    if (t.allOf) {
      planMultiUnit(rng, plan, {
        task: t,
        taskId,
        start,
        deadline: deadline!,
        ownerUnitId,
        units,
        product,
        now,
      });
    } else {
      const a = { id: newId(), unitId: lead.id };
      let history: History;
      let assignmentDeadline: string | null = null;
      if (t.continuous) {
        const late = lateContinuous.has(t);
        history = {
          start,
          completedOn: null,
          anchors: [],
          continuous: true,
          approval: true,
          forceLate: late ? ['2025-05'] : [],
          forceOnTime: late ? [] : ['2025-05'],
          lateShare: 0.1,
        };
      } else {
        const d = datedPlan(rng, t, t.scenario ?? scenarios.pop()!, product);
        start = d.start;
        deadline = d.deadline;
        assignmentDeadline = d.extension ? d.extension.to : d.deadline;
        history = { start, approval: true, ...d.history };
        if (d.extension) {
          plan.extensions.push({
            id: newId(),
            assignment_id: a.id,
            previous_deadline: d.deadline,
            requested_deadline: d.extension.to,
            reason: 'Chờ ý kiến thẩm định của các bộ, ngành liên quan',
            status: 'approved',
            requested_at: new Date(`${d.extension.requestedOn}T09:00:00+07:00`),
            decided_at: new Date(`${d.extension.decidedOn}T15:00:00+07:00`),
            effective_on: d.extension.decidedOn,
            decision_note: 'Đồng ý gia hạn',
          });
        }
      }
      const { rows, progress } = reportHistory(rng, a.id, history, newId);
      plan.reports.push(...rows);
      // the 5G task is still open at the end of 2025 and asks for more time (a pending request)
      if (t.title.startsWith('Phủ sóng 5G')) {
        plan.extensions.push({
          id: newId(),
          assignment_id: a.id,
          previous_deadline: assignmentDeadline!,
          requested_deadline: '2026-06-30',
          reason: 'Tiến độ cấp phép tần số và lắp đặt trạm 5G chậm so với kế hoạch',
          status: 'pending',
          requested_at: new Date('2025-11-25T10:00:00+07:00'),
        });
      }
      plan.assignments.push({
        id: a.id,
        task_id: taskId,
        unit_id: lead.id,
        assigned_by_unit_id: ownerUnitId,
        parent_assignment_id: null,
        deadline: assignmentDeadline,
        original_deadline: t.continuous ? null : deadline,
        responsible_leader: pick(rng, LEADERS),
        progress,
        completed_on: history.completedOn,
        product: history.completedOn ? product : null,
        created_at: new Date(`${start}T08:00:00+07:00`),
        updated_at: now,
      });
      const others = shuffle(
        rng,
        ministries.filter((m) => m.id !== lead.id),
      ).slice(0, int(rng, 0, 2));
      for (const m of others) plan.coordinating.push({ task_id: taskId, unit_id: m.id });
    }

    plan.tasks.push({
      id: taskId,
      programme_id: programmeId,
      code,
      title: t.title,
      description: null,
      source_clause:
        t.allOf === 'province'
          ? 'Kế hoạch 02-KH/BCĐTW'
          : t.start === '2025-02-23'
            ? 'Thông báo 56/TB-VPCP'
            : `Nghị quyết 03/NQ-CP, nhiệm vụ ${i + 1}`,
      category: t.category,
      expected_product: product,
      lead_unit_id: lead.id,
      start_date: start,
      deadline,
      is_continuous: !!t.continuous,
      reporting_frequency: null,
      priority: t.category === 'institutions' || t.allOf ? 'high' : rng() < 0.15 ? 'low' : 'normal',
      parent_task_id: null,
      search_key: taskSearchKey(code, t.title),
      created_at: new Date(`${PROGRAMME_START}T08:00:00+07:00`),
      updated_at: now,
    });
  });
  return plan;
}
