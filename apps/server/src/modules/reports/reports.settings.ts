/**
 * Settings of the reporting, commitment and notification modules, read from the environment
 * (kept here rather than in config.ts so the modules stay self-contained):
 * - PILOTAGE_EVIDENCE_MAX_BYTES       size limit of one evidence file (default 10 MB; 413 above)
 * - PILOTAGE_REMINDER_INTERVAL_MINUTES period of the reminder job timer (default 60; 0 = off)
 * - SMTP_URL / SMTP_FROM              smtp[s]://user:pass@host:port and the sender; unset = emails logged
 */
export interface ReportingSettings {
  evidenceMaxBytes: number;
  evidenceMaxFiles: number;
  reminderIntervalMinutes: number;
  smtpUrl: string | undefined;
  mailFrom: string;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function reportingSettings(env: NodeJS.ProcessEnv = process.env): ReportingSettings {
  return {
    evidenceMaxBytes: int(env.PILOTAGE_EVIDENCE_MAX_BYTES, 10 * 1024 * 1024),
    evidenceMaxFiles: int(env.PILOTAGE_EVIDENCE_MAX_FILES, 20),
    reminderIntervalMinutes: int(env.PILOTAGE_REMINDER_INTERVAL_MINUTES, 60),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.SMTP_FROM || 'Pilotage <no-reply@pilotage.local>',
  };
}
