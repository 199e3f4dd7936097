import { assignmentRoutes, type Assignment, type OrgUnit } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../../api/client.ts';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setFailure(null);
    const local: Record<string, string> = {};
    if (!all && units.length === 0) local.unitIds = t('tasks.errUnits');
    if (own && deadline && deadline > own)
      local.deadline = t('tasks.errCascadeDeadline', { date: formatDate(lang, own) });
    if (!assignment.isContinuous && !deadline) local.deadline = t('tasks.errDeadline');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const result = await call(assignmentRoutes.cascade, {
        params: { id: assignment.id },
        body: {
          ...(all ? { allChildren: true } : { unitIds: units.map((u) => u.id) }),
          deadline: deadline || null,
        },
      });
      setDone(t('tasks.cascadeDone', { created: result.created, skipped: result.skipped }));
      setUnits([]);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="cascade-form"
      aria-labelledby="cascade-title"
    >
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
      <TextField
        label={t('tasks.deadline')}
        hint={own ? t('tasks.cascadeDeadlineHint', { date: formatDate(lang, own) }) : undefined}
        type="date"
        max={own ?? undefined}
        value={deadline}
        error={errors.deadline}
        onChange={(e) => setDeadline(e.target.value)}
      />
      <ErrorNotice error={failure} />
      <SuccessNotice>{done}</SuccessNotice>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('tasks.cascadeSubmit')}
      </button>
    </form>
  );
}
