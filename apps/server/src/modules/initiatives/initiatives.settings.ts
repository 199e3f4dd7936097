import { reportingSettings } from '../reports/index.ts';

/**
 * Settings of the initiative portal, from the environment:
 * - PILOTAGE_INITIATIVE_MAX_PER_ADDRESS / PILOTAGE_INITIATIVE_WINDOW_MINUTES  public proposals allowed per
 *   address in the window (default 5 per 60 minutes; then 429 with Retry-After)
 * - PILOTAGE_INITIATIVE_MAX_FILES  files per proposal (default 5)
 * - the size limit of one file is the evidence limit (PILOTAGE_EVIDENCE_MAX_BYTES)
 */
export interface InitiativeSettings {
  maxPerAddress: number;
  windowMinutes: number;
  maxFiles: number;
  maxBytes: number;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function initiativeSettings(env: NodeJS.ProcessEnv = process.env): InitiativeSettings {
  return {
    maxPerAddress: int(env.PILOTAGE_INITIATIVE_MAX_PER_ADDRESS, 5),
    windowMinutes: int(env.PILOTAGE_INITIATIVE_WINDOW_MINUTES, 60),
    maxFiles: int(env.PILOTAGE_INITIATIVE_MAX_FILES, 5),
    maxBytes: reportingSettings(env).evidenceMaxBytes,
  };
}
