import type { Task } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { ProgressValue, StatusBadge } from './StatusBadge.tsx';
import { useUnitName } from '../org/org.ts';

/** Tasks as a table (code, title, lead unit, deadline, progress, status); each title opens the task. */
export function TaskTable({
  tasks,
  caption,
  asOf,
}: {
  tasks: Task[];
  caption: string;
  asOf?: string | undefined;
}) {
  const nameOf = useUnitName();
  const t = useT();
  const suffix = asOf ? `?asOf=${asOf}` : '';
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table-stack" data-testid="task-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tasks.code')}</th>
            <th scope="col">{t('tasks.task')}</th>
            <th scope="col">{t('tasks.leadUnit')}</th>
            <th scope="col">{t('tasks.deadline')}</th>
            <th scope="col">{t('tasks.progress')}</th>
            <th scope="col" className="col-status">
              {t('common.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td className="nowrap" data-label={t('tasks.code')}>
                {task.code}
              </td>
              <td data-label={t('tasks.task')}>
                <Link to={`/tasks/${task.id}${suffix}`}>{task.title}</Link>
              </td>
              <td data-label={t('tasks.leadUnit')}>{nameOf(task.leadUnit)}</td>
              <td className="nowrap" data-label={t('tasks.deadline')}>
                <DeadlineText deadline={task.deadline} isContinuous={task.isContinuous} />
              </td>
              <td data-label={t('tasks.progress')}>
                <ProgressValue value={task.progress} />
              </td>
              <td className="col-status" data-label={t('common.status')}>
                <StatusBadge status={task.status} atRisk={task.atRisk} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
