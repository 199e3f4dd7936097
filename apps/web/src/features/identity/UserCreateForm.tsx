import { identityRoutes, type User } from '@pilotage/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { TextField } from '../../ui/Field.tsx';
import { ScopedCreateForm, useScope } from './ScopedCreateForm.tsx';

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
  const [fields, setFields] = useState(EMPTY);
  const scope = useScope();
  const create = useMutation({
    mutationFn: () =>
      call(identityRoutes.createUser, {
        body: {
          username: fields.username.trim(),
          displayName: fields.displayName,
          email: fields.email.trim() || null,
          password: fields.password,
          orgUnitId: scope.unit?.id ?? '',
          roles: scope.roles,
        },
      }),
    onSuccess: (user) => {
      setFields(EMPTY);
      scope.reset();
      onCreated(user);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));

  return (
    <ScopedCreateForm
      id="user"
      title={t('users.new')}
      scope={scope}
      errors={errors}
      mutation={create}
      onCancel={onCancel}
    >
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
    </ScopedCreateForm>
  );
}
