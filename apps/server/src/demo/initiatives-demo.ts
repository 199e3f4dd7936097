/**
 * Demo data of the initiative portal: 254 initiatives proposed from January to June 2025 (the seeds' figure
 * by mid-2025) across provinces and domains, in every status — some awaiting screening, most in the public
 * catalogue, some under evaluation by the demo experts (the `expert` account still has to score them), some
 * evaluated, a few decided and linked to tasks of the demo programme. Deterministic, bulk inserts, one
 * audit event.
 */
import type { Insertable } from 'kysely';
import type { InitiativeExpertTable } from '../db/schema.initiatives.ts';
import type { Tx } from '../db/transaction.ts';
import { newId } from '../db/ids.ts';
import { systemContext } from '../http/context.ts';
import { initiativeSearchKey } from '../modules/initiatives/index.ts';
import type { Services } from '../services.ts';
import { DEMO_ORGANISATIONS, DEMO_PERSON_NAMES, INITIATIVE_STEMS } from './initiatives-demo-catalogue.ts';

export const DEMO_INITIATIVE_COUNT = 254;
const RUBRIC_V1 = '0192f0a0-0000-7000-8000-000000000001';
const TYPES = [
  'business',
  'business',
  'scientist',
  'citizen',
  'agency',
  'business',
  'organisation',
  'scientist',
] as const;
const DOMAINS = Object.keys(INITIATIVE_STEMS);
const VARIANTS = ['', ' (giai đoạn 2)', ' cho vùng dân tộc thiểu số', ' quy mô cấp tỉnh', ' mã nguồn mở'];

/** Deterministic pseudo-random numbers (a small LCG): the same demo every time. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const chunks = <T>(rows: T[], size = 100) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

type Status = 'submitted' | 'catalogued' | 'screened_out' | 'under_evaluation' | 'evaluated' | 'decided';
/** Place in the demo (after a fixed permutation) → status and, when decided, the decision. */
function fate(j: number): { status: Status; decision: 'pilot' | 'deploy' | 'reject' | null } {
  if (j < 8) return { status: 'decided', decision: j < 3 ? 'pilot' : j < 5 ? 'deploy' : 'reject' };
  if (j < 18) return { status: 'evaluated', decision: null };
  if (j < 40) return { status: 'under_evaluation', decision: null };
  if (j < 50) return { status: 'screened_out', decision: null };
  if (j < 70) return { status: 'submitted', decision: null };
  return { status: 'catalogued', decision: null };
}

