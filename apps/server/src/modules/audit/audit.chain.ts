import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers. */
export interface ChainedFields {
  id: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorUnitId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** JSON with object keys sorted at every level, so the text does not depend on storage (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** v1 (events chained before migration 0006): hash(n) = sha256(hash(n-1) + canonical(event n)). */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export const GENESIS_HASH = 'genesis';

/** The fields an event's own content hash covers (v2): everything but its place in the chain. */
export type ContentFields = Omit<ChainedFields, 'seq'>;

/**
 * v2 (migration 0006): each event carries the hash of its own content, written with the mutation and without
 * any lock; the sealer later links it: hash(n) = sha256(hash(n-1) + seq + content hash).
 */
export function contentHash(fields: ContentFields): string {
  return createHash('sha256').update('pilotage-audit-v2\n').update(canonicalJson(fields)).digest('hex');
}

export function linkHash(prevHash: string, seq: number, content: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${content}`).digest('hex');
}
