import { PUBLIC_INITIATIVE_STATUSES, TASK_CATEGORIES, type CatalogueQuery } from '@pilotage/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { InitiativeCard } from './InitiativeCard.tsx';
import { PAGE, useCatalogue, useFacets } from './initiatives.ts';

/** A filter's value as the select shows it ('' for none). */
const filterValue = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

type Filters = Omit<z.input<typeof CatalogueQuery>, 'limit' | 'offset' | 'q'>;

/** `/public/initiatives`: the public catalogue, searchable with or without diacritics, filtered. */
export function CataloguePage() {
  const t = useT();
  const [lang] = useLang();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const query = useDebounced(q.trim(), 300);
  const list = useCatalogue({ ...filters, ...(query ? { q: query } : {}), limit: PAGE, offset });
  const facets = useFacets();
  usePageTitle(t('initiatives.portal'));
  const set = (key: keyof Filters, value: string) => {
    setFilters((f) => ({ ...f, [key]: value === '' ? undefined : value }));
    setOffset(0);
  };
  const select = (key: keyof Filters, label: string, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`f-${key}`}>{label}</label>
      <select id={`f-${key}`} value={filterValue(filters[key])} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('common.all')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t('initiatives.portal')}</h1>
      <p>{t('initiatives.portalIntro')}</p>
      <p>
        <Link className="button button-primary" to="/public/initiatives/propose">
          {t('initiatives.propose')}
        </Link>
      </p>
      <div role="search" className="catalogue-filters" aria-label={t('initiatives.search')}>
        <div className="field">
          <label htmlFor="f-q">{t('initiatives.search')}</label>
          <input
            id="f-q"
            type="search"
            value={q}
            placeholder={t('initiatives.searchHint')}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
          />
        </div>
        {select(
          'domain',
          t('initiatives.domain'),
          TASK_CATEGORIES.map((c) => [c, t(`tasks.category.${c}`)]),
        )}
        {select(
          'trl',
          t('initiatives.trl'),
          [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [String(n), t('initiatives.trlShort', { trl: n })]),
        )}
        {select(
          'status',
          t('common.status'),
          PUBLIC_INITIATIVE_STATUSES.map((s) => [s, t(`initiatives.status.${s}`)]),
        )}
        {select(
          'province',
          t('initiatives.province'),
          (facets.data?.provinces ?? [])
            .filter((p) => p.count > 0)
            .map((p) => [p.code, `${p.name} (${p.count})`]),
        )}
      </div>
      <ErrorNotice error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p aria-live="polite" data-testid="initiative-count">
            {t('initiatives.count', { count: formatNumber(lang, list.data.total) })}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('initiatives.none')}</p>
          ) : (
            <ul className="card-list" data-testid="initiatives">
              {list.data.items.map((i) => (
                <InitiativeCard key={i.code} item={i} to={`/public/initiatives/${i.code}`} />
              ))}
            </ul>
          )}
          <Pagination offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} />
        </>
      )}
    </>
  );
}
