import { TASK_CATEGORIES, type OrgUnit, type Programme } from '@pilotage/contracts';
import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { TextField } from '../../ui/Field.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { STATUS_ORDER } from './tasks.ts';

export interface TaskFilterValues {
  programmeId: string;
  status: string;
  unitId: string;
  category: string;
  q: string;
  deadlineFrom: string;
  deadlineTo: string;
  asOf: string;
}

interface Props {
  values: TaskFilterValues;
  programmes: Programme[];
  unit: OrgUnit | null;
  onChange: (patch: Partial<TaskFilterValues>) => void;
  onReset: () => void;
}

/** The task list's filters; every change applies at once (text after a short pause) and lands in the URL. */
export function TaskFilters({ values, programmes, unit, onChange, onReset }: Props) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(values.q);
  const q = useDebounced(text.trim(), 300);
  useEffect(() => {
    if (q !== values.q) onChange({ q });
    // values.q follows the URL; only the debounced typing drives this effect
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const select = (
    name: keyof TaskFilterValues,
    label: string,
    options: { value: string; label: string }[],
    all = true,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        value={values[name]}
        onChange={(e) => onChange({ [name]: e.target.value })}
      >
        {all && <option value="">{t('common.all')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('tasks.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <TextField
        label={t('tasks.search')}
        hint={t('tasks.searchHint')}
        type="search"
        name="q"
        className="field-wide"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {programmes.length > 1 &&
        select(
          'programmeId',
          t('programme.label'),
          programmes.map((p) => ({ value: p.id, label: p.code })),
        )}
      {select('status', t('common.status'), [
        ...STATUS_ORDER.map((s) => ({ value: s, label: t(`tasks.status.${s}`) })),
        { value: 'at_risk', label: t('tasks.atRisk') },
      ])}
      {select(
        'category',
        t('tasks.category'),
        TASK_CATEGORIES.map((c) => ({ value: c, label: t(`tasks.category.${c}`) })),
      )}
      <OrgUnitPicker
        label={t('tasks.unit')}
        value={unit}
        onChange={(u) => onChange({ unitId: u?.id ?? '' })}
      />
      <DateInput
        label={t('tasks.deadlineFrom')}

        value={values.deadlineFrom}
        onChange={(v) => onChange({ deadlineFrom: v })}
      />
      <DateInput
        label={t('tasks.deadlineTo')}

        value={values.deadlineTo}
        onChange={(v) => onChange({ deadlineTo: v })}
      />
      <DateInput
        label={t('tasks.asOf')}

        value={values.asOf}
        onChange={(v) => onChange({ asOf: v })}
      />
      <div className="filters-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setText('');
            onReset();
          }}
        >
          {t('common.reset')}
        </button>
      </div>
    </form>
  );
}
