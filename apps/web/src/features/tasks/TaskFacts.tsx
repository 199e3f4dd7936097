import type { Task } from '@pilotage/contracts';
import type { ReactNode } from 'react';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { ProgressValue, StatusBadge } from './StatusBadge.tsx';
import { useUnitName } from '../org/org.ts';

/** The description list of a task: status, category, units, dates, product, source. */
export function TaskFacts({ task }: { task: Task }) {
  const nameOf = useUnitName();
  const t = useT();
  const [lang] = useLang();
  const fact = (label: string, value: ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="facts facts-aligned" data-testid="task-facts">
      {fact(t('common.status'), <StatusBadge status={task.status} atRisk={task.atRisk} />)}
      {fact(t('tasks.progress'), <ProgressValue value={task.progress} />)}
      {fact(t('tasks.category'), t(`tasks.category.${task.category}`))}
      {fact(t('tasks.leadUnit'), nameOf(task.leadUnit))}
      {task.coordinatingUnits.length > 0 &&
        fact(t('tasks.coordinating'), task.coordinatingUnits.map((u) => u.name).join(', '))}
      {fact(t('tasks.startDate'), formatDate(lang, task.startDate))}
      {fact(t('tasks.deadline'), <DeadlineText deadline={task.deadline} isContinuous={task.isContinuous} />)}
      {task.isContinuous &&
        task.reportingFrequency &&
        fact(t('tasks.frequency'), t(`programme.frequency.${task.reportingFrequency}`))}
      {fact(t('tasks.priority'), t(`tasks.priority.${task.priority}`))}
      {task.expectedProduct && fact(t('tasks.expectedProduct'), task.expectedProduct)}
      {task.sourceClause && fact(t('tasks.sourceClause'), task.sourceClause)}
    </dl>
  );
}
