import type { OverdueCarrier } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { shortDate } from '../../ui/charts/dataset.ts';
import { useUnitName } from '../org/org.ts';

/**
 * Overdue work, most days overdue first: days overdue, the task, the unit and its responsible leader, the
 * deadline. Each row opens the assignment as of the same date.
 */
export function OverdueList({ items, asOf }: { items: OverdueCarrier[]; asOf: string }) {
  const t = useT();
  const nameOf = useUnitName();
  const caption = t('overview.overdueCaption');
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table-stack overdue-table" data-testid="overdue-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('overview.daysOverdue')}
            </th>
            <th scope="col">{t('tasks.task')}</th>
            <th scope="col">{t('common.unit')}</th>
            <th scope="col">{t('overview.leader')}</th>
            <th scope="col">{t('tasks.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.assignmentId}>
              <td className="num overdue-days" data-label={t('overview.daysOverdue')}>
                <span className="text-danger">{t('overview.days', { days: o.daysOverdue })}</span>
              </td>
              <td data-label={t('tasks.task')}>
                <Link to={`/assignments/${o.assignmentId}?asOf=${asOf}`}>
                  <span className="nowrap">{o.taskCode}</span> {o.taskTitle}
                </Link>
              </td>
              <td data-label={t('common.unit')}>{nameOf(o.unit)}</td>
              <td data-label={t('overview.leader')}>
                {o.leader ?? <span className="muted">{t('overview.noLeader')}</span>}
              </td>
              <td className="nowrap" data-label={t('tasks.deadline')}>
                {o.deadline ? shortDate(o.deadline) : t('tasks.continuous')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
