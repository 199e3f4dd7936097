import { createHash, randomBytes, randomInt } from 'node:crypto';
import { foldForSearch, type Lang, type SubmitFeedbackBody } from '@pilotage/contracts';
import type { FeedbackConfig } from '../../config.feedback.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, badRequest } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { recordEvent } from '../events/index.ts';
import { outboxRepository } from '../notifications/index.ts';
import { abuseRepository } from './abuse.repository.ts';
import { feedbackRepository } from './feedback.repository.ts';
import { detailRepository } from './feedback-detail.repository.ts';
import type { Keyring } from './personal-data.ts';
import { mintChallenge, verifySolution } from './pow.ts';
import { ReferenceCache, workingDaysFor } from './reference.ts';
import { routeItem } from './routing.ts';
import { keyWords, normaliseForSimilarity, rankBySimilarity } from './similarity.ts';
import type { UploadedFile } from './uploads.ts';
import { dueAt } from './working-calendar.ts';
import { submitterMail } from './submitter-mail.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const newTrackingCode = () =>
  `PA-${Array.from({ length: 10 }, () => CROCKFORD[randomInt(32)]).join('')}`;
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
const hourStart = (now: Date) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
const minuteStart = (now: Date) => new Date(Math.floor(now.getTime() / 60_000) * 60_000);
const ipKey = (ip: string) => `ip:${createHash('sha256').update(ip).digest('base64url').slice(0, 22)}`;

/** The public intake: topics, proof-of-work challenges, similar items, submissions (issue 10 item 1). */
export class IntakeService {
  readonly reference: ReferenceCache;

  constructor(
    readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: FeedbackConfig,
    private readonly keyring: Keyring,
    private readonly powSecret: Buffer,
  ) {
    this.reference = new ReferenceCache(config.triageUnitCode);
  }

  async topics(lang: Lang) {
    const ref = await this.reference.get(this.db);
    return {
      items: ref.topics.map((t) => ({
        code: t.code,
        name: lang === 'en' && t.name_en ? t.name_en : t.name,
        nameEn: t.name_en,
        category: t.category,
      })),
    };
  }

  /** Whether this address (or the whole intake) runs hot: then a proof of work is asked. */
  private async powRequired(ip: string, now: Date): Promise<boolean> {
    const mine = await abuseRepository.hits(this.db, ipKey(ip), hourStart(now));
    if (mine >= this.config.powAfterPerIp) return true;
    const all = await abuseRepository.hits(this.db, 'all', minuteStart(now));
    return all >= this.config.hotIntakePerMinute;
  }

  async challenge(ip: string, now = new Date()) {
    const c = mintChallenge(this.powSecret, this.config.powBits, now.getTime());
    return { ...c, expiresAt: c.expiresAt.toISOString(), required: await this.powRequired(ip, now) };
  }

  async similar(q: string) {
    const normalised = normaliseForSimilarity(q);
    const candidates = await detailRepository.similarCandidates(this.db, keyWords(normalised));
    const ranked = rankBySimilarity(q, candidates, (c) => c.similarity_key);
    return {
      items: ranked.map(({ item, score }) => ({
        type: item.answer ? ('answer' as const) : ('submission' as const),
        title: item.title,
        status: item.status,
        answer: item.answer,
        score: Math.round(score * 100) / 100,
      })),
    };
  }

