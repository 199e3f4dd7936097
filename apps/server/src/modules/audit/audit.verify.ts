import type { Executor } from '../../db/transaction.ts';
import type { AuditAnchor, Checkpoint } from './audit.anchor.ts';
import { chainHash, contentHash, GENESIS_HASH, linkHash, type ContentFields } from './audit.chain.ts';
import { auditRepository, type EventRow } from './audit.repository.ts';

export interface ChainCheck {
  ok: boolean;
  /** Sealed events whose links were recomputed. */
  checked: number;
  /** Events written but not sealed yet (their own content hash is checked). */
  pending: number;
  /** Signed checkpoints compared with the chain. */
  checkpoints: number;
  brokenAtSeq: number | null;
  reason: string | null;
}

/** The fields an event's content hash covers, exactly as stored. */
export function contentFieldsOf(row: EventRow): ContentFields {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    actorUnitId: row.actor_unit_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
  };
}

const broken = (
  partial: Pick<ChainCheck, 'checked' | 'pending' | 'checkpoints'>,
  brokenAtSeq: number | null,
  reason: string,
): ChainCheck => ({ ok: false, ...partial, brokenAtSeq, reason });

/**
 * Recomputes every link from the first event, checks pending events' own hashes, that no event is outside
 * the chain, and that the chain agrees with every signed checkpoint (when an anchor is given). Safe while
 * the server writes: events sealed after the last page was read are read too before the head is compared.
 */
export async function verifyChain(db: Executor, anchor: AuditAnchor | null): Promise<ChainCheck> {
  const checkpoints: Checkpoint[] = anchor ? await anchor.log.readAll() : [];
  const progress = { checked: 0, pending: 0, checkpoints: checkpoints.length };
  for (const c of checkpoints)
    if (!anchor?.isAuthentic(c))
      return broken(progress, c.seq, `checkpoint of seq ${c.seq} has an invalid signature`);
  const wanted = new Map<number, string[]>();
  for (const c of checkpoints) wanted.set(c.seq, [...(wanted.get(c.seq) ?? []), c.hash]);

  let prev = GENESIS_HASH;
  let lastSeq = 0;
  for (let round = 0; ;) {
    const rows = await auditRepository.page(db, lastSeq, 1000);
    if (rows.length === 0) {
      const head = await auditRepository.head(db);
      if (head.seq > lastSeq && round++ < 10) continue; // sealed meanwhile (or removed: then it stays behind)
      break;
    }
    for (const row of rows) {
      const seq = row.seq;
      if (seq !== lastSeq + 1) return broken(progress, seq, `gap: expected seq ${lastSeq + 1}`);
      if (row.prev_hash !== prev) return broken(progress, seq, 'prev_hash does not match');
      const fields = contentFieldsOf(row);
      let expected: string;
      if (row.content_hash === null) {
        expected = chainHash(prev, { ...fields, seq }); // v1: chained before migration 0006
      } else {
        if (contentHash(fields) !== row.content_hash)
          return broken(progress, seq, 'content does not match its hash');
        expected = linkHash(prev, seq, row.content_hash);
      }
      if (expected !== row.hash) return broken(progress, seq, 'content does not match its hash');
      for (const h of wanted.get(seq) ?? [])
        if (h !== row.hash)
          return broken(progress, seq, `chain differs from the signed checkpoint of seq ${seq} (rewritten)`);
      prev = row.hash;
      lastSeq = seq;
      progress.checked++;
    }
  }
  const head = await auditRepository.head(db);
  if (head.seq !== lastSeq || head.hash !== prev)
    return broken(progress, lastSeq + 1, 'chain head does not match the last event (events removed?)');
  const newest = checkpoints.reduce((m, c) => Math.max(m, c.seq), 0);
  if (newest > lastSeq)
    return broken(
      progress,
      lastSeq + 1,
      `chain ends at seq ${lastSeq} but a signed checkpoint covers seq ${newest} (events removed)`,
    );

  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const rows = await auditRepository.pendingPage(db, after, 1000);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.content_hash === null || contentHash(contentFieldsOf(row)) !== row.content_hash)
        return broken(progress, null, `pending event ${row.id}: content does not match its hash`);
      progress.pending++;
    }
    after = rows.at(-1)!.id;
  }
  const orphans = await auditRepository.orphans(db);
  if (orphans > 0)
    return broken(progress, null, `${orphans} event(s) neither sealed nor pending (chain links removed?)`);
  return { ok: true, ...progress, brokenAtSeq: null, reason: null };
}
