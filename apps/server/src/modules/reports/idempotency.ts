import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { canonicalJson } from '../audit/index.ts';
import { idempotencyRepository } from './idempotency.repository.ts';

/**
 * Idempotent writes (header `Idempotency-Key`, per actor). The key is claimed in the SAME transaction as
 * the write and the response is stored there too, so either both the write and its stored answer exist or
 * neither does: a retry after a failure runs again, a retry after a success replays the stored answer
 * (same status, same body) without writing; the same key with a different request is refused (422).
 * Failed requests are not stored (their transaction rolled back), so they can be retried with the same key.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotency-replayed';
export const IDEMPOTENCY_TTL_DAYS = 7;

export interface IdempotentRequest {
  key: string | undefined;
  /** What makes two requests "the same": method, path and body. */
  fingerprint: { method: string; path: string; body: unknown };
  /** Status of the successful answer (stored for replay). */
  status: number;
}

export interface IdempotentResult<T> {
  value: T;
  replayed: boolean;
}

const KEY_RE = /^[\x21-\x7e]{1,200}$/;

export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || !KEY_RE.test(key)) {
    throw new AppError(400, 'idempotency_key_invalid', {}, [
      { path: `headers.${IDEMPOTENCY_HEADER}`, key: 'idempotency_key_invalid' },
    ]);
  }
  return key;
}

export const requestHash = (f: IdempotentRequest['fingerprint']) =>
  createHash('sha256').update(canonicalJson(f)).digest('hex');

export async function runIdempotent<T>(
  db: Db,
  ctx: RequestContext,
  req: IdempotentRequest,
  fn: (tx: Tx) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (!req.key) return { value: await inTransaction(db, fn), replayed: false };
  const key = req.key;
  const actorId = `${ctx.actor.kind}:${ctx.actor.id}`;
  const hash = requestHash(req.fingerprint);
  return inTransaction(db, async (tx) => {
    if (!(await idempotencyRepository.claim(tx, actorId, key, hash))) {
      const stored = await idempotencyRepository.find(tx, actorId, key);
      if (!stored || stored.request_hash !== hash) {
        throw new AppError(422, 'idempotency_key_reused', {}, [
          { path: `headers.${IDEMPOTENCY_HEADER}`, key: 'idempotency_key_reused' },
        ]);
      }
      return { value: stored.response_body as T, replayed: true };
    }
    const value = await fn(tx);
    await idempotencyRepository.complete(tx, actorId, key, req.status, value);
    return { value, replayed: false };
  });
}
