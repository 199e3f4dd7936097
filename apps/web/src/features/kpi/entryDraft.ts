/**
 * The data-entry form's draft, kept on the device (localStorage) at every change, per data set, period and
 * unit: on a phone with weak signal nothing typed is lost; it is cleared once the server accepted it.
 */
export interface EntryDraft {
  values: Record<string, string>;
  comments: Record<string, string>;
}

const key = (dataSet: string, period: string, unit: string) => `pilotage.kpi.${dataSet}.${period}.${unit}`;

export function readDraft(dataSet: string, period: string, unit: string): EntryDraft | null {
  try {
    const raw = localStorage.getItem(key(dataSet, period, unit));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<EntryDraft>;
    return { values: d.values ?? {}, comments: d.comments ?? {} };
  } catch {
    return null;
  }
}

export function writeDraft(dataSet: string, period: string, unit: string, draft: EntryDraft): void {
  try {
    localStorage.setItem(key(dataSet, period, unit), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the form still works, only the draft is not kept
  }
}

export function clearDraft(dataSet: string, period: string, unit: string): void {
  try {
    localStorage.removeItem(key(dataSet, period, unit));
  } catch {
    // ignore
  }
}

/** The problem with a typed value for an element's type, as a message key (null: fine or empty). */
export function valueProblem(
  valueType: string,
  raw: string,
):
  | 'kpi.entry.err.integer'
  | 'kpi.entry.err.number'
  | 'kpi.entry.err.percentage'
  | 'kpi.entry.err.yesNo'
  | null {
  const v = raw.trim();
  if (v === '') return null;
  switch (valueType) {
    case 'integer':
      return /^-?\d+$/.test(v) ? null : 'kpi.entry.err.integer';
    case 'number':
      return Number.isFinite(Number(v)) ? null : 'kpi.entry.err.number';
    case 'percentage': {
      const n = Number(v);
      return Number.isFinite(n) && n >= 0 && n <= 100 ? null : 'kpi.entry.err.percentage';
    }
    case 'yes_no':
      return v === 'true' || v === 'false' ? null : 'kpi.entry.err.yesNo';
    default:
      return null;
  }
}
