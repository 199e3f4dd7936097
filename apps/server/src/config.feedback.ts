/** Configuration of the feedback module (issue 10), read from the environment (docs/SECURITY.md). */
export interface FeedbackConfig {
  /**
   * Keys sealing personal data (AES-256-GCM): `id:base64key[,id:base64key…]`, 32-byte keys, the FIRST seals
   * new data, every listed key opens what it sealed (rotation). Unset: a random key per process (tests, demo
   * on an in-memory database only).
   */
  keys: string | undefined;
  /** HMAC key of proof-of-work challenges (unset: random per process; set it when running several instances). */
  powSecret: string | undefined;
  /** Org-unit code of the steering office that triages what no routing rule covers. */
  triageUnitCode: string;
  /** Days after closing before contacts and citizen IDs are purged. */
  retentionDays: number;
  /** Days after the answer during which the submitter may reopen. */
  reopenDays: number;
  maxFiles: number;
  maxFileBytes: number;
  /** Submissions per address per hour before refusal (429). */
  perIpPerHour: number;
  /** Submissions per address per hour after which a proof of work is asked. */
  powAfterPerIp: number;
  /** Submissions per minute, all addresses together, above which everybody is asked a proof of work. */
  hotIntakePerMinute: number;
  /** Leading zero bits asked (≈ 2^bits hashes: 18 bits ≈ 0.3–1 s in a phone browser). */
  powBits: number;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) ? n : fallback;
}

export function loadFeedbackConfig(env: NodeJS.ProcessEnv): FeedbackConfig {
  return {
    keys: env.PILOTAGE_FEEDBACK_KEYS || undefined,
    powSecret: env.PILOTAGE_POW_SECRET || undefined,
    triageUnitCode: env.PILOTAGE_FEEDBACK_TRIAGE_UNIT || 'BCDCP',
    retentionDays: int(env.PILOTAGE_FEEDBACK_RETENTION_DAYS, 365),
    reopenDays: int(env.PILOTAGE_FEEDBACK_REOPEN_DAYS, 30),
    maxFiles: int(env.PILOTAGE_FEEDBACK_MAX_FILES, 5),
    maxFileBytes: int(env.PILOTAGE_FEEDBACK_MAX_FILE_BYTES, 5 * 1024 * 1024),
    perIpPerHour: int(env.PILOTAGE_FEEDBACK_PER_IP_PER_HOUR, 30),
    powAfterPerIp: int(env.PILOTAGE_FEEDBACK_POW_AFTER, 5),
    hotIntakePerMinute: int(env.PILOTAGE_FEEDBACK_HOT_PER_MINUTE, 600),
    powBits: int(env.PILOTAGE_FEEDBACK_POW_BITS, 18),
  };
}
