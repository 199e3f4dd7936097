import type { OrgUnit, Role } from '@pilotage/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { RoleCheckboxes } from '../../ui/RoleCheckboxes.tsx';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { grantableRoles } from './roles.ts';
import { useMe } from './session.tsx';

/** The unit and roles that a new user or API key is given (officer by default). */
export function useScope() {
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [roles, setRoles] = useState<Role[]>(['officer']);
  const [unitMissing, setUnitMissing] = useState(false);
  const reset = () => {
    setUnit(null);
    setRoles(['officer']);
  };
  return { unit, setUnit, roles, setRoles, unitMissing, setUnitMissing, reset };
}

export type Scope = ReturnType<typeof useScope>;

/**
 * A creation form for something that lives in a unit with roles (user, API key): the given fields, then the
 * unit picker and role checkboxes; submits only once a unit is chosen.
 */
export function ScopedCreateForm({
  id,
  title,
  scope,
  errors,
  mutation,
  onCancel,
  children,
}: {
  /** Prefix of the title's and the unit picker's ids. */
  id: string;
  title: string;
  scope: Scope;
  errors: Record<string, string | undefined>;
  /** The creation request, sent without arguments. */
  mutation: { error: unknown; isPending: boolean; mutate: () => void };
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const me = useMe();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    scope.setUnitMissing(!scope.unit);
    if (scope.unit) mutation.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${id}-form-title`}>
      <h2 id={`${id}-form-title`}>{title}</h2>
      <div className="form-grid">
        {children}
        <OrgUnitPicker
          label={t('common.unit')}
          id={`${id}-unit`}
          value={scope.unit}
          onChange={scope.setUnit}
          error={scope.unitMissing && !scope.unit ? t('users.unitRequired') : errors.orgUnitId}
        />
      </div>
      <RoleCheckboxes
        legend={t('common.roles')}
        options={grantableRoles(me.user.roles)}
        value={scope.roles}
        onChange={scope.setRoles}
        error={errors.roles}
      />
      <ErrorNotice error={mutation.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('common.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
