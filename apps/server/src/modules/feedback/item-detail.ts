import type { FeedbackDetail, Lang } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';
import type { Actor } from '../../http/context.ts';
import { feedbackRepository, type ItemRow } from './feedback.repository.ts';
import { detailRepository } from './feedback-detail.repository.ts';
import { allowedActions, seesContact, type Visibility } from './feedback.policy.ts';
import { clockView } from './item-view.ts';
import { maskContact, type Contact, type Keyring } from './personal-data.ts';
import type { Reference } from './reference.ts';

/** An item as a handler sees it (contact masked, and only for the responsible unit's handlers). */
export async function itemDetail(
  ex: Executor,
  actor: Actor,
  lang: Lang,
  row: ItemRow,
  v: Visibility,
  ref: Reference,
  keyring: Keyring,
): Promise<FeedbackDetail> {
  const topic = ref.topics.find((t) => t.id === row.topic_id);
  const unit = await feedbackRepository.unit(ex, row.unit_id);
  const province = row.province_unit_id ? await feedbackRepository.unit(ex, row.province_unit_id) : null;
  const commune = row.commune_unit_id ? await feedbackRepository.unit(ex, row.commune_unit_id) : null;
  const answers = await detailRepository.answers(ex, row.id);
  const open = answers.find((a) => ['draft', 'pending_approval', 'returned'].includes(a.status));
  const rating = await detailRepository.rating(ex, row.id);
  let contact = null;
  if (
    row.contact_enc &&
    row.contact_key_id &&
    seesContact(actor, row.unit_id) &&
    keyring.has(row.contact_key_id)
  )
    contact = maskContact(keyring.open<Contact>(row.contact_enc, row.contact_key_id, row.id));
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    kind: row.kind,
    topic: topic?.code ?? '',
    topicName: topic ? (lang === 'en' && topic.name_en ? topic.name_en : topic.name) : '',
    title: row.title,
    status: row.status,
    unitId: row.unit_id,
    unitName: unit?.name ?? '',
    provinceName: province?.name ?? null,
    submittedAt: row.submitted_at.toISOString(),
    clock: clockView(row, ref.exceptions),
    hasPendingAnswer: open?.status === 'pending_approval',
    content: row.content,
    submitterType: row.submitter_type,
    consentToPublish: row.consent_to_publish,
    source: row.source,
    rejectReason: row.reject_reason,
    mergedIntoId: row.merged_into_id,
    communeName: commune?.name ?? null,
    addressString: row.address_string,
    contact,
    personalDataPurged: row.personal_data_purged_at !== null,
    contributors: (await detailRepository.contributors(ex, row.id)).map((c) => ({
      unitId: c.unit_id,
      unitName: c.unit_name,
      reason: c.reason,
      contribution: c.contribution,
      contributedAt: c.contributed_at?.toISOString() ?? null,
    })),
    notes: (await detailRepository.notes(ex, row.id)).map((n) => ({
      at: n.created_at.toISOString(),
      authorName: n.author_name ?? '',
      body: n.body,
    })),
    answers: answers.map((a) => ({
      id: a.id,
      body: a.body,
      publicTitle: a.public_title,
      status: a.status,
      authorName: a.author_name ?? '',
      approvedByName: a.approver_name,
      approvedAt: a.approved_at?.toISOString() ?? null,
      returnReason: a.return_reason,
      publishedAt: a.published_at?.toISOString() ?? null,
      updatedAt: a.updated_at.toISOString(),
    })),
    steps: (await detailRepository.steps(ex, row.id)).map((s) => ({
      at: s.at.toISOString(),
      action: s.action,
      fromStatus: s.from_status,
      toStatus: s.to_status,
      actorName: s.actor_name,
      fromUnitName: s.from_unit_name,
      toUnitName: s.to_unit_name,
      reason: s.reason,
      message: s.message,
      public: s.public,
    })),
    attachments: (await detailRepository.attachments(ex, row.id)).map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
    })),
    followers: (await detailRepository.followers(ex, row.id)).map((f) => ({
      id: f.id,
      trackingCode: f.tracking_code,
    })),
    rating: rating
      ? { score: rating.score, comment: rating.comment, ratedAt: rating.rated_at.toISOString() }
      : null,
    allowedActions: allowedActions(actor, row.status, v, open ? (open.status as 'draft') : 'none'),
  };
}
