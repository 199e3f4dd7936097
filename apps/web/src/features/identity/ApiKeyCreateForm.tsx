import { identityRoutes, type RouteOutput } from '@pilotage/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { TextField } from '../../ui/Field.tsx';
import { ScopedCreateForm, useScope } from './ScopedCreateForm.tsx';

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
  const [name, setName] = useState('');
  const scope = useScope();
  const create = useMutation({
    mutationFn: () =>
      call(identityRoutes.createApiKey, {
        body: { name, orgUnitId: scope.unit?.id ?? '', roles: scope.roles },
      }),
    onSuccess: onCreated,
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  return (
    <ScopedCreateForm
      id="key"
      title={t('keys.new')}
      scope={scope}
      errors={errors}
      mutation={create}
      onCancel={onCancel}
    >
      <TextField
        label={t('keys.name')}
        name="name"
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
    </ScopedCreateForm>
  );
}
