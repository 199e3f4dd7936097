import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ReviewReport } from '@pilotage/contracts';
import { addTableSheet, commitSheet, workbookStream } from './files.ts';
import { STATUSES, type ReviewLabels } from './review.labels.ts';

type TaskRow = ReviewReport['sections']['done'][number];

/** The review report as a workbook (streamed): one sheet per section, ready for filtering and re-use. */
export function reviewXlsx(r: ReviewReport, l: ReviewLabels): Readable {
  return workbookStream((wb) => writeReview(wb, r, l));
}

function writeReview(wb: ExcelJS.Workbook, r: ReviewReport, l: ReviewLabels): void {
  const total = r.totals.total;

  const overview = wb.addWorksheet(sheetName(l.sheetOverview));
  overview.columns = [{ width: 36 }, { width: 16 }, { width: 12 }];
  overview.addRow([l.title]).font = { bold: true, size: 13 };
  overview.addRow([`${l.programme}: ${r.programme.code} — ${r.programme.title}`]);
  overview.addRow([`${l.asOf}: ${l.date(r.asOf)}`]);
  overview.addRow([r.totals.headline]).font = { bold: true };
  overview.addRow([]);
  overview.addRow([l.status, l.count, l.share]).font = { bold: true };
  for (const s of STATUSES)
    overview.addRow([l.statusLabel(s), r.totals.byStatus[s], l.percent(r.totals.byStatus[s], total)]);
  overview.addRow([l.total, total, l.percent(1, 1)]).font = { bold: true };
  overview.addRow([l.atRisk, r.totals.atRisk, l.percent(r.totals.atRisk, total)]);
  commitSheet(overview);

  addTableSheet(
    wb,
    sheetName(l.sheetByUnit),
    [
      { header: l.unit, width: 36, value: (u: ReviewReport['byUnit'][number]) => u.unitName },
      { header: l.assignments, width: 12, value: (u) => u.total },
      ...STATUSES.map((s) => ({
        header: l.statusLabel(s),
        width: 14,
        value: (u: ReviewReport['byUnit'][number]) => u.byStatus[s],
      })),
      { header: l.atRisk, width: 12, value: (u) => u.atRisk },
    ],
    r.byUnit,
  );

  const taskColumns = [
    { header: l.code, width: 10, value: (x: TaskRow) => x.code },
    { header: l.task, width: 50, value: (x: TaskRow) => x.title },
    { header: l.lead, width: 30, value: (x: TaskRow) => x.leadUnit.name },
    {
      header: l.deadline,
      width: 12,
      value: (x: TaskRow) => (x.isContinuous ? l.continuous : l.date(x.deadline)),
    },
    { header: l.status, width: 26, value: (x: TaskRow) => l.statusLabel(x.status) },
    { header: l.progress, width: 10, value: (x: TaskRow) => x.progress },
    { header: l.completedOn, width: 14, value: (x: TaskRow) => l.date(x.completedOn) },
    { header: l.product, width: 24, value: (x: TaskRow) => x.product },
  ];
  addTableSheet(wb, sheetName(l.sheetDone), taskColumns, r.sections.done);
  addTableSheet(wb, sheetName(l.sheetNotDone), taskColumns, r.sections.notDone);
  addTableSheet(
    wb,
    sheetName(l.sheetWhy),
    [
      { header: l.code, width: 10, value: (x: ReviewReport['sections']['why'][number]) => x.taskCode },
      { header: l.task, width: 40, value: (x) => x.taskTitle },
      { header: l.unit, width: 28, value: (x) => x.unit.name },
      { header: l.period, width: 10, value: (x) => x.period },
      { header: l.difficultiesText, width: 50, value: (x) => x.difficulties },
      { header: l.proposals, width: 50, value: (x) => x.proposals },
    ],
    r.sections.why,
  );
  addTableSheet(
    wb,
    sheetName(l.sheetOverdue),
    [
      { header: l.code, width: 10, value: (x: ReviewReport['overdue'][number]) => x.taskCode },
      { header: l.task, width: 40, value: (x) => x.taskTitle },
      { header: l.unit, width: 28, value: (x) => x.unit.name },
      { header: l.leader, width: 24, value: (x) => x.responsibleLeader },
      { header: l.deadline, width: 12, value: (x) => (x.deadline ? l.date(x.deadline) : l.continuous) },
      { header: l.daysOverdue, width: 10, value: (x) => x.daysOverdue },
      { header: l.progress, width: 10, value: (x) => x.progress },
    ],
    r.overdue,
  );
  addTableSheet(
    wb,
    sheetName(l.sheetMissing),
    [
      {
        header: l.unitCode,
        width: 12,
        value: (x: ReviewReport['missingReports']['units'][number]) => x.unit.code,
      },
      { header: l.unit, width: 36, value: (x) => x.unit.name },
      { header: l.expected, width: 12, value: (x) => x.expected },
      { header: l.received, width: 12, value: (x) => x.received },
    ],
    r.missingReports.units,
    {
      note: r.missingReports.period
        ? `${l.period}: ${r.missingReports.period} (${l.dueOn} ${l.date(r.missingReports.dueOn)})`
        : l.noPeriod,
    },
  );
  addTableSheet(
    wb,
    sheetName(l.sheetDifficulties),
    [
      {
        header: l.phrase,
        width: 36,
        value: (x: ReviewReport['difficulties']['phrases'][number]) => x.phrase,
      },
      { header: l.reports, width: 14, value: (x) => x.reports },
      { header: l.units, width: 14, value: (x) => x.units },
    ],
    r.difficulties.phrases,
  );
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ] (the labels are written to fit). */
export function sheetName(title: string): string {
  if (title.length > 31 || /[:\\/?*[\]]/.test(title)) throw new Error(`not a sheet name: ${title}`);
  return title;
}
