import { identityRoutes, type User } from '@pilotage/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { QueryTable } from '../../ui/DataTable.tsx';
import { ErrorNotice, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { RoleList } from '../../ui/RoleCheckboxes.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { UnitName } from '../org/UnitName.tsx';
import { useMe } from './session.tsx';
import { DemoRemovalButton } from './DemoRemoval.tsx';
import { UserCreateForm } from './UserCreateForm.tsx';

const LIMIT = 25;

/** Users of the caller's scope: search, create, activate / deactivate. */
export function UsersPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useMe();
  const queryClient = useQueryClient();
  // the audit log links here with ?q=<username>
  const [text, setText] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const q = useDebounced(text.trim(), 250);
  usePageTitle(t('users.title'));

  const list = useQuery({
    queryKey: ['users', q, offset],
    queryFn: () => call(identityRoutes.listUsers, { query: { ...(q ? { q } : {}), limit: LIMIT, offset } }),
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation({
    mutationFn: (user: User) =>
      call(identityRoutes.updateUser, { params: { id: user.id }, body: { active: !user.active } }),
    onSuccess: (user) => {
      setMessage(t('users.updated', { username: user.username }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  return (
    <>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        {!creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('users.new')}
          </button>
        )}
        <DemoRemovalButton onDone={setMessage} />
      </div>
      {creating && (
        <UserCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setMessage(t('users.created', { username: user.username }));
            void queryClient.invalidateQueries({ queryKey: ['users'] });
          }}
        />
      )}
      <SuccessNotice>{message}</SuccessNotice>
      <ErrorNotice error={toggle.error} />
      <div role="search" className="search-box">
        <TextField
          label={t('users.search')}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      <QueryTable
        query={list}
        id="users-caption"
        caption={t('users.title')}
        rowKey={(user) => user.id}
        columns={[
          { label: t('users.displayName'), cell: (user) => user.displayName },
          { label: t('users.username'), cell: (user) => <code>{user.username}</code> },
          { label: t('common.unit'), cell: (user) => <UnitName id={user.orgUnitId} /> },
          { label: t('common.roles'), cell: (user) => <RoleList roles={user.roles} /> },
          {
            label: t('common.status'),
            cell: (user) => (
              <span className={user.active ? 'status status-ok' : 'status status-off'}>
                {user.active ? t('users.active') : t('users.inactive')}
              </span>
            ),
          },
          { label: t('common.createdAt'), cell: (user) => formatDateTime(lang, user.createdAt) },
          {
            label: t('common.actions'),
            cell: (user) =>
              user.id !== me.user.id && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  disabled={toggle.isPending}
                  aria-label={t(user.active ? 'users.deactivateNamed' : 'users.activateNamed', {
                    name: user.username,
                  })}
                  onClick={() => toggle.mutate(user)}
                >
                  {user.active ? t('users.deactivate') : t('users.activate')}
                </button>
              ),
          },
        ]}
        footer={
          list.data && (
            <Pagination offset={offset} limit={LIMIT} total={list.data.total} onChange={setOffset} />
          )
        }
      />
    </>
  );
}
