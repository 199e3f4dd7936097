import { sql, type Insertable, type Updateable } from 'kysely';
import type { FeedbackAnswerTable } from '../../db/schema.feedback.ts';
import type { Executor } from '../../db/transaction.ts';
import { likeEscape } from '../org/index.ts';

/** SQL of an item's parts (steps, notes, answers, contributors, files) and of the public answers. */
export const detailRepository = {
  steps(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_step as s')
      .leftJoin('app_user as a', 'a.id', 's.actor_user_id')
      .leftJoin('org_unit as fu', 'fu.id', 's.from_unit_id')
      .leftJoin('org_unit as tu', 'tu.id', 's.to_unit_id')
      .select([
        's.at',
        's.action',
        's.from_status',
        's.to_status',
        's.reason',
        's.message',
        's.public',
        'a.display_name as actor_name',
        'fu.name as from_unit_name',
        'tu.name as to_unit_name',
      ])
      .where('s.item_id', '=', itemId)
      .orderBy('s.at')
      .orderBy('s.id')
      .execute();
  },

  notes(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_note as n')
      .leftJoin('app_user as a', 'a.id', 'n.author_user_id')
      .select(['n.created_at', 'n.body', 'a.display_name as author_name'])
      .where('n.item_id', '=', itemId)
      .orderBy('n.created_at')
      .execute();
  },

  async insertNote(
    db: Executor,
    row: {
      id: string;
      item_id: string;
      unit_id: string;
      author_user_id: string;
      body: string;
      created_at: Date;
    },
  ) {
    await db.insertInto('feedback_note').values(row).execute();
  },

  answers(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_answer as x')
      .leftJoin('app_user as a', 'a.id', 'x.author_user_id')
      .leftJoin('app_user as b', 'b.id', 'x.approved_by')
      .selectAll('x')
      .select(['a.display_name as author_name', 'b.display_name as approver_name'])
      .where('x.item_id', '=', itemId)
      .orderBy('x.created_at')
      .execute();
  },

  /** The answer being written (draft, pending approval or returned), locked. */
  openAnswer(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_answer')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('status', 'in', ['draft', 'pending_approval', 'returned'])
      .forUpdate()
      .executeTakeFirst();
  },

  /** The approved answer the submitter sees (the latest). */
  approvedAnswer(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_answer')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('status', '=', 'approved')
      .orderBy('approved_at', 'desc')
      .executeTakeFirst();
  },

  /** A new approved answer (after a reopening) replaces the earlier one. */
  async supersedeApproved(db: Executor, itemId: string, at: Date) {
    await db
      .updateTable('feedback_answer')
      .set({ status: 'superseded', published_at: null, updated_at: at })
      .where('item_id', '=', itemId)
      .where('status', '=', 'approved')
      .execute();
  },

  async insertAnswer(db: Executor, row: Insertable<FeedbackAnswerTable>) {
    await db.insertInto('feedback_answer').values(row).execute();
  },

  async updateAnswer(db: Executor, id: string, set: Updateable<FeedbackAnswerTable>) {
    await db.updateTable('feedback_answer').set(set).where('id', '=', id).execute();
  },

  contributors(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_contributor as c')
      .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
      .select(['c.unit_id', 'u.name as unit_name', 'c.reason', 'c.contribution', 'c.contributed_at'])
      .where('c.item_id', '=', itemId)
      .orderBy('c.requested_at')
      .execute();
  },

  async addContributor(
    db: Executor,
    row: {
      item_id: string;
      unit_id: string;
      reason: string;
      requested_by: string | null;
      requested_at: Date;
    },
  ) {
    await db
      .insertInto('feedback_contributor')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  async contribute(
    db: Executor,
    itemId: string,
    unitIds: string[],
    text: string,
    by: string | null,
    at: Date,
  ) {
    if (!unitIds.length) return 0;
    const r = await db
      .updateTable('feedback_contributor')
      .set({ contribution: text, contributed_by: by, contributed_at: at })
      .where('item_id', '=', itemId)
      .where('unit_id', 'in', unitIds)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  attachments(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_attachment')
      .select(['id', 'filename', 'content_type', 'size_bytes'])
      .where('item_id', '=', itemId)
      .orderBy('created_at')
      .execute();
  },

  followers(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_follower as fl')
      .innerJoin('feedback_item as f', 'f.id', 'fl.follower_item_id')
      .select(['f.id', 'f.tracking_code'])
      .where('fl.item_id', '=', itemId)
      .execute();
  },

  /** Makes `from`'s followers (and `from` itself) follow `into`. */
  async moveFollowers(db: Executor, from: string, into: string, at: Date) {
    await sql`insert into feedback_follower (item_id, follower_item_id, created_at)
      select ${into}, follower_item_id, ${at} from feedback_follower where item_id = ${from}
      union select ${into}::uuid, ${from}::uuid, ${at}::timestamptz
      on conflict do nothing`.execute(db);
  },

  rating(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_rating')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('rated_at', 'desc')
      .executeTakeFirst();
  },

  async insertRating(
    db: Executor,
    row: {
      id: string;
      item_id: string;
      answer_id: string | null;
      score: number;
      comment: string | null;
      rated_at: Date;
    },
  ) {
    await db.insertInto('feedback_rating').values(row).execute();
  },

  /** Published answers, newest first; `words` folded (diacritic-insensitive). */
  async publicAnswers(
    db: Executor,
    f: {
      words: string[];
      topic?: string | undefined;
      kind?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    let q = db
      .selectFrom('feedback_answer as x')
      .innerJoin('feedback_item as f', 'f.id', 'x.item_id')
      .innerJoin('feedback_topic as t', 't.id', 'f.topic_id')
      .innerJoin('org_unit as u', 'u.id', 'x.unit_id')
      .where('x.published_at', 'is not', null)
      .where('x.status', '=', 'approved')
      .where('f.consent_to_publish', '=', true);
    for (const w of f.words) q = q.where('x.search_key', 'like', `%${likeEscape(w)}%`);
    if (f.topic) q = q.where('t.code', '=', f.topic);
    if (f.kind) q = q.where('f.kind', '=', f.kind as 'difficulty');
    const items = await q
      .select([
        'x.id',
        'f.kind',
        't.code as topic',
        sql<string>`coalesce(x.public_title, f.title)`.as('title'),
        'x.body',
        'u.name as unit_name',
        'f.submitted_at',
        'x.published_at',
      ])
      .orderBy('x.published_at', 'desc')
      .orderBy('x.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const count = await q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return { items, total: Number(count.n) };
  },

  /** Candidates for the similarity measure: published submissions and answers sharing a key word. */
  similarCandidates(db: Executor, words: string[], limit = 200) {
    if (!words.length) return Promise.resolve([]);
    return db
      .selectFrom('feedback_item as f')
      .leftJoin('feedback_answer as x', (j) =>
        j.onRef('x.item_id', '=', 'f.id').on('x.published_at', 'is not', null),
      )
      .select([
        'f.id',
        'f.status',
        sql<string>`coalesce(x.public_title, f.title)`.as('title'),
        'f.similarity_key',
        'x.body as answer',
      ])
      .where('f.consent_to_publish', '=', true)
      .where('f.status', 'not in', ['rejected', 'merged'])
      .where((eb) => eb.or(words.map((w) => eb('f.similarity_key', 'like', `%${likeEscape(w)}%`))))
      .orderBy('f.submitted_at', 'desc')
      .limit(limit)
      .execute();
  },
};
