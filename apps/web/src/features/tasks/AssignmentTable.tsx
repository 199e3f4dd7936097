import type { Assignment } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { formatPeriod } from '../reports/period.ts';
import { withAsOf } from './as-of.ts';
import { AwaitingReview } from './AssignmentReporting.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { ProgressValue, StatusBadge } from './StatusBadge.tsx';
import { useUnitName } from '../org/org.ts';

/** Assignments with unit, deadline (in force / original), progress, status and cascade children. */
export function AssignmentTable({
  items,
  caption,
  showAssigner = true,
  asOf,
}: {
  items: Assignment[];
  caption: string;
  /** The date of the figures, carried on the links (issue 8, bug 3). */
  asOf?: string | undefined;
  /** Say who cascaded a row (off under the parent assignment, where it is always the same unit). */
  showAssigner?: boolean;
}) {
  const nameOf = useUnitName();
  const t = useT();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table-stack" data-testid="assignment-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tasks.assignedUnit')}</th>
            <th scope="col">{t('tasks.deadline')}</th>
            <th scope="col">{t('tasks.progress')}</th>
            <th scope="col" className="col-status">
              {t('common.status')}
            </th>
            <th scope="col">{t('tasks.cascaded')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-unit={a.unit.code} data-assignment-id={a.id}>
              <td data-label={t('tasks.assignedUnit')}>
                <span>
                  <Link to={withAsOf(`/assignments/${a.id}`, asOf)}>{nameOf(a.unit)}</Link>
                  {showAssigner && a.parentAssignmentId && (
                    <span className="muted small block">
                      {t('tasks.cascadedBy', { unit: nameOf(a.assignedByUnit) })}
                    </span>
                  )}
                </span>
              </td>
              <td className="nowrap" data-label={t('tasks.deadline')}>
                <DeadlineText
                  deadline={a.effectiveDeadline ?? a.deadline}
                  originalDeadline={a.originalDeadline}
                  deadlineUsed={a.deadlineUsed}
                  isContinuous={a.isContinuous}
                />
              </td>
              <td data-label={t('tasks.progress')}>
                <ProgressValue value={a.progress} />
                <AwaitingReview assignment={a} asOf={asOf} />
              </td>
              <td className="col-status" data-label={t('common.status')}>
                <StatusBadge status={a.status} atRisk={a.atRisk} />
                {a.isContinuous && a.status === 'overdue' && a.judgedPeriod && (
                  <span className="muted small block">
                    {t('reporting.reason.noReport', { period: formatPeriod(t, a.judgedPeriod) })}
                  </span>
                )}
              </td>
              <td data-label={t('tasks.cascaded')}>{a.childCount > 0 ? a.childCount : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
