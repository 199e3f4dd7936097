import type { ImportColumnKey } from '@pilotage/contracts';
import type { ImportLookups, PlannedTask, RowIssue } from './import.validate.ts';

/** Parent codes must name a task of the file or of the programme, without cycles. */
export function checkParents(
  planned: PlannedTask[],
  lk: ImportLookups,
  issues: RowIssue[],
  label: (k: ImportColumnKey) => string,
) {
  const inFile = new Map(planned.filter((t) => t.code).map((t) => [t.code.toUpperCase(), t] as const));
  for (const t of planned) {
    if (!t.parentCode) continue;
    const key = t.parentCode.toUpperCase();
    if (key === t.code.toUpperCase()) continue; // reported as import_parent_self
    if (inFile.has(key)) continue;
    const existing = lk.existingTasks.get(key);
    if (existing) t.parentTaskId = existing;
    else
      issues.push({
        row: t.row,
        field: 'parentCode',
        column: label('parentCode'),
        key: 'import_unknown_parent',
        params: { value: t.parentCode },
      });
  }
  for (const t of planned) {
    const seen = new Set<string>([t.code.toUpperCase()]);
    let cur = t.parentCode ? inFile.get(t.parentCode.toUpperCase()) : undefined;
    while (cur && cur !== t) {
      const key = cur.code.toUpperCase();
      if (seen.has(key)) break;
      seen.add(key);
      cur = cur.parentCode ? inFile.get(cur.parentCode.toUpperCase()) : undefined;
    }
    if (cur === t && t.parentCode?.toUpperCase() !== t.code.toUpperCase()) {
      issues.push({
        row: t.row,
        field: 'parentCode',
        column: label('parentCode'),
        key: 'import_parent_cycle',
        params: { value: t.parentCode ?? '' },
      });
    }
  }
}

export function orderParentsFirst(planned: PlannedTask[]): PlannedTask[] {
  const byCode = new Map(planned.map((t) => [t.code.toUpperCase(), t] as const));
  const out: PlannedTask[] = [];
  const done = new Set<PlannedTask>();
  const visit = (t: PlannedTask) => {
    if (done.has(t)) return;
    done.add(t);
    const parent = t.parentCode ? byCode.get(t.parentCode.toUpperCase()) : undefined;
    if (parent) visit(parent);
    out.push(t);
  };
  planned.forEach(visit);
  return out;
}
