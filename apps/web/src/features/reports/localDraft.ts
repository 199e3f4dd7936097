/**
 * The report being written, kept on the device (localStorage) at every change: on a phone with weak signal
 * or a flat battery nothing typed is lost, and the client-generated report id survives a reload, so the
 * eventual PUT /api/reports/:id (with its Idempotency-Key) can never create a second report.
 */
export interface ReportValues {
  progress: number;
  narrative: string;
  difficulties: string;
  proposals: string;
  product: string;
  completedOn: string;
}

export interface LocalDraft {
  id: string;
  values: ReportValues;
  savedAt: string;
}

const PREFIX = 'pilotage.report.';
const key = (assignmentId: string, period: string) => `${PREFIX}${assignmentId}.${period}`;

export const EMPTY_VALUES: ReportValues = {
  progress: 0,
  narrative: '',
  difficulties: '',
  proposals: '',
  product: '',
  completedOn: '',
};

export function readLocalDraft(assignmentId: string, period: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(assignmentId, period));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof parsed.id !== 'string' || !parsed.values) return null;
    return { id: parsed.id, values: { ...EMPTY_VALUES, ...parsed.values }, savedAt: parsed.savedAt ?? '' };
  } catch {
    return null;
  }
}

export function writeLocalDraft(
  assignmentId: string,
  period: string,
  draft: Omit<LocalDraft, 'savedAt'>,
): void {
  try {
    localStorage.setItem(
      key(assignmentId, period),
      JSON.stringify({ ...draft, savedAt: new Date().toISOString() }),
    );
  } catch {
    // storage full or private mode: the server draft is the only copy
  }
}

export function clearLocalDraft(assignmentId: string, period: string): void {
  try {
    localStorage.removeItem(key(assignmentId, period));
  } catch {
    // nothing to do
  }
}

/** A new report id, made on the device (RFC 4122 v4). */
export function newReportId(): string {
  return crypto.randomUUID();
}
