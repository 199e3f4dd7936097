import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReviewReport } from '@pilotage/contracts';
import { STATUSES, type ReviewLabels } from './review.labels.ts';

/**
 * The printable review report: a Word document in the layout of Vietnamese administrative documents
 * (A4, Times New Roman 13 pt, margins per Decree 30/2020/NĐ-CP). Word, LibreOffice and WPS render the
 * Vietnamese text with the reader's installed Times New Roman, which carries every Vietnamese glyph.
 */

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const PRINTABLE = Math.floor((210 - 30 - 15) * MM); // A4 width minus the left and right margins

type Cell = string | number | null | undefined;

const text = (value: Cell, bold = false) =>
  new TextRun({ text: value === null || value === undefined ? '' : String(value), bold, font: FONT });

/** A table over the printable width; `weights` are the relative column widths. */
function table(headers: string[], rows: Cell[][], weights: number[] = headers.map(() => 1)): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * PRINTABLE));
  const cell = (children: Paragraph[], i: number) =>
    new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children });
  const head = new TableRow({
    tableHeader: true,
    children: headers.map((h, i) =>
      cell([new Paragraph({ children: [text(h, true)], alignment: AlignmentType.CENTER })], i),
    ),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((v, i) =>
          cell(
            [
              new Paragraph({
                children: [text(v)],
                alignment: typeof v === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
              }),
            ],
            i,
          ),
        ),
      }),
  );
  return new Table({
    width: { size: PRINTABLE, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [head, ...body],
  });
}

const heading = (value: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text: value, bold: true, font: FONT, size: 26, color: '000000' })],
  });
const para = (value: string, opts: { bold?: boolean; italics?: boolean; center?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    children: [
      new TextRun({ text: value, bold: opts.bold ?? false, italics: opts.italics ?? false, font: FONT }),
    ],
  });
const noneOr = (l: ReviewLabels, rows: unknown[], build: () => Table) =>
  rows.length ? build() : para(l.none, { italics: true });

export async function reviewDocx(r: ReviewReport, l: ReviewLabels): Promise<Buffer> {
  const total = r.totals.total;
  const taskTable = (rows: ReviewReport['sections']['done']) =>
    table(
      [l.code, l.task, l.lead, l.deadline, l.status, l.progress],
      rows.map((x) => [
        x.code,
        x.title + (x.product ? ` — ${l.product}: ${x.product}` : ''),
        x.leadUnit.name,
        x.isContinuous ? l.continuous : l.date(x.deadline),
        l.statusLabel(x.status),
        x.progress,
      ]),
      [1.2, 5, 3, 1.9, 2.4, 1.2],
    );
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: l.title, bold: true, font: FONT, size: 28 })],
    }),
    para(`${l.programme}: ${r.programme.code} — ${r.programme.title}`, { center: true, bold: true }),
    para(`${l.asOf}: ${l.date(r.asOf)}`, { center: true, italics: true }),

    heading(l.overview),
    para(r.totals.headline, { bold: true }),
    table(
      [l.status, l.count, l.share],
      [
        ...STATUSES.map((s) => [
          l.statusLabel(s),
          r.totals.byStatus[s],
          l.percent(r.totals.byStatus[s], total),
        ]),
        [l.total, total, l.percent(1, 1)],
        [l.atRisk, r.totals.atRisk, l.percent(r.totals.atRisk, total)],
      ],
      [5, 2, 2],
    ),

    heading(l.byUnit),
    noneOr(l, r.byUnit, () =>
      table(
        [l.unit, l.assignments, ...STATUSES.map((s) => l.statusLabel(s))],
        r.byUnit.map((u) => [u.unitName, u.total, ...STATUSES.map((s) => u.byStatus[s])]),
        [4, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5],
      ),
    ),

    heading(l.done),
    noneOr(l, r.sections.done, () => taskTable(r.sections.done)),
    heading(l.notDone),
    noneOr(l, r.sections.notDone, () => taskTable(r.sections.notDone)),

    heading(l.why),
    para(`${l.difficulties} (${l.reportsRead}: ${r.difficulties.reportsRead})`, { bold: true }),
    noneOr(l, r.difficulties.phrases, () =>
      table(
        [l.phrase, l.reports, l.units],
        r.difficulties.phrases.map((p) => [p.phrase, p.reports, p.units]),
        [5, 1.5, 1.5],
      ),
    ),
    ...r.sections.why.flatMap((w) => [
      para(`${w.taskCode} — ${w.taskTitle} (${w.unit.name}, ${l.period} ${w.period})`, { bold: true }),
      ...(w.difficulties ? [para(`${l.difficultiesText}: ${w.difficulties}`)] : []),
      ...(w.proposals ? [para(`${l.proposals}: ${w.proposals}`)] : []),
    ]),

    heading(l.overdue),
    noneOr(l, r.overdue, () =>
      table(
        [l.code, l.task, l.unit, l.leader, l.deadline, l.daysOverdue],
        r.overdue.map((o) => [
          o.taskCode,
          o.taskTitle,
          o.unit.name,
          o.responsibleLeader,
          o.deadline ? l.date(o.deadline) : l.continuous,
          o.daysOverdue,
        ]),
        [1.2, 4, 2.5, 2.5, 1.9, 1.3],
      ),
    ),

    heading(l.missing),
    para(
      r.missingReports.period
        ? `${l.period}: ${r.missingReports.period} — ${l.dueOn}: ${l.date(r.missingReports.dueOn)}`
        : l.noPeriod,
      { italics: true },
    ),
    noneOr(l, r.missingReports.units, () =>
      table(
        [l.unitCode, l.unit, l.expected, l.received],
        r.missingReports.units.map((m) => [m.unit.code, m.unit.name, m.expected, m.received]),
        [1.5, 4, 1.5, 1.5],
      ),
    ),
  ];

  const doc = new Document({
    creator: 'Pilotage',
    title: `${l.title} — ${r.programme.code} — ${r.asOf}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 20 }),
                  new TextRun({ text: ` — ${l.generated}`, font: FONT, size: 20, italics: true }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
