import { identityRoutes, type RouteOutput } from '@pilotage/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { QueryTable } from '../../ui/DataTable.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { RoleList } from '../../ui/RoleCheckboxes.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { UnitName } from '../org/UnitName.tsx';
import { ApiKeyCreateForm, type CreatedKey } from './ApiKeyCreateForm.tsx';

const LIMIT = 25;
type ApiKey = RouteOutput<typeof identityRoutes.listApiKeys>['items'][number];

/** API keys of the caller's scope: create (secret shown once), revoke. */
export function ApiKeysPage() {
  const t = useT();
  const [lang] = useLang();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  usePageTitle(t('keys.title'));

  const list = useQuery({
    queryKey: ['api-keys', offset],
    queryFn: () => call(identityRoutes.listApiKeys, { query: { limit: LIMIT, offset } }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => call(identityRoutes.revokeApiKey, { params: { id: key.id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });

  return (
    <>
      <div className="page-head">
        <h1>{t('keys.title')}</h1>
        {!creating && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('keys.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('keys.intro')}</p>
      {creating && (
        <ApiKeyCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
          }}
        />
      )}
      {created && <SecretOnce created={created} onClose={() => setCreated(null)} />}
      <ErrorNotice error={revoke.error} />
      <QueryTable
        query={list}
        id="keys-caption"
        caption={t('keys.title')}
        rowKey={(key) => key.id}
        columns={[
          { label: t('keys.name'), cell: (key) => key.name },
          { label: t('keys.prefix'), cell: (key) => <code>plk_{key.prefix}_…</code> },
          { label: t('common.unit'), cell: (key) => <UnitName id={key.orgUnitId} /> },
          { label: t('common.roles'), cell: (key) => <RoleList roles={key.roles} /> },
          { label: t('common.createdAt'), cell: (key) => formatDateTime(lang, key.createdAt) },
          { label: t('keys.expiresAt'), cell: (key) => formatDateTime(lang, key.expiresAt) },
          {
            label: t('keys.lastUsedAt'),
            cell: (key) => (key.lastUsedAt ? formatDateTime(lang, key.lastUsedAt) : t('keys.neverUsed')),
          },
          {
            label: t('common.status'),
            cell: (key) => {
              const expired = Date.parse(key.expiresAt) <= Date.now();
              const off = key.revokedAt !== null || expired;
              return (
                <span className={off ? 'status status-off' : 'status status-ok'}>
                  {key.revokedAt ? t('keys.revoked') : expired ? t('keys.expired') : t('keys.valid')}
                </span>
              );
            },
          },
          {
            label: t('common.actions'),
            cell: (key) =>
              !key.revokedAt && (
                <button
                  type="button"
                  className="button button-small button-danger"
                  disabled={revoke.isPending}
                  aria-label={t('keys.revokeNamed', { name: key.name })}
                  onClick={() => {
                    if (window.confirm(t('keys.revokeConfirm', { name: key.name }))) revoke.mutate(key);
                  }}
                >
                  {t('keys.revoke')}
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

/** The new key's secret, shown once, focused so that screen readers read the warning. */
function SecretOnce({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="card secret"
      aria-labelledby="secret-title"
      data-testid="api-key-secret"
    >
      <h2 id="secret-title">{t('keys.secretTitle', { name: created.name })}</h2>
      <p className="secret-warning">{t('keys.secretWarning')}</p>
      <p>
        <code className="secret-value">{created.secret}</code>
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