export async function seedInitiativesDemoIn(tx: Tx, services: Services, rootId: string) {
  const started = performance.now();
  const users = await tx
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', 'in', ['steering', 'expert', 'expert2', 'expert3'])
    .execute();
  const user = (name: string) => users.find((u) => u.username === name)?.id ?? null;
  const experts = ['expert', 'expert2', 'expert3'].map(user).filter((id): id is string => !!id);
  const steering = user('steering');
  const provinces = await tx
    .selectFrom('org_unit')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'province')
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  const tasks = await tx
    .selectFrom('task as t')
    .innerJoin('programme as p', 'p.id', 't.programme_id')
    .select('t.id')
    .where('p.code', '=', '03/NQ-CP')
    .orderBy('t.code')
    .limit(12)
    .execute();

  const rand = rng(57);
  const initiatives = [];
  const expertRows: Insertable<InitiativeExpertTable>[] = [];
  const taskRows = [];
  for (let i = 0; i < DEMO_INITIATIVE_COUNT; i++) {
    const j = (i * 37) % DEMO_INITIATIVE_COUNT; // spreads the statuses over time and domains
    const { status, decision } = fate(j);
    const domain = DOMAINS[i % DOMAINS.length]!;
    const stems = INITIATIVE_STEMS[domain]!;
    const title = `${stems[Math.floor(i / DOMAINS.length) % stems.length]}${VARIANTS[Math.floor(i / 36) % VARIANTS.length]}`;
    const type = TYPES[i % TYPES.length]!;
    const province = provinces[(i * 7) % provinces.length]!;
    const orgs = DEMO_ORGANISATIONS[type];
    const organisation = orgs
      ? `${orgs[i % orgs.length]}${type === 'agency' ? ` ${province.name}` : ''}`
      : null;
    const code = `SK-25${String(i + 1).padStart(4, '0')}`;
    const description =
      `${title}. Sản phẩm, giải pháp đề xuất lên Cổng sáng kiến theo Nghị quyết 57-NQ/TW, ` +
      `triển khai thử tại ${province.name}. Mức độ sẵn sàng công nghệ đã được thử nghiệm trong môi trường ` +
      `thực tế; đề xuất cơ chế phối hợp với các sở, ngành và doanh nghiệp để nhân rộng.`;
    const submitted = new Date(
      Date.UTC(2025, 0, 2) +
        Math.floor((i * 178 * 86_400_000) / DEMO_INITIATIVE_COUNT) +
        3_600_000 * (8 + (i % 9)),
    );
    const id = newId();
    const evaluating = status === 'under_evaluation' || status === 'evaluated' || status === 'decided';
    const scored = status !== 'under_evaluation' && evaluating && decision !== 'reject';
    initiatives.push({
      id,
      code,
      title,
      kind: i % 3 === 0 ? ('product' as const) : ('solution' as const),
      domain,
      trl: 1 + Math.floor(rand() * 9),
      description,
      proposer_name: DEMO_PERSON_NAMES[i % DEMO_PERSON_NAMES.length]!,
      proposer_organisation: organisation,
      proposer_type: type,
      proposer_email: `de.xuat${i + 1}@example.vn`,
      proposer_phone: null,
      province_id: province.id,
      status,
      screening_note: status === 'screened_out' ? 'Trùng lặp với đề xuất đã có hoặc ngoài phạm vi' : null,
      rubric_id: evaluating ? RUBRIC_V1 : null,
      decision,
      decision_note: decision
        ? {
            pilot: 'Thí điểm 6 tháng tại địa phương đề xuất',
            deploy: 'Triển khai diện rộng',
            reject: 'Chưa đủ tính khả thi',
          }[decision]
        : null,
      follow_up: decision && decision !== 'reject' ? 'Đơn vị chủ trì báo cáo kết quả hằng quý' : null,
      decided_by: decision ? steering : null,
      decided_at: decision ? new Date(submitted.getTime() + 60 * 86_400_000) : null,
      search_key: initiativeSearchKey({ code, title, description, organisation }),
      submitted_at: submitted,
      updated_at: submitted,
    });
    if (evaluating)
      experts.forEach((userId, k) => {
        // under evaluation: the first demo expert still has to declare and score
        const pending = status === 'under_evaluation' && k === 0;
        const conflict = !pending && k === 2 && j % 4 === 0;
        const done = !pending && !conflict && (scored || status === 'under_evaluation');
        const s = () => 1 + Math.floor(rand() * 5);
        expertRows.push({
          initiative_id: id,
          user_id: userId,
          assigned_by: steering,
          conflict: pending ? 'undeclared' : conflict ? 'declared' : 'none',
          conflict_reason: conflict ? 'Từng tham gia tư vấn cho đơn vị đề xuất' : null,
          declared_at: pending ? null : submitted,
          scores: done
            ? JSON.stringify({ novelty: s(), feasibility: s(), impact: s(), scalability: s() })
            : null,
          comment: done ? 'Giải pháp có ý nghĩa thực tiễn, cần làm rõ chi phí vận hành.' : null,
          scored_at: done ? submitted : null,
        });
      });
    if (decision && decision !== 'reject' && tasks.length)
      taskRows.push({ initiative_id: id, task_id: tasks[j % tasks.length]!.id, linked_by: steering });
  }
  for (const c of chunks(initiatives)) await tx.insertInto('initiative').values(c).execute();
  for (const c of chunks(expertRows)) await tx.insertInto('initiative_expert').values(c).execute();
  if (taskRows.length) await tx.insertInto('initiative_task').values(taskRows).execute();
  await services.audit.record(tx, systemContext(rootId, 'demo-seed'), {
    action: 'initiative.demo_seed',
    entityType: 'initiative',
    entityId: null,
    after: { initiatives: initiatives.length, experts: expertRows.length, tasks: taskRows.length },
  });
  return { ms: performance.now() - started, initiatives: initiatives.length };
}
