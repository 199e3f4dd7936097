import type { AuditEvent, AuditQuery } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AuditAnchor } from './audit.anchor.ts';
import { contentHash, linkHash } from './audit.chain.ts';
import type { AuditInput } from './audit.events.ts';
import { assertCanBrowseAudit } from './audit.policy.ts';
import { auditRepository, type ListedRow } from './audit.repository.ts';
import { contentFieldsOf, verifyChain, type ChainCheck } from './audit.verify.ts';

export type { AuditInput } from './audit.events.ts';
export type { ChainCheck } from './audit.verify.ts';

/** Strips values that must never reach the audit trail (secrets, hashes). */
function redact(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = /password|secret|token|hash/i.test(k)
      ? '[redacted]'
      : v instanceof Date
        ? v.toISOString()
        : redact(v);
  }
  return out;
}

const toEvent = (row: ListedRow): AuditEvent => ({ ...contentFieldsOf(row), seq: row.seq, hash: row.hash });

export interface SealResult {
  sealed: number;
  head: { seq: number; hash: string } | null;
}

export class AuditService {
  private lastCheckpointSeq = -1;
  private sealing: Promise<SealResult> | null = null;

  /** `anchor`: signs checkpoints of the chain head (null: no anchoring, e.g. read-only tools). */
  constructor(
    private readonly db: Db,
    readonly anchor: AuditAnchor | null = null,
  ) {}

  /**
   * Writes one audit event in the caller's transaction with the hash of its own content. Takes no lock:
   * concurrent mutations never wait on each other here; the sealer links the event into the chain later.
   */
  async record(tx: Tx, ctx: RequestContext, input: AuditInput): Promise<void> {
    const fields = {
      id: newId(),
      occurredAt: new Date().toISOString(),
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.name,
      actorUnitId: ctx.actor.unitId || null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: redact(input.before),
      after: redact(input.after),
      requestId: ctx.requestId,
    };
    await auditRepository.append(tx, {
      id: fields.id,
      occurred_at: new Date(fields.occurredAt),
      actor_user_id: fields.actorUserId,
      actor_name: fields.actorName,
      actor_unit_id: fields.actorUnitId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      before: fields.before,
      after: fields.after,
      request_id: fields.requestId,
      content_hash: contentHash(fields),
    });
  }

  async list(ctx: RequestContext, query: AuditQuery) {
    assertCanBrowseAudit(ctx.actor);
    const { items, total } = await auditRepository.list(this.db, query, ctx.actor.scope);
    return { items: items.map(toEvent), total };
  }

  /**
   * Links pending events into the chain, oldest id first, in batches; each batch is one transaction that
   * holds the chain-head row lock (another sealer, on this or another instance, skips instead of waiting).
   * Then signs a checkpoint of the new head. Safe to call from several places at once.
   */
  seal(batchSize = 500): Promise<SealResult> {
    this.sealing ??= this.sealAll(batchSize).finally(() => {
      this.sealing = null;
    });
    return this.sealing;
  }

  private async sealAll(batchSize: number): Promise<SealResult> {
    let sealed = 0;
    let head: SealResult['head'] = null;
    for (;;) {
      const batch = await inTransaction(this.db, async (tx) => {
        const start = await auditRepository.claimHead(tx);
        if (!start) return null; // another sealer holds the head
        const events = await auditRepository.pendingBatch(tx, batchSize);
        let { seq, hash } = start;
        const links = events.map((e) => {
          const prev = hash;
          seq += 1;
          // a pending event keeps the content hash it was written with; verify recomputes it from the content
          hash = linkHash(prev, seq, e.content_hash ?? contentHash(contentFieldsOf(e)));
          return { seq, event_id: e.id, prev_hash: prev, hash };
        });
        await auditRepository.seal(tx, links, new Date());
        return { count: links.length, head: { seq, hash } };
      });
      if (!batch) break;
      sealed += batch.count;
      head = batch.head;
      if (batch.count < batchSize) break;
    }
    if (head && this.anchor && head.seq > this.lastCheckpointSeq) {
      await this.anchor.checkpoint(head);
      this.lastCheckpointSeq = head.seq;
    }
    return { sealed, head };
  }

  /** Checks the chain (and the signed checkpoints, when this service has an anchor). */
  verify(): Promise<ChainCheck> {
    return verifyChain(this.db, this.anchor);
  }
}
