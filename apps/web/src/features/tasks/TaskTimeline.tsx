import type { Assignment } from '@pilotage/contracts';
import { useId, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { AssignmentTimeline } from '../reports/AssignmentTimeline.tsx';
import { useUnitName } from '../org/org.ts';

/**
 * The task's timeline of reports and status changes, one assigned unit at a time (the timeline is kept per
 * assignment): the first listed unit by default, any other from the list.
 */
export function TaskTimeline({ assignments }: { assignments: Assignment[] }) {
  const nameOf = useUnitName();
  const t = useT();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const current = assignments.find((a) => a.id === chosen) ?? assignments[0];
  if (!current) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="task-timeline">
      <h2 id={`${id}-title`}>{t('tasks.timelineTitle')}</h2>
      {assignments.length > 1 && (
        <div className="field field-inline">
          <label htmlFor={`${id}-unit`}>{t('tasks.timelineUnit')}</label>
          <select id={`${id}-unit`} value={current.id} onChange={(e) => setChosen(e.target.value)}>
            {assignments.map((a) => (
              <option key={a.id} value={a.id}>
                {nameOf(a.unit)}
              </option>
            ))}
          </select>
        </div>
      )}
      <AssignmentTimeline assignmentId={current.id} headingLevel={3} title={nameOf(current.unit)} />
    </section>
  );
}
