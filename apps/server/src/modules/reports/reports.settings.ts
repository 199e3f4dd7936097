/**
 * Settings of the reporting, commitment and notification modules, read from the environment
 * (kept here rather than in config.ts so the modules stay self-contained):
 * - PILOTAGE_EVIDENCE_MAX_BYTES       size limit of one evidence file (default 10 MB; 413 above)
 * (the reminder timer, SMTP and the dispatcher are in config.ts `dispatch`)
 */
export interface ReportingSettings {
  evidenceMaxBytes: number;
  evidenceMaxFiles: number;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function reportingSettings(env: NodeJS.ProcessEnv = process.env): ReportingSettings {
  return {
    evidenceMaxBytes: int(env.PILOTAGE_EVIDENCE_MAX_BYTES, 10 * 1024 * 1024),
    evidenceMaxFiles: int(env.PILOTAGE_EVIDENCE_MAX_FILES, 20),
  };
}
