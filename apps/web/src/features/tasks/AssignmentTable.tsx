import type { Assignment } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { ProgressValue, StatusBadge } from './StatusBadge.tsx';

interface Props {
  items: Assignment[];
  caption: string;
  /** Show the task column (lists across tasks) rather than only the unit. */
  showTask?: boolean;
}

/** Assignments with unit, deadline (in force / original), progress, status and cascade children. */
export function AssignmentTable({ items, caption, showTask = false }: Props) {
  const t = useT();
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table" data-testid="assignment-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showTask && <th scope="col">{t('tasks.task')}</th>}
            <th scope="col">{t('tasks.assignedUnit')}</th>
            <th scope="col">{t('tasks.deadline')}</th>
            <th scope="col">{t('tasks.progress')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col" className="num">
              {t('tasks.cascaded')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-unit={a.unit.code}>
              {showTask && (
                <td>
                  <span className="nowrap">{a.taskCode}</span> {a.taskTitle}
                </td>
              )}
              <td>
                <Link to={`/assignments/${a.id}`}>{a.unit.name}</Link>
                {a.parentAssignmentId && (
                  <span className="muted small block">{t('tasks.cascadedBy', { unit: a.assignedByUnit.name })}</span>
                )}
              </td>
              <td className="nowrap">
                <DeadlineText
                  deadline={a.effectiveDeadline ?? a.deadline}
                  originalDeadline={a.originalDeadline}
                  deadlineUsed={a.deadlineUsed}
                  isContinuous={a.isContinuous}
                />
              </td>
              <td>
                <ProgressValue value={a.progress} />
              </td>
              <td>
                <StatusBadge status={a.status} atRisk={a.atRisk} />
              </td>
              <td className="num">{a.childCount > 0 ? a.childCount : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
