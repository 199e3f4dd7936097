/**
 * Login attempts: the throttle reservation (counted atomically per account × address and per address) and
 * the record of a failure (attempts log and audit trail). The delay rule itself is login-throttle.rule.ts.
 */
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/index.ts';
import { PUBLIC_SCOPE } from '../org/index.ts';
import { identityRepository } from './identity.repository.ts';
import { delayAfter } from './login-throttle.rule.ts';

class Blocked extends Error {
  constructor(readonly key: string) {
    super('login throttled');
  }
}

/**
 * Counts the attempt on both keys in one transaction (account × address first, then address: one lock
 * order, no deadlock). Over the allowance, the delay starts now: a concurrent attempt finds the key blocked.
 */
export async function reserveLoginAttempt(
  db: Db,
  keys: { account: string; address: string },
  now: Date,
  windowMinutes: number,
  limits: [number, number],
): Promise<{ lockedSeconds: number } | { blockedUntil: Date }> {
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  try {
    return await inTransaction(db, async (tx) => {
      let lockedSeconds = 0;
      for (const [i, key] of [keys.account, keys.address].entries()) {
        const failures = await identityRepository.reserveAttempt(tx, key, now, windowStart);
        if (failures === undefined) throw new Blocked(key);
        const delay = delayAfter(failures, limits[i]!, windowMinutes);
        if (delay > 0) {
          await identityRepository.blockUntil(tx, key, new Date(now.getTime() + delay * 1000));
          lockedSeconds = Math.max(lockedSeconds, delay);
        }
      }
      return { lockedSeconds };
    });
  } catch (error) {
    if (!(error instanceof Blocked)) throw error;
    const until = await identityRepository.blockedUntil(db, error.key);
    return { blockedUntil: until ?? new Date(Date.now() + 1000) };
  }
}

/** A failed login: kept in the attempts log and the audit trail (and the lockout it started, if any). */
export async function recordLoginFailure(
  db: Db,
  audit: AuditService,
  national: string,
  f: { userId: string | null; username: string; ip: string; requestId: string; lockedSeconds: number },
) {
  const { userId, username, lockedSeconds } = f;
  const input = { ip: f.ip, requestId: f.requestId };
  const ctx: RequestContext = {
    actor: {
      kind: 'user',
      id: userId ?? '00000000-0000-0000-0000-000000000000',
      userId: null,
      name: `login:${username}`.slice(0, 80),
      unitId: '',
      roles: [],
      scopeRootId: national,
      scope: PUBLIC_SCOPE,
      csrfToken: null,
    },
    lang: 'vi',
    requestId: input.requestId,
  };
  await inTransaction(db, async (tx) => {
    await identityRepository.recordAttempt(tx, {
      id: newId(),
      username,
      ip: input.ip,
      succeeded: false,
      at: new Date(),
    });
    const after = { username, ip: input.ip, knownUser: userId !== null };
    await audit.record(tx, ctx, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: userId,
      after,
    });
    if (lockedSeconds > 0)
      await audit.record(tx, ctx, {
        action: 'auth.lockout',
        entityType: 'user',
        entityId: userId,
        after: { ...after, seconds: lockedSeconds },
      });
  });
}
