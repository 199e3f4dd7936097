import type { AuditEvent, AuditQuery } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { chainHash, GENESIS_HASH, type ChainedFields } from './audit.chain.ts';
import { auditRepository, type AuditRow } from './audit.repository.ts';
import { assertCanBrowseAudit } from './audit.policy.ts';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

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

/** The hashed fields of a stored event, exactly as the chain covers them. */
function chainFieldsOf(row: AuditRow): ChainedFields {
  return {
    id: row.id,
    seq: Number(row.seq),
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

const toEvent = (row: AuditRow): AuditEvent => ({ ...chainFieldsOf(row), hash: row.hash });

export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
  reason: string | null;
}

export class AuditService {
  constructor(private readonly db: Db) {}

  /** Writes one audit event in the caller's transaction, linked to the previous one. */
  async record(tx: Tx, ctx: RequestContext, input: AuditInput): Promise<void> {
    const head = await auditRepository.lockHead(tx);
    const actorUnitId = ctx.actor.unitId || null;
    const fields = {
      id: newId(),
      seq: head.seq + 1,
      occurredAt: new Date().toISOString(),
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.name,
      actorUnitId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: redact(input.before),
      after: redact(input.after),
      requestId: ctx.requestId,
    };
    const hash = chainHash(head.hash, fields);
    await auditRepository.append(tx, {
      id: fields.id,
      seq: fields.seq,
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
      prev_hash: head.hash,
      hash,
    });
  }

  async list(ctx: RequestContext, query: AuditQuery) {
    assertCanBrowseAudit(ctx.actor);
    const { items, total } = await auditRepository.list(this.db, query, ctx.actor.scopeRootId);
    return { items: items.map(toEvent), total };
  }

  /**
   * Recomputes every link from the first event; reports the first break. Safe while the server writes: events
   * committed after the last page was read are read too before the chain head is compared.
   */
  async verify(): Promise<ChainCheck> {
    let prev = GENESIS_HASH;
    let lastSeq = 0;
    let checked = 0;
    for (let round = 0; ;) {
      const rows = await auditRepository.page(this.db, lastSeq, 1000);
      if (rows.length === 0) {
        const head = await auditRepository.head(this.db);
        if (head.seq > lastSeq && round++ < 10) continue; // appended meanwhile (or removed: then it stays behind)
        break;
      }
      for (const row of rows) {
        const seq = Number(row.seq);
        if (seq !== lastSeq + 1)
          return { ok: false, checked, brokenAtSeq: seq, reason: `gap: expected seq ${lastSeq + 1}` };
        if (row.prev_hash !== prev)
          return { ok: false, checked, brokenAtSeq: seq, reason: 'prev_hash does not match' };
        const expected = chainHash(prev, chainFieldsOf(row));
        if (expected !== row.hash)
          return { ok: false, checked, brokenAtSeq: seq, reason: 'content does not match its hash' };
        prev = row.hash;
        lastSeq = seq;
        checked++;
      }
    }
    const head = await auditRepository.head(this.db);
    if (head.seq !== lastSeq || head.hash !== prev) {
      return {
        ok: false,
        checked,
        brokenAtSeq: lastSeq + 1,
        reason: 'chain head does not match the last event (events removed?)',
      };
    }
    return { ok: true, checked, brokenAtSeq: null, reason: null };
  }
}