  /**
   * A submission. Counted per address first (in its own statement, so refused attempts count too); a hot
   * address or intake must carry a solved challenge; a filled honeypot gets a plausible answer and nothing
   * is stored. Everything else happens in one transaction: item, first step, files, audit, event, e-mail.
   */
  async submit(
    ctx: RequestContext,
    body: SubmitFeedbackBody,
    files: UploadedFile[],
    ip: string,
    origin: {
      source: 'web' | 'open311';
      lat?: number | null;
      long?: number | null;
      address?: string | null;
    } = { source: 'web' },
  ) {
    const now = new Date();
    const [mine, all] = await abuseRepository.hitBoth(this.db, [
      { key: ipKey(ip), windowStart: hourStart(now) },
      { key: 'all', windowStart: minuteStart(now) },
    ]);
    if (mine > this.config.perIpPerHour)
      throw new AppError(429, 'feedback_rate_limited', { minutes: 60 - now.getUTCMinutes() }, [], {
        'retry-after': String((60 - now.getUTCMinutes()) * 60),
      });
    if (body.website)
      return { trackingCode: newTrackingCode(), secret: randomBytes(24).toString('base64url') };
    if (mine > this.config.powAfterPerIp || all > this.config.hotIntakePerMinute) {
      if (!body.pow)
        throw new AppError(428, 'feedback_pow_required', {}, [{ path: 'pow', key: 'feedback_pow_required' }]);
      const v = verifySolution(
        this.powSecret,
        body.pow.challenge,
        body.pow.nonce,
        this.config.powBits,
        now.getTime(),
      );
      if (!v.ok || !(await abuseRepository.redeem(this.db, body.pow.challenge, v.expiresAt)))
        throw new AppError(428, 'feedback_pow_invalid', {}, [{ path: 'pow', key: 'feedback_pow_invalid' }]);
    }
    if (!body.contact.email && !body.contact.phone)
      throw badRequest([{ path: 'contact.email', key: 'feedback_contact_required' }]);
    const ref = await this.reference.get(this.db);
    const topic = ref.topics.find((t) => t.code === body.topic);
    if (!topic) throw badRequest([{ path: 'topic', key: 'feedback_topic_unknown' }]);
    const secret = randomBytes(24).toString('base64url');
    return inTransaction(this.db, async (tx) => {
      const province = body.provinceCode
        ? await feedbackRepository.place(tx, 'province', this.placeKey(body.provinceCode))
        : undefined;
      if (body.provinceCode && !province)
        throw badRequest([{ path: 'provinceCode', key: 'feedback_place_unknown' }]);
      const commune = body.communeCode
        ? await feedbackRepository.place(tx, 'commune', this.placeKey(body.communeCode), province?.id)
        : undefined;
      if (body.communeCode && !commune)
        throw badRequest([{ path: 'communeCode', key: 'feedback_place_unknown' }]);
      const provinceId = province?.id ?? commune?.parent_id ?? null;
      const place = { topicId: topic.id, provinceUnitId: provinceId, communeUnitId: commune?.id ?? null };
      const unitId = routeItem(ref.rules, place, ref.triageUnitId);
      const days = workingDaysFor(ref, body.kind, topic.id);
      const id = newId();
      const trackingCode = newTrackingCode();
      const sealed = this.keyring.seal(body.contact, id);
      const due = dueAt(
        { submittedAt: now, deadlineWorkingDays: days, pausedWorkingDays: 0 },
        ref.exceptions,
      );
      await feedbackRepository.insertItem(tx, {
        id,
        tracking_code: trackingCode,
        secret_hash: hashSecret(secret),
        kind: body.kind,
        topic_id: topic.id,
        title: body.title,
        content: body.content,
        lang: body.lang ?? ctx.lang,
        submitter_type: body.submitterType,
        source: origin.source,
        lat: origin.lat ?? null,
        long: origin.long ?? null,
        address_string: origin.address ?? null,
        province_unit_id: provinceId,
        commune_unit_id: commune?.id ?? null,
        programme_id: body.programmeId ?? null,
        task_id: body.taskId ?? null,
        consent_to_publish: body.consentToPublish,
        contact_enc: sealed.sealed,
        contact_key_id: sealed.keyId,
        has_email: Boolean(body.contact.email),
        status: 'received',
        unit_id: unitId,
        submitted_at: now,
        deadline_working_days: days,
        due_at: due,
        search_key: foldForSearch(`${trackingCode} ${body.title} ${body.content}`),
        similarity_key: normaliseForSimilarity(`${body.title} ${body.content}`),
        updated_at: now,
      });
      await this.afterInsert(tx, ctx, {
        id,
        trackingCode,
        unitId,
        title: body.title,
        due,
        now,
        routed: unitId !== ref.triageUnitId,
      });
      await feedbackRepository.insertAttachments(
        tx,
        files.map((f) => ({
          id: newId(),
          item_id: id,
          filename: f.filename,
          content_type: f.mime,
          size_bytes: f.content.length,
          sha256: f.sha256,
          content: f.content,
          created_at: now,
        })),
      );
      if (body.contact.email) {
        const mail = submitterMail(body.lang ?? ctx.lang, 'received', {
          trackingCode,
          secret,
          title: body.title,
          due,
        });
        await outboxRepository.enqueue(tx, [
          {
            id: newId(),
            dedupe_key: `feedback:${id}:received`,
            to_address: body.contact.email,
            subject: mail.subject,
            body: mail.body,
            created_at: now,
            next_attempt_at: now,
          },
        ]);
      }
      return { trackingCode, secret };
    });
  }

  private placeKey(value: string): string {
    return /^\d+$/.test(value) ? value : foldForSearch(value);
  }

  /** First step, audit (no personal data: the contact is not in it) and the arrival event. */
  async afterInsert(
    tx: Tx,
    ctx: RequestContext,
    i: {
      id: string;
      trackingCode: string;
      unitId: string;
      title: string;
      due: Date;
      now: Date;
      routed: boolean;
    },
  ) {
    await feedbackRepository.insertStep(tx, {
      id: newId(),
      item_id: i.id,
      at: i.now,
      action: 'submitted',
      to_status: 'received',
      to_unit_id: i.unitId,
      public: true,
    });
    await this.audit.record(tx, ctx, {
      action: 'feedback.submit',
      entityType: 'feedback_item',
      entityId: i.id,
      after: { trackingCode: i.trackingCode, unitId: i.unitId, title: i.title },
    });
    await recordEvent(tx, {
      type: 'feedback.changed',
      change: 'assigned',
      itemId: i.id,
      trackingCode: i.trackingCode,
      unitId: i.unitId,
      title: i.title,
      status: 'received',
      dueAt: i.due.toISOString(),
    });
  }
}
