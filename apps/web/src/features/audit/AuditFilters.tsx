import { identityRoutes } from '@pilotage/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { actionLabel, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES, typeLabel } from './audit-labels.ts';

export interface AuditFilterValues {
  action: string;
  entityType: string;
  actorUserId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = {
  action: '',
  entityType: '',
  actorUserId: '',
  from: '',
  to: '',
};

/** Filter form: action and object type from drop-downs (in words), who did it, and a date range. */
export function AuditFilters({
  value,
  actorName,
  onApply,
}: {
  value: AuditFilterValues;
  /** Name of the user filtered on, when known (from a row the filter was taken from). */
  actorName?: string | undefined;
  onApply: (v: AuditFilterValues) => void;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const set = (patch: Partial<AuditFilterValues>) => setDraft((d) => ({ ...d, ...patch }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const actions = KNOWN_ACTIONS.map((a) => ({ code: a, label: actionLabel(t, a) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  const types = KNOWN_ENTITY_TYPES.map((c) => ({ code: c, label: typeLabel(t, c) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  return (
    <form className="card filters" onSubmit={onSubmit} aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title" className="visually-hidden">
        {t('audit.filters')}
      </h2>
      <div className="filters-grid">
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
          <select id={`${id}-action`} value={draft.action} onChange={(e) => set({ action: e.target.value })}>
            <option value="">{t('audit.anyAction')}</option>
            {draft.action && !KNOWN_ACTIONS.includes(draft.action) && (
              <option value={draft.action}>{draft.action}</option>
            )}
            {actions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('audit.entityType')}</label>
          <select
            id={`${id}-type`}
            value={draft.entityType}
            onChange={(e) => set({ entityType: e.target.value })}
          >
            <option value="">{t('audit.anyType')}</option>
            {types.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <UserPicker
          value={draft.actorUserId}
          knownName={actorName}
          onChange={(actorUserId) => set({ actorUserId })}
        />
        <DateInput
          label={t('audit.from')}
          name="from"
          value={draft.from}
          onChange={(from) => set({ from })}
        />
        <DateInput label={t('audit.to')} name="to" value={draft.to} onChange={(to) => set({ to })} />
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

/** Who did it: type part of a name, pick from the matching users (the caller's scope). */
function UserPicker({
  value,
  knownName,
  onChange,
}: {
  value: string;
  knownName?: string | undefined;
  onChange: (userId: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const users = useQuery({
    queryKey: ['users', 'audit-picker', q],
    queryFn: () => call(identityRoutes.listUsers, { query: { ...(q ? { q } : {}), limit: 30, offset: 0 } }),
    staleTime: 60_000,
  });
  const items = users.data?.items ?? [];
  const selectedKnown = items.some((u) => u.id === value);
  return (
    <div className="field audit-user">
      <label htmlFor={`${id}-q`}>{t('audit.userSearch')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('audit.userSearchHint')}
      </p>
      <input
        id={`${id}-q`}
        type="search"
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      <label htmlFor={`${id}-user`} className="visually-hidden">
        {t('audit.userPick')}
      </label>
      <select id={`${id}-user`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('audit.anyUser')}</option>
        {value && !selectedKnown && <option value={value}>{knownName ?? '…'}</option>}
        {items.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName} ({u.username})
          </option>
        ))}
      </select>
    </div>
  );
}
