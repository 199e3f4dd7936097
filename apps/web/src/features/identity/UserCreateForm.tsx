import { identityRoutes, type OrgUnit, type Role, type User } from '@pilotage/contracts';
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

const EMPTY = { username: '', displayName: '', email: '', password: '' };

/** Creates a user in a unit of the caller's scope; validation messages come from the server. */
export function UserCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (user: User) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const me = useMe();
  const [fields, setFields] = useState(EMPTY);
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [roles, setRoles] = useState<Role[]>(['officer']);
  const [unitMissing, setUnitMissing] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      call(identityRoutes.createUser, {
        body: {
          username: fields.username.trim(),
          displayName: fields.displayName,
          email: fields.email.trim() || null,
          password: fields.password,
          orgUnitId: unit?.id ?? '',
          roles,
        },
      }),
    onSuccess: (user) => {
      setFields(EMPTY);
      setUnit(null);
      setRoles(['officer']);
      onCreated(user);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setUnitMissing(!unit);
    if (unit) create.mutate();
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="user-form-title">
      <h2 id="user-form-title">{t('users.new')}</h2>
      <div className="form-grid">
        <TextField
          label={t('users.username')}
          hint={t('users.usernameHint')}
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={fields.username}
          onChange={set('username')}
          error={errors.username}
        />
        <TextField
          label={t('users.displayName')}
          name="displayName"
          autoComplete="off"
          value={fields.displayName}
          onChange={set('displayName')}
          error={errors.displayName}
        />
        <TextField
          label={t('users.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={fields.email}
          onChange={set('email')}
          error={errors.email}
        />
        <TextField
          label={t('users.password')}
          hint={t('users.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={fields.password}
          onChange={set('password')}
          error={errors.password}
        />
        <OrgUnitPicker
          label={t('common.unit')}
          id="user-unit"
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
