import path from 'node:path';
import { loadFeedbackConfig, type FeedbackConfig } from './config.feedback.ts';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when absent, the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** PGlite data directory, or ':memory:'. */
  dataDir: string;
  demo: boolean;
  logLevel: string;
  sessionTtlHours: number;
  /** Cookies marked Secure (set when served over HTTPS). */
  secureCookies: boolean;
  /**
   * Reverse proxies trusted for X-Forwarded-For: a number of hops (0: none, the socket's address is the
   * client), or a comma-separated list of proxy addresses/CIDRs.
   */
  trustProxy: number | string;
  /** Directory of the built web app, served at `/` when it exists. */
  webDist: string;
  bodyLimitBytes: number;
  /** Largest sample a data-quality assessment accepts (bytes; streamed to a temp file). */
  qualityMaxUploadBytes: number;
  /** Failed logins allowed per account × address and per address within the window before delays grow. */
  login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowMinutes: number };
  /** Ed25519 key signing audit checkpoints (null: an ephemeral key, checkpoints kept in memory). */
  auditKeyFile: string | null;
  /** JSON-lines log of signed audit checkpoints, outside the database. */
  auditCheckpointFile: string | null;
  /** Seconds between sealing runs (links pending audit events into the chain; 0 = only on demand). */
  auditSealIntervalSeconds: number;
  /** Days an API key lives at most (and by default). */
  apiKeyMaxDays: number;
  /** Seconds between runs of the status job (stored status changed by time alone); 0 = off. */
  statusJobIntervalSeconds: number;
  /** Domain events, notifications and the mail outbox (ADR 0008). */
  dispatch: DispatchConfig;
  feedback: FeedbackConfig;
}

export interface DispatchConfig {
  /** Period of the event/outbox dispatcher timer in ms (0 = off; recorded events also kick it). */
  intervalMs: number;
  /** A claimed event whose dispatcher did not finish within this is claimed again. */
  eventLeaseMs: number;
  eventBatchSize: number;
  eventMaxAttempts: number;
  /** A claimed e-mail whose sender did not finish within this is claimed again. */
  mailLeaseMs: number;
  mailBatchSize: number;
  mailMaxAttempts: number;
  /** First retry delay of a failed e-mail; doubled per attempt up to mailBackoffMaxMs. */
  mailBackoffBaseMs: number;
  mailBackoffMaxMs: number;
  /** Period of the reminder/escalation job in minutes (0 = off). */
  reminderIntervalMinutes: number;
  /** smtp[s]://user:pass@host:port; unset = e-mails are logged. */
  smtpUrl: string | undefined;
  mailFrom: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = overrides.dataDir ?? env.PILOTAGE_DATA_DIR ?? path.join(repoRoot, 'data');
  const onDisk = dataDir !== ':memory:';
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    demo: env.PILOTAGE_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionTtlHours: int(env.PILOTAGE_SESSION_TTL_HOURS, 12),
    secureCookies: env.PILOTAGE_SECURE_COOKIES === '1',
    trustProxy: /^\s*\d+\s*$/.test(env.PILOTAGE_TRUST_PROXY ?? '0')
      ? Math.max(0, int(env.PILOTAGE_TRUST_PROXY?.trim(), 0))
      : (env.PILOTAGE_TRUST_PROXY ?? '').trim(),
    webDist: env.PILOTAGE_WEB_DIST ?? path.join(repoRoot, 'apps/web/dist'),
    bodyLimitBytes: int(env.PILOTAGE_BODY_LIMIT, 1024 * 1024),
    qualityMaxUploadBytes: int(env.PILOTAGE_QUALITY_MAX_UPLOAD, 1024 * 1024 * 1024),
    login: {
      maxFailuresPerAccount: int(env.PILOTAGE_LOGIN_MAX_PER_ACCOUNT, 5),
      maxFailuresPerIp: int(env.PILOTAGE_LOGIN_MAX_PER_IP, 30),
      windowMinutes: int(env.PILOTAGE_LOGIN_WINDOW_MINUTES, 15),
    },
    auditKeyFile:
      env.PILOTAGE_AUDIT_KEY_FILE || (onDisk ? path.join(dataDir, 'audit-signing-key.pem') : null),
    auditCheckpointFile:
      env.PILOTAGE_AUDIT_CHECKPOINT_FILE || (onDisk ? path.join(dataDir, 'audit-checkpoints.jsonl') : null),
    auditSealIntervalSeconds: Math.max(0, int(env.PILOTAGE_AUDIT_SEAL_INTERVAL_SECONDS, 5)),
    apiKeyMaxDays: Math.max(1, int(env.PILOTAGE_API_KEY_MAX_DAYS, 365)),
    dispatch: {
      intervalMs: int(env.PILOTAGE_DISPATCH_INTERVAL_MS, 5000),
      eventLeaseMs: int(env.PILOTAGE_EVENT_LEASE_SECONDS, 60) * 1000,
      eventBatchSize: 200,
      eventMaxAttempts: 10,
      mailLeaseMs: int(env.PILOTAGE_MAIL_LEASE_SECONDS, 300) * 1000,
      mailBatchSize: 50,
      mailMaxAttempts: int(env.PILOTAGE_MAIL_MAX_ATTEMPTS, 8),
      mailBackoffBaseMs: int(env.PILOTAGE_MAIL_BACKOFF_SECONDS, 30) * 1000,
      mailBackoffMaxMs: 6 * 3600 * 1000,
      reminderIntervalMinutes: int(env.PILOTAGE_REMINDER_INTERVAL_MINUTES, 60),
      smtpUrl: env.SMTP_URL || undefined,
      mailFrom: env.SMTP_FROM || 'Pilotage <no-reply@pilotage.local>',
    },
    statusJobIntervalSeconds: int(env.PILOTAGE_STATUS_JOB_INTERVAL_SECONDS, 60),
    feedback: loadFeedbackConfig(env),
    ...overrides,
  };
}
