import { identityRoutes, type OrgUnit, type Role, type RouteOutput } from '@pilotage/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { RoleCheckboxes } from '../../ui/RoleCheckboxes.tsx';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { grantableRoles } from './roles.ts';
import { useMe } from './session.tsx';

export type CreatedKey = RouteOutput<typeof identityRoutes.createApiKey>;

/** Issues an API key for a unit; the answer carries the secret, shown once by the caller. */
export function ApiKeyCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (key: CreatedKey) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const me = useMe();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [roles, setRoles] = useState<Role[]>(['officer']);
  const [unitMissing, setUnitMissing] = useState(false);
  const create = useMutation({
    mutationFn: () => call(identityRoutes.createApiKey, { body: { name, orgUnitId: unit?.id ?? '', roles } }),
    onSuccess: onCreated,
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setUnitMissing(!unit);
    if (unit) create.mutate();
  };
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="key-form-title">
      <h2 id="key-form-title">{t('keys.new')}</h2>
      <div className="form-grid">
        <TextField
          label={t('keys.name')}
          name="name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <OrgUnitPicker
          label={t('common.unit')}
          id="key-unit"
          value={unit}
          onChange={setUnit}
          error={unitMissing && !unit ? t('users.unitRequired') : errors.orgUnitId}
        />
      </div>
      <RoleCheckboxes
        legend={t('common.roles')}
        options={grantableRoles(me.user.roles)}
        value={roles}
        onChange={setRoles}
        error={errors.roles}
      />
      {create.error && <ErrorNotice error={create.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('common.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
