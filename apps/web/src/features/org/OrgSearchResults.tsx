import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useOrgSearch, useProvinceNames, useUnitName } from './org.ts';

/** Server-side search results (diacritic-insensitive), each linking to the unit's page. */
export function OrgSearchResults({ q }: { q: string }) {
  const t = useT();
  const nameOf = useUnitName();
  const provinces = useProvinceNames();
  const { data, error, isPending } = useOrgSearch(q, 50);
  if (error) return <ErrorNotice error={error} />;
  if (isPending) return <Loading />;
  return (
    <section aria-labelledby="search-results-title">
      <h2 id="search-results-title" aria-live="polite">
        {t('org.results', { count: data.total })}
      </h2>
      {data.items.length === 0 ? (
        <p>{t('org.noResults')}</p>
      ) : (
        <ul className="unit-list" data-testid="org-results">
          {data.items.map((unit) => {
            const province =
              unit.kind === 'commune' && unit.parentId ? provinces.get(unit.parentId) : undefined;
            return (
              <li key={unit.id}>
                <Link to={`/org/${unit.id}`} className="unit-link">
                  <span className="unit-link-name">{nameOf(unit)}</span>
                  <span className="unit-link-meta">
                    {t(`kind.${unit.kind}`)}
                    {province ? ` · ${t('org.in', { name: nameOf(province) })}` : ''}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
