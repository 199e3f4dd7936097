import type { ReviewReport } from '@pilotage/contracts';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { formatPeriod } from '../reports/period.ts';
import { DeadlineText } from '../tasks/DeadlineText.tsx';
import { ProgressValue, StatusBadge } from '../tasks/StatusBadge.tsx';
import { useAsOf, withAsOf } from '../tasks/as-of.ts';
import { useUnitName } from '../org/org.ts';

/** Rows shown before "show all" in each section. */
const SHOWN = 10;

/** A titled table in a scrollable region (rows become cards on phones); long ones open on demand. */
function Table<T>(props: {
  id: string;
  title: string;
  head: string[];
  rows: T[];
  row: (r: T, i: number) => ReactNode;
}) {
  const { id, title, head, rows, row } = props;
  const t = useT();
  const [lang] = useLang();
  const [all, setAll] = useState(false);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">({formatNumber(lang, rows.length)})</span>
      </h2>
      {rows.length === 0 ? (
        <p>{t('common.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
          <table className="table table-stack">
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{(all ? rows : rows.slice(0, SHOWN)).map(row)}</tbody>
          </table>
        </div>
      )}
      {rows.length > SHOWN && (
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? t('programme.showFewer', { count: SHOWN }) : t('programme.showAll', { count: rows.length })}
        </button>
      )}
    </section>
  );
}

export function ReviewOverdue({ report }: { report: ReviewReport }) {
  const asOf = useAsOf();
  const nameOf = useUnitName();
  const t = useT();
  const head = [
    t('tasks.task'),
    t('tasks.assignedUnit'),
    t('tasks.responsibleLeader'),
    t('tasks.deadline'),
    t('programme.daysOverdue'),
    t('tasks.progress'),
  ];
  return (
    <Table
      id="review-overdue"
      title={t('programme.overdueUnits')}
      rows={report.overdue}
      head={head}
      row={(r) => (
        <tr key={r.assignmentId}>
          <td data-label={head[0]}>
            <Link to={withAsOf(`/assignments/${r.assignmentId}`, asOf)}>
              <span className="title-code">{r.taskCode}</span> {r.taskTitle}
            </Link>
          </td>
          <td data-label={head[1]}>{nameOf(r.unit)}</td>
          <td data-label={head[2]}>{r.responsibleLeader ?? '—'}</td>
          <td data-label={head[3]} className="nowrap">
            <DeadlineText deadline={r.deadline} />
          </td>
          <td data-label={head[4]}>{r.daysOverdue}</td>
          <td data-label={head[5]}>
            <ProgressValue value={r.progress} />
          </td>
        </tr>
      )}
    />
  );
}

export function ReviewMissing({ report }: { report: ReviewReport }) {
  const nameOf = useUnitName();
  const t = useT();
  const [lang] = useLang();
  const m = report.missingReports;
  const head = [t('common.unit'), t('programme.expected'), t('programme.received')];
  return (
    <>
      {m.period && m.dueOn && (
        <p className="muted">
          {t('programme.missingFor', {
            period: formatPeriod(t, m.period),
            due: formatDate(lang, m.dueOn),
            missing: m.units.length,
            expected: m.expectedUnits,
          })}
        </p>
      )}
      <Table
        id="review-missing"
        title={t('programme.missingUnits')}
        rows={m.units}
        head={head}
        row={(r) => (
          <tr key={r.unit.id}>
            <td data-label={head[0]}>{nameOf(r.unit)}</td>
            <td data-label={head[1]}>{formatNumber(lang, r.expected)}</td>
            <td data-label={head[2]}>{formatNumber(lang, r.received)}</td>
          </tr>
        )}
      />
    </>
  );
}

export function ReviewDifficulties({ report }: { report: ReviewReport }) {
  const t = useT();
  const head = [t('programme.phrase'), t('programme.reports'), t('programme.units')];
  return (
    <Table
      id="review-difficulties"
      title={t('programme.difficulties')}
      rows={report.difficulties.phrases}
      head={head}
      row={(p) => (
        <tr key={p.key}>
          <td data-label={head[0]}>{p.phrase}</td>
          <td data-label={head[1]}>{p.reports}</td>
          <td data-label={head[2]}>{p.units}</td>
        </tr>
      )}
    />
  );
}

export function ReviewTasks({
  rows,
  id,
  title,
}: {
  rows: ReviewReport['sections']['done'];
  id: string;
  title: string;
}) {
  const asOf = useAsOf();
  const nameOf = useUnitName();
  const t = useT();
  const [lang] = useLang();
  const head = [
    t('tasks.task'),
    t('tasks.leadUnit'),
    t('tasks.deadline'),
    t('common.status'),
    t('programme.result'),
  ];
  return (
    <Table
      id={id}
      title={title}
      rows={rows}
      head={head}
      row={(r) => (
        <tr key={r.taskId}>
          <td data-label={head[0]}>
            <Link to={withAsOf(`/tasks/${r.taskId}`, asOf)}>
              <span className="title-code">{r.code}</span> {r.title}
            </Link>
          </td>
          <td data-label={head[1]}>{nameOf(r.leadUnit)}</td>
          <td data-label={head[2]} className="nowrap">
            <DeadlineText deadline={r.deadline} isContinuous={r.isContinuous} />
          </td>
          <td data-label={head[3]}>
            <StatusBadge status={r.status} />
          </td>
          <td data-label={head[4]}>
            {r.completedOn ? (
              `${formatDate(lang, r.completedOn)}${r.product ? ` · ${r.product}` : ''}`
            ) : (
              <ProgressValue value={r.progress} />
            )}
          </td>
        </tr>
      )}
    />
  );
}

export function ReviewWhy({ report }: { report: ReviewReport }) {
  const nameOf = useUnitName();
  const t = useT();
  const head = [
    t('tasks.task'),
    t('common.unit'),
    t('report.period'),
    t('report.difficulties'),
    t('report.proposals'),
  ];
  return (
    <Table
      id="review-why"
      title={t('programme.why')}
      rows={report.sections.why}
      head={head}
      row={(r, i) => (
        <tr key={i}>
          <td data-label={head[0]}>
            <span className="title-code">{r.taskCode}</span> {r.taskTitle}
          </td>
          <td data-label={head[1]}>{nameOf(r.unit)}</td>
          <td data-label={head[2]}>{formatPeriod(t, r.period)}</td>
          <td data-label={head[3]} className="prewrap">
            {r.difficulties ?? '—'}
          </td>
          <td data-label={head[4]} className="prewrap">
            {r.proposals ?? '—'}
          </td>
        </tr>
      )}
    />
  );
}
