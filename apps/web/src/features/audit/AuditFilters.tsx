import { useState, type FormEvent } from 'react';
import { vi } from '../../i18n/vi.ts';
import { useT } from '../../i18n/index.tsx';
import { TextField } from '../../ui/Field.tsx';

export interface AuditFilterValues {
  action: string;
  entityType: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: '', entityType: '', from: '', to: '' };

/** Actions with a translated label (suggested in the action box; any other code may be typed). */
export const KNOWN_ACTIONS = Object.keys(vi)
  .filter((k) => k.startsWith('audit.act.'))
  .map((k) => k.slice('audit.act.'.length));
const KNOWN_ENTITY_TYPES = ['session', 'user', 'api_key', 'org_unit'];

/** Filter form; values apply on submit (Enter or the Filter button). */
export function AuditFilters({
  value,
  onApply,
}: {
  value: AuditFilterValues;
  onApply: (v: AuditFilterValues) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const set = (name: keyof AuditFilterValues) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: e.target.value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, action: draft.action.trim(), entityType: draft.entityType.trim() });
  };
  return (
    <form className="card filters" onSubmit={onSubmit} aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title" className="visually-hidden">
        {t('audit.filters')}
      </h2>
      <div className="filters-grid">
        <TextField
          label={t('audit.action')}
          name="action"
          list="audit-actions"
          value={draft.action}
          onChange={set('action')}
        />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <TextField
          label={t('audit.entityType')}
          name="entityType"
          list="audit-entity-types"
          value={draft.entityType}
          onChange={set('entityType')}
        />
        <datalist id="audit-entity-types">
          {KNOWN_ENTITY_TYPES.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <TextField
          label={t('audit.from')}
          name="from"
          type="date"
          value={draft.from}
          onChange={set('from')}
        />
        <TextField label={t('audit.to')} name="to" type="date" value={draft.to} onChange={set('to')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('common.apply')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('common.reset')}
        </button>
      </div>
    </form>
  );
}
