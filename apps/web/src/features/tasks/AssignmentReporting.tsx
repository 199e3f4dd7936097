import type { Assignment, reportRoutes, RouteOutput } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { formatPeriod } from '../reports/period.ts';
import { todayIso } from './tasks.ts';
import './reporting.css';

type Period = RouteOutput<typeof reportRoutes.listForAssignment>['periods'][number];

const formPath = (id: string, period?: string) =>
  `/assignments/${id}/report${period ? `?period=${encodeURIComponent(period)}` : ''}`;

/** The report awaiting review, shown apart from the accepted progress (ADR 0013). */
export function AwaitingReview({
  assignment: a,
  asOf,
}: {
  assignment: Assignment;
  asOf?: string | undefined;
}) {
  const t = useT();
  const w = a.reporting.awaitingReview;
  if (!w) return null;
  return (
    <span
      className="awaiting-review small block"
      title={t('reporting.awaitingReviewHelp')}
      data-testid="awaiting-review"
    >
      <Link to={`/reports/${w.reportId}${asOf ? `?asOf=${asOf}` : ''}`}>
        {t('reporting.awaitingReview', {
          progress: t('tasks.percent', { value: w.progress }),
          period: formatPeriod(t, w.period),
        })}
      </Link>
    </span>
  );
}

/**
 * What the unit has to do about its reports: missing periods (count, oldest), returned reports, the next
 * report due — each one tap from the report form when the caller writes the unit's reports.
 */
export function ReportingTodo({ assignment: a, canReport }: { assignment: Assignment; canReport: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const r = a.reporting;
  // completed dated work: nothing more to report (past gaps stay visible in the periods table)
  const finished = !a.isContinuous && (a.status === 'done_on_time' || a.status === 'done_late');
  const items: { key: string; text: string; link?: { to: string; label: string }; urgent?: boolean }[] = [];
  if (r.oldestReturned)
    items.push({
      key: 'returned',
      urgent: true,
      text: t('reporting.returned', {
        count: r.returnedCount,
        period: formatPeriod(t, r.oldestReturned.period),
      }),
      link: {
        to: formPath(a.id, r.oldestReturned.period),
        label: t('reporting.fixReturned', { period: formatPeriod(t, r.oldestReturned.period) }),
      },
    });
  if (r.awaitingApproval)
    items.push({
      key: 'approval',
      text: t('reporting.awaitingApproval', { period: formatPeriod(t, r.awaitingApproval.period) }),
      link: {
        to: `/reports/${r.awaitingApproval.reportId}`,
        label: t('reporting.openReport', { period: formatPeriod(t, r.awaitingApproval.period) }),
      },
    });
  if (r.oldestMissing && !finished)
    items.push({
      key: 'missing',
      urgent: true,
      text: t('reporting.missing', {
        count: r.missingCount,
        period: formatPeriod(t, r.oldestMissing.period),
        due: formatDate(lang, r.oldestMissing.dueOn),
      }),
      link: {
        to: formPath(a.id, r.oldestMissing.period),
        label: t('reporting.writeMissing', { period: formatPeriod(t, r.oldestMissing.period) }),
      },
    });
  if (r.nextDue)
    items.push({
      key: 'next',
      text: t('reporting.nextDue', {
        period: formatPeriod(t, r.nextDue.period),
        due: formatDate(lang, r.nextDue.dueOn),
      }),
      ...(r.missingCount === 0
        ? {
            link: {
              to: formPath(a.id, r.nextDue.period),
              label: t('reporting.writeMissing', { period: formatPeriod(t, r.nextDue.period) }),
            },
          }
        : {}),
    });
  if (!items.length) return null;
  return (
    <ul className="reporting-todo" data-testid="reporting-todo">
      {items.map((i) => (
        <li key={i.key} data-kind={i.key} className={i.urgent ? 'text-danger' : undefined}>
          <span>{i.text}</span>
          {canReport && i.link && (
            <>
              {' '}
              <Link to={i.link.to} className="button button-small button-secondary">
                {i.link.label}
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Why the assignment has its status: days past the deadline, or the judged period of continuous work. */
export function StatusReason({
  assignment: a,
  periods,
  asOf,
}: {
  assignment: Assignment;
  periods: readonly Period[] | undefined;
  asOf?: string | undefined;
}) {
  const t = useT();
  const [lang] = useLang();
  const lines: string[] = [];
  if (a.isContinuous && a.judgedPeriod) {
    const due = periods?.find((p) => p.period === a.judgedPeriod)?.dueOn;
    const vars = { period: formatPeriod(t, a.judgedPeriod), due: due ? formatDate(lang, due) : '—' };
    if (a.status === 'overdue') lines.push(t('reporting.reason.continuousMissing', vars));
    if (a.status === 'done_on_time') lines.push(t('reporting.reason.continuousOnTime', vars));
    if (a.status === 'done_late') lines.push(t('reporting.reason.continuousLate', vars));
  }
  if (a.isContinuous && a.progress === 100) lines.push(t('reporting.reason.continuousFull'));
  if (!a.isContinuous && a.status === 'overdue' && a.effectiveDeadline) {
    const days = Math.round(
      (Date.parse(`${asOf ?? todayIso()}T00:00:00Z`) - Date.parse(`${a.effectiveDeadline}T00:00:00Z`)) /
        86_400_000,
    );
    lines.push(t('reporting.reason.overdueDated', { days, deadline: formatDate(lang, a.effectiveDeadline) }));
  }
  if (!lines.length) return null;
  return (
    <p className="status-reason small" data-testid="status-reason">
      {lines.join(' ')}
    </p>
  );
}
