/**
 * Demo data of the feedback module (issue 10, item 10): the topics of the seeds' areas with routing rules,
 * and a few hundred submissions across provinces in every status over the last five months — some overdue,
 * answered ones with published answers, closed ones rated. Deterministic, bulk inserts, one audit event.
 * Every demo item's tracking secret is the demo password (README), so the tracking page can be tried.
 */
import { foldForSearch, type FeedbackKind, type FeedbackStatus } from '@pilotage/contracts';
import type { Insertable } from 'kysely';
import type {
  FeedbackAnswerTable,
  FeedbackItemTable,
  FeedbackRatingTable,
  FeedbackStepTable,
} from '../db/schema.feedback.ts';
import { newId } from '../db/ids.ts';
import type { Tx } from '../db/transaction.ts';
import { systemContext } from '../http/context.ts';
import { dueAt, hashSecret, normaliseForSimilarity, routeItem } from '../modules/feedback/index.ts';
import type { Services } from '../services.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { DEMO_ANSWERS, DEMO_SUBMISSIONS, DEMO_TOPICS, PROVINCE_RULES } from './feedback-demo-catalogue.ts';

export const DEMO_FEEDBACK_COUNT = 360;
const DAY = 86_400_000;
const DAYS: Record<FeedbackKind, number> = { difficulty: 15, recommendation: 20, innovation: 30 };
const KINDS: FeedbackKind[] = [
  'difficulty',
  'difficulty',
  'recommendation',
  'difficulty',
  'recommendation',
  'innovation',
];
const SUBMITTERS = ['citizen', 'business', 'citizen', 'agency', 'scientist', 'organisation'] as const;

/** Position in the demo → status (every status, most answered or closed). */
function statusOf(j: number): FeedbackStatus {
  const p = j % 40;
  if (p < 4) return 'received';
  if (p < 7) return 'accepted';
  if (p < 14) return 'processing';
  if (p < 16) return 'info_requested';
  if (p < 25) return 'answered';
  if (p < 36) return 'closed';
  if (p < 39) return 'rejected';
  return 'merged';
}

