import { assignmentRoutes, type Assignment, type OrgUnit } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { SubmitFooter, useSubmit } from '../../ui/useSubmit.tsx';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';

/**
 * Cascade an assignment to units below (a province to its communes): every commune, or chosen ones, with a
 * deadline no later than the assignment's own (the server refuses a later one).
 */
export function CascadeForm({ assignment }: { assignment: Assignment }) {
  const t = useT();
  const [lang] = useLang();
  const queryClient = useQueryClient();
  const own = assignment.effectiveDeadline ?? assignment.deadline;
  const [all, setAll] = useState(false);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [deadline, setDeadline] = useState(own ?? '');
  const submission = useSubmit();
  const { errors } = submission;

  const check = () => {
    const local: Record<string, string> = {};
    if (!all && units.length === 0) local.unitIds = t('tasks.errUnits');
    if (own && deadline && deadline > own)
      local.deadline = t('tasks.errCascadeDeadline', { date: formatDate(lang, own) });
    if (!assignment.isContinuous && !deadline) local.deadline = t('tasks.errDeadline');
    return local;
  };
  const send = async () => {
    const result = await call(assignmentRoutes.cascade, {
      params: { id: assignment.id },
      body: {
        ...(all ? { allChildren: true } : { unitIds: units.map((u) => u.id) }),
        deadline: deadline || null,
      },
    });
    setUnits([]);
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    return t('tasks.cascadeDone', { created: result.created, skipped: result.skipped });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submission.submit(check, send);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="cascade-form" aria-labelledby="cascade-title">
      <h2 id="cascade-title">{t('tasks.cascadeTitle')}</h2>
      <p className="muted small">{t('tasks.cascadeIntro')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {t('tasks.cascadeAll')}
      </label>
      {!all && (
        <>
          <OrgUnitPicker
            label={t('tasks.cascadeAdd')}
            kind="commune"
            value={null}
            error={errors.unitIds}
            onChange={(u) => u && !units.some((x) => x.id === u.id) && setUnits([...units, u])}
          />
          {units.length > 0 && (
            <ul className="tags" aria-label={t('tasks.cascadeChosen')}>
              {units.map((u) => (
                <li key={u.id} className="tag">
                  {u.name}{' '}
                  <button
                    type="button"
                    className="tag-remove"
                    aria-label={t('tasks.removeUnit', { name: u.name })}
                    onClick={() => setUnits(units.filter((x) => x.id !== u.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <DateInput
        label={t('tasks.deadline')}
        hint={own ? t('tasks.cascadeDeadlineHint', { date: formatDate(lang, own) }) : undefined}

        max={own ?? undefined}
        value={deadline}
        error={errors.deadline}
        onChange={(v) => setDeadline(v)}
      />
      <SubmitFooter state={submission} label={t('tasks.cascadeSubmit')} />
    </form>
  );
}
