import { auditRoutes, type AuditEvent } from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { call } from '../../api/client.ts';
import { Link } from 'react-router-dom';
import { formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { actionLabel, objectLink, typeLabel } from './audit-labels.ts';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';

const LIMIT = 25;

/** The audit trail (admins), newest first; filters and page live in the URL so a view can be shared. */
export function AuditPage() {
  const t = useT();
  const [lang] = useLang();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<Set<string>>(new Set());
  usePageTitle(t('audit.title'));

  const filters: AuditFilterValues = {
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    actorUserId: params.get('actorUserId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const update = (next: AuditFilterValues, nextOffset = 0) => {
    const entries = Object.entries({ ...next, offset: nextOffset ? String(nextOffset) : '' }).filter(
      ([, v]) => v,
    );
    setParams(Object.fromEntries(entries));
  };

  const list = useQuery({
    queryKey: ['audit', filters, offset],
    queryFn: () =>
      call(auditRoutes.list, {
        query: {
          ...(filters.action ? { action: filters.action } : {}),
          ...(filters.entityType ? { entityType: filters.entityType } : {}),
          ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
          ...(filters.from ? { from: filters.from } : {}),
          ...(filters.to ? { to: filters.to } : {}),
          limit: LIMIT,
          offset,
        },
      }),
    placeholderData: keepPreviousData,
  });
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <AuditFilters
        key={params.toString()}
        value={filters}
        actorName={params.get('actorName') ?? undefined}
        onApply={(v) => update(v)}
      />
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            <table className="table table-stack audit-table">
              <caption id="audit-caption" className="visually-hidden">
                {t('audit.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entityType')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <Fragment key={e.id}>
                    <tr data-action={e.action} data-id={e.id}>
                      <td data-label="#">{e.seq ?? '…'}</td>
                      <td data-label={t('audit.time')}>{formatDateTime(lang, e.occurredAt)}</td>
                      <td data-label={t('audit.actor')}>
                        {e.actorUserId && e.actorName ? (
                          <Link
                            to={`?actorUserId=${e.actorUserId}&actorName=${encodeURIComponent(e.actorName)}`}
                            title={t('audit.filterByUser', { name: e.actorName })}
                          >
                            {e.actorName}
                          </Link>
                        ) : (
                          (e.actorName ?? t('audit.system'))
                        )}
                      </td>
                      <td data-label={t('audit.action')}>{actionLabel(t, e.action)}</td>
                      <td data-label={t('audit.entityType')}>
                        <ObjectCell event={e} />
                      </td>
                      <td data-label={t('audit.details')}>
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          aria-expanded={open.has(e.id)}
                          aria-controls={`audit-${e.id}`}
                          aria-label={t(open.has(e.id) ? 'audit.hideDetails' : 'audit.showDetails', {
                            seq: e.seq ?? '…',
                          })}
                          onClick={() => toggle(e.id)}
                        >
                          {open.has(e.id) ? '−' : '+'}
                        </button>
                      </td>
                    </tr>
                    <tr id={`audit-${e.id}`} className="audit-details" hidden={!open.has(e.id)}>
                      <td colSpan={6}>{open.has(e.id) && <AuditDetails event={e} />}</td>
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          {list.data.items.length === 0 && <p>{t('common.empty')}</p>}
          <Pagination
            offset={offset}
            limit={LIMIT}
            total={list.data.total}
            onChange={(o) => update(filters, o)}
          />
        </>
      )}
    </>
  );
}

/** The object's type in words, linking to its page when it has one. */
function ObjectCell({ event }: { event: AuditEvent }) {
  const t = useT();
  const label = typeLabel(t, event.entityType);
  const to = objectLink(event);
  return to ? (
    <Link to={to} aria-label={t('audit.openObject', { type: label })} data-testid="audit-object">
      {label}
    </Link>
  ) : (
    <>{label}</>
  );
}

function AuditDetails({ event }: { event: AuditEvent }) {
  const t = useT();
  return (
    <div className="audit-detail">
      <dl className="facts">
        <div>
          <dt>{t('audit.code')}</dt>
          <dd>
            <code>
              {event.action} · {event.entityType}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('audit.entityId')}</dt>
          <dd>
            <code>{event.entityId ?? '—'}</code>
          </dd>
        </div>
        <div>
          <dt>{t('audit.requestId')}</dt>
          <dd>
            <code>{event.requestId ?? '—'}</code>
          </dd>
        </div>
      </dl>
      <div className="diff">
        <div>
          <h3>{t('audit.before')}</h3>
          <pre tabIndex={0}>{event.before === null ? '—' : JSON.stringify(event.before, null, 2)}</pre>
        </div>
        <div>
          <h3>{t('audit.after')}</h3>
          <pre tabIndex={0}>{event.after === null ? '—' : JSON.stringify(event.after, null, 2)}</pre>
        </div>
      </div>
    </div>
  );
}