export async function seedFeedbackDemoIn(tx: Tx, services: Services, rootId: string, now = new Date()) {
  const started = performance.now();
  if (await tx.selectFrom('feedback_topic').select('id').limit(1).executeTakeFirst())
    return { ms: 0, items: 0 };
  const units = new Map(
    (
      await tx
        .selectFrom('org_unit')
        .select(['id', 'code', 'kind'])
        .where('kind', '!=', 'commune')
        .where('valid_to', 'is', null)
        .execute()
    ).map((u) => [u.code, u]),
  );
  const unit = (code: string) => units.get(code)!.id;
  const provinces = [...units.values()]
    .filter((u) => u.kind === 'province')
    .sort((a, b) => a.code.localeCompare(b.code));
  const steering = (
    await tx.selectFrom('app_user').select('id').where('username', '=', 'steering').executeTakeFirst()
  )?.id;
  const author =
    steering ?? (await tx.selectFrom('app_user').select('id').limit(1).executeTakeFirstOrThrow()).id;

  const topics = DEMO_TOPICS.map((t, i) => ({ ...t, id: newId(), sort_order: i }));
  await tx
    .insertInto('feedback_topic')
    .values(
      topics.map((t) => ({
        id: t.id,
        code: t.code,
        name: t.name,
        name_en: t.nameEn,
        category: t.category,
        sort_order: t.sort_order,
        search_key: foldForSearch(`${t.name} ${t.nameEn}`),
      })),
    )
    .execute();
  const topicOf = new Map<string, (typeof topics)[number]>(topics.map((t) => [t.code, t]));
  const rules = [
    ...topics
      .filter((t) => t.unit)
      .map((t, i) => ({
        id: newId(),
        topicId: t.id,
        placeUnitId: null,
        unitId: unit(t.unit!),
        priority: 0,
        createdAt: new Date(now.getTime() - i),
      })),
    ...PROVINCE_RULES.map((r) => ({
      id: newId(),
      topicId: topicOf.get(r.topic)!.id,
      placeUnitId: unit(r.province),
      unitId: unit(r.province),
      priority: 10,
      createdAt: now,
    })),
  ];
  await tx
    .insertInto('feedback_routing_rule')
    .values(
      rules.map((r) => ({
        id: r.id,
        topic_id: r.topicId,
        place_unit_id: r.placeUnitId,
        unit_id: r.unitId,
        priority: r.priority,
        created_by: steering ?? null,
      })),
    )
    .execute();
  const triage = unit('BCDCP');

  const items: Insertable<FeedbackItemTable>[] = [];
  const steps: Insertable<FeedbackStepTable>[] = [];
  const answers: Insertable<FeedbackAnswerTable>[] = [];
  const ratings: Insertable<FeedbackRatingTable>[] = [];
  const secret = hashSecret(DEMO_PASSWORD);
  for (let i = 0; i < DEMO_FEEDBACK_COUNT; i++) {
    const j = (i * 17) % DEMO_FEEDBACK_COUNT;
    const status = statusOf(j);
    const kind = KINDS[i % KINDS.length]!;
    const topic = topics[i % topics.length]!;
    const texts = DEMO_SUBMISSIONS[topic.code]!;
    const title = texts[Math.floor(i / topics.length) % texts.length]!;
    const province = provinces[(i * 11) % provinces.length]!;
    const open = ['received', 'accepted', 'processing'].includes(status);
    // open items: half recent (within their deadline), half older (overdue); the others spread over 150 days
    const ageDays = open ? (i % 2 === 0 ? 2 + (i % 9) : 40 + (i % 60)) : 20 + ((i * 7) % 130);
    const submitted = new Date(now.getTime() - ageDays * DAY - (i % 8) * 3_600_000);
    const days = DAYS[kind];
    const due = dueAt({ submittedAt: submitted, deadlineWorkingDays: days, pausedWorkingDays: 0 });
    const place = { topicId: topic.id, provinceUnitId: province.id, communeUnitId: null };
    const routed = routeItem(rules, place, triage);
    const answeredOn = status === 'answered' || status === 'closed';
    // most answers within the deadline, one in five late
    const answered = answeredOn
      ? new Date(submitted.getTime() + Math.round(days * (j % 5 === 0 ? 1.8 : 0.4 + (j % 4) * 0.15)) * DAY)
      : null;
    const answeredAt =
      answered && answered < now ? answered : answeredOn ? new Date(now.getTime() - DAY) : null;
    const id = newId();
    const code = `PA-25${String(i + 1).padStart(8, '0')}`;
    const content = `${title}. Đề nghị cơ quan có thẩm quyền xem xét, giải quyết (phản ánh mẫu số ${i + 1}).`;
    items.push({
      id,
      tracking_code: code,
      secret_hash: secret,
      kind,
      topic_id: topic.id,
      title,
      content,
      submitter_type: SUBMITTERS[i % SUBMITTERS.length]!,
      source: 'demo',
      province_unit_id: province.id,
      consent_to_publish: i % 5 !== 0,
      status,
      reject_reason: status === 'rejected' ? 'out_of_scope' : null,
      unit_id: routed,
      submitted_at: submitted,
      deadline_working_days: days,
      due_at: due,
      paused_at: status === 'info_requested' ? new Date(submitted.getTime() + 3 * DAY) : null,
      accepted_at:
        open && status !== 'received'
          ? new Date(submitted.getTime() + DAY)
          : answeredAt
            ? new Date(submitted.getTime() + DAY)
            : null,
      answered_at: answeredAt,
      closed_at:
        status === 'closed' || status === 'rejected'
          ? (answeredAt ?? new Date(submitted.getTime() + 2 * DAY))
          : null,
      search_key: foldForSearch(`${code} ${title} ${content}`),
      similarity_key: normaliseForSimilarity(`${title} ${content}`),
      updated_at: answeredAt ?? submitted,
      created_at: submitted,
    });
    steps.push({
      id: newId(),
      item_id: id,
      at: submitted,
      action: 'submitted',
      to_status: 'received',
      to_unit_id: routed,
      public: true,
    });
    if (answeredAt) {
      const body = DEMO_ANSWERS[i % DEMO_ANSWERS.length]!;
      const published = i % 5 !== 0 ? answeredAt : null;
      answers.push({
        id: newId(),
        item_id: id,
        unit_id: routed,
        body,
        public_title: title,
        status: 'approved',
        author_user_id: author,
        approved_by: author,
        approved_at: answeredAt,
        published_at: published,
        search_key: foldForSearch(`${title} ${body}`),
        created_at: answeredAt,
        updated_at: answeredAt,
      });
      steps.push({
        id: newId(),
        item_id: id,
        at: answeredAt,
        action: 'answered',
        from_status: 'processing',
        to_status: 'answered',
        public: true,
      });
      if (status === 'closed')
        ratings.push({
          id: newId(),
          item_id: id,
          score: 2 + ((i * 7 + Math.floor(i / 8)) % 4),
          rated_at: new Date(answeredAt.getTime() + DAY),
        });
    }
  }
  for (let k = 0; k < items.length; k += 100)
    await tx
      .insertInto('feedback_item')
      .values(items.slice(k, k + 100))
      .execute();
  for (let k = 0; k < steps.length; k += 200)
    await tx
      .insertInto('feedback_step')
      .values(steps.slice(k, k + 200))
      .execute();
  for (let k = 0; k < answers.length; k += 100)
    await tx
      .insertInto('feedback_answer')
      .values(answers.slice(k, k + 100))
      .execute();
  if (ratings.length) await tx.insertInto('feedback_rating').values(ratings).execute();
  // merged items point at the item before them
  await tx
    .updateTable('feedback_item as f')
    .set((eb) => ({
      merged_into_id: eb
        .selectFrom('feedback_item as s')
        .select('s.id')
        .where('s.status', '=', 'processing')
        .orderBy('s.submitted_at')
        .limit(1),
    }))
    .where('f.status', '=', 'merged')
    .execute();
  await services.audit.record(tx, systemContext(rootId, 'demo-seed'), {
    action: 'feedback.demo_seed',
    entityType: 'feedback_item',
    entityId: null,
    after: {
      topics: topics.length,
      rules: rules.length,
      items: items.length,
      answers: answers.length,
      ratings: ratings.length,
    },
  });
  return { ms: performance.now() - started, items: items.length };
}
