import { createHash } from 'node:crypto';
import type { CommitmentState } from '@pilotage/contracts';
import { canonicalJson } from '../audit/index.ts';

/**
 * A commitment's state as of a date (pure):
 * kept    — every assignment completed on or before dueOn, as known on asOf (completedOn ≤ asOf);
 * broken  — asOf is after dueOn and at least one assignment was not completed by dueOn;
 * pending — otherwise (due date not reached, work still open).
 */
export function itemKept(completedOn: string | null, dueOn: string, asOf: string): boolean {
  return completedOn !== null && completedOn <= dueOn && completedOn <= asOf;
}

export function commitmentState(
  items: { completedOn: string | null }[],
  dueOn: string,
  asOf: string,
): CommitmentState {
  if (items.length > 0 && items.every((i) => itemKept(i.completedOn, dueOn, asOf))) return 'kept';
  return asOf > dueOn ? 'broken' : 'pending';
}

/** What the signer signs; its SHA-256 is stored with the commitment. */
export interface SignedContent {
  unitId: string;
  programmeId: string | null;
  outcome: string;
  dueOn: string;
  assignmentIds: string[];
  signerUserId: string;
  signerName: string;
  signedAt: string;
}

export function contentHash(c: SignedContent): string {
  const canonical = canonicalJson({ v: 1, ...c, assignmentIds: [...c.assignmentIds].sort() });
  return createHash('sha256').update(canonical).digest('hex');
}
