import { recommendationRoutes, statisticsRoutes } from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, downloadHref } from '../../api/client.ts';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { StatsFilters, type Filters } from './StatsFilters.tsx';
import { StatsTable } from './StatsTable.tsx';
import '../initiatives/initiatives.css';

/** `/statistics`: the caller's units' statistics with exports, and the difficulties most cited in reports. */
export function StatisticsPage() {
  const t = useT();
  const [lang] = useLang();
  const [filters, setFilters] = useState<Filters>({ by: 'unit' });
  const stats = useQuery({
    queryKey: ['statistics', 'internal', filters, lang],
    queryFn: () => call(statisticsRoutes.internal, { query: filters }),
    placeholderData: keepPreviousData,
  });
  const cited = useQuery({
    queryKey: ['recommendations', 'most-cited'],
    queryFn: () => call(recommendationRoutes.mostCited, { query: { limit: 10 } }),
  });
  usePageTitle(t('stats.title'));
  const q = { ...filters };
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <StatsFilters value={filters} onChange={setFilters} />
      <p className="button-row">
        <a className="button button-secondary" href={downloadHref(statisticsRoutes.csv.path, {}, q, lang)}>
          {t('stats.csv')}
        </a>{' '}
        <a className="button button-secondary" href={downloadHref(statisticsRoutes.xlsx.path, {}, q, lang)}>
          {t('stats.xlsx')}
        </a>
      </p>
      <ErrorNotice error={stats.error} />
      {!stats.data && !stats.error && <Loading />}
      {stats.data && <StatsTable stats={stats.data} />}
      <section aria-labelledby="cited-h">
        <h2 id="cited-h">{t('stats.mostCited')}</h2>
        <ErrorNotice error={cited.error} />
        {cited.data && cited.data.items.length === 0 && <p>{t('stats.none')}</p>}
        <ul className="card-list" data-testid="most-cited">
          {(cited.data?.items ?? []).map((c) => (
            <li key={c.itemId} className="card">
              <p className="initiative-badges">
                <span className="badge">{t('stats.citations', { count: c.citations })}</span>
                <span className="badge">{t(`recommend.status.${c.status}`)}</span>
                <span className="muted small">
                  {c.trackingCode} · {c.unitName}
                </span>
              </p>
              <h3>{c.title}</h3>
              {c.answer ? (
                <p className="prewrap small">
                  <strong>{t('stats.answer')}:</strong> {c.answer}
                  {c.answeredAt ? ` (${formatDate(lang, c.answeredAt.slice(0, 10))})` : ''}
                </p>
              ) : (
                <p className="muted small">{t('stats.noAnswer')}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
