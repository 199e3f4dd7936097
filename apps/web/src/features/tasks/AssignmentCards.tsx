import type { Assignment } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { AwaitingReview, ReportingTodo } from './AssignmentReporting.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { ProgressValue, StatusBadge } from './StatusBadge.tsx';
import { daysFromToday } from './tasks.ts';
import { useUnitName } from '../org/org.ts';

/** The unit's own assignments as cards (phones first): task, deadline and days left, status, report button. */
export function AssignmentCards({ items, label }: { items: Assignment[]; label: string }) {
  const nameOf = useUnitName();
  const t = useT();
  return (
    <ul className="card-list assignment-cards" aria-label={label} data-testid="my-assignments">
      {items.map((a) => {
        const deadline = a.effectiveDeadline ?? a.deadline;
        const days = deadline && !a.completedOn ? daysFromToday(deadline) : null;
        const done = a.status === 'done_on_time' || a.status === 'done_late';
        return (
          <li
            key={a.id}
            className="card assignment-card"
            data-assignment-id={a.id}
            data-task-code={a.taskCode}
          >
            <h3 className="assignment-card-title">
              <Link to={`/assignments/${a.id}`}>
                <span className="title-code">{a.taskCode}</span> {a.taskTitle}
              </Link>
            </h3>
            <p className="assignment-card-meta">
              <span>
                {t('tasks.deadline')}:{' '}
                <DeadlineText
                  deadline={deadline}
                  originalDeadline={a.originalDeadline}
                  deadlineUsed={a.deadlineUsed}
                  isContinuous={a.isContinuous}
                />
              </span>
              {days !== null && !done && (
                <span className={days < 0 ? 'text-danger' : days <= 7 ? 'text-warning' : 'muted'}>
                  {days < 0
                    ? t('tasks.daysLate', { days: -days })
                    : days === 0
                      ? t('tasks.dueToday')
                      : t('tasks.daysLeft', { days })}
                </span>
              )}
            </p>
            <div className="assignment-card-status">
              <StatusBadge status={a.status} atRisk={a.atRisk} />
              <ProgressValue value={a.progress} />
            </div>
            <AwaitingReview assignment={a} />
            <ReportingTodo assignment={a} canReport />
            {a.parentAssignmentId && (
              <p className="muted small">{t('tasks.cascadedBy', { unit: nameOf(a.assignedByUnit) })}</p>
            )}
            {(!done || a.isContinuous) && (
              <p className="assignment-card-actions">
                <Link
                  className="button button-primary"
                  to={`/assignments/${a.id}/report`}
                  aria-label={`${t('report.write')}: ${a.taskCode}`}
                >
                  {t('report.write')}
                </Link>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
