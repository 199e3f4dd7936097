import { statisticsRoutes } from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { StatsFilters, type Filters } from './StatsFilters.tsx';
import { StatsTable } from './StatsTable.tsx';
import '../initiatives/initiatives.css';

/** `/public/statistics`: anybody reads the feedback statistics (no personal data). */
export function PublicStatisticsPage() {
  const t = useT();
  const [lang] = useLang();
  const [filters, setFilters] = useState<Filters>({ by: 'unit' });
  const stats = useQuery({
    queryKey: ['statistics', 'public', filters, lang],
    queryFn: () => call(statisticsRoutes.public, { query: filters }),
    placeholderData: keepPreviousData,
  });
  usePageTitle(t('stats.publicTitle'));
  return (
    <>
      <h1>{t('stats.publicTitle')}</h1>
      <p>{t('stats.intro')}</p>
      <StatsFilters value={filters} onChange={setFilters} />
      <ErrorNotice error={stats.error} />
      {!stats.data && !stats.error && <Loading />}
      {stats.data && <StatsTable stats={stats.data} />}
    </>
  );
}
