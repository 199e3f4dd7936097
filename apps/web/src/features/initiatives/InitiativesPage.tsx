import { INITIATIVE_STATUSES, type InitiativeStatus } from '@pilotage/contracts';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useSession } from '../identity/session.tsx';
import { InitiativeCard } from './InitiativeCard.tsx';
import { PAGE, useInitiatives } from './initiatives.ts';
import './initiatives.css';

/** `/initiatives`: steering sees every initiative (screening first), an expert those assigned to them. */
export function InitiativesPage() {
  const t = useT();
  const { hasRole } = useSession();
  const steering = hasRole('steering') || hasRole('admin');
  const [status, setStatus] = useState<InitiativeStatus | ''>(steering ? 'submitted' : 'under_evaluation');
  const [mine, setMine] = useState(!steering);
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useDebounced(q.trim(), 300);
  const list = useInitiatives({
    ...(status ? { status } : {}),
    ...(query ? { q: query } : {}),
    ...(mine ? { assigned: 'true' } : {}),
    limit: PAGE,
    offset,
  });
  usePageTitle(t('initiatives.list'));
  return (
    <>
      <h1>{t('initiatives.list')}</h1>
      <div className="catalogue-filters">
        <div className="field">
          <label htmlFor="i-q">{t('initiatives.search')}</label>
          <input id="i-q" type="search" value={q} onChange={(e) => (setQ(e.target.value), setOffset(0))} />
        </div>
        <div className="field">
          <label htmlFor="i-status">{t('common.status')}</label>
          <select
            id="i-status"
            value={status}
            onChange={(e) => (setStatus(e.target.value as InitiativeStatus | ''), setOffset(0))}
          >
            <option value="">{t('common.all')}</option>
            {INITIATIVE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`initiatives.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {steering && hasRole('expert') && (
          <label className="checkbox">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />{' '}
            {t('initiatives.assignedToMe')}
          </label>
        )}
      </div>
      <ErrorNotice error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p aria-live="polite">{t('initiatives.count', { count: list.data.total })}</p>
          {list.data.items.length === 0 ? (
            <p>{t('initiatives.none')}</p>
          ) : (
            <ul className="card-list" data-testid="initiatives">
              {list.data.items.map((i) => (
                <InitiativeCard
                  key={i.id}
                  item={i}
                  to={`/initiatives/${i.id}`}
                  extra={
                    i.progress.assigned > 0 && (
                      <p className="small muted">{t('initiatives.progress', i.progress)}</p>
                    )
                  }
                />
              ))}
            </ul>
          )}
          <Pagination offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} />
        </>
      )}
    </>
  );
}
