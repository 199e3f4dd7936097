import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useLang, useT, formatDate } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useMe } from '../identity/session.tsx';
import { OrgChildren } from './OrgChildren.tsx';
import { OrgSearchResults } from './OrgSearchResults.tsx';
import { useOrgUnit, useUnitName } from './org.ts';

/**
 * The organisation, from the top of the user's scope down: national root → central bodies, ministries,
 * provinces → communes. `/org/:id` shows one unit and drills down into its children; `?q=` searches.
 */
export function OrgBrowserPage() {
  const { id } = useParams();
  // A new unit is a new page: the search box starts again from the URL.
  return <OrgBrowser key={id ?? 'scope'} id={id} />;
}

function OrgBrowser({ id }: { id: string | undefined }) {
  const t = useT();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const [text, setText] = useState(searchParams.get('q') ?? '');
  const q = useDebounced(text.trim(), 250);

  useEffect(() => {
    if ((searchParams.get('q') ?? '') !== q) setSearchParams(q ? { q } : {}, { replace: true });
  }, [q, searchParams, setSearchParams]);

  const unitId = id ?? me.scopeRootId;
  usePageTitle(t('org.title'));
  return (
    <>
      <h1>{t('org.title')}</h1>
      <div role="search" className="search-box">
        <TextField
          label={t('org.search')}
          hint={t('org.searchHint')}
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {q ? <OrgSearchResults q={q} /> : <OrgUnitView id={unitId} />}
    </>
  );
}

function OrgUnitView({ id }: { id: string }) {
  const t = useT();
  const [lang] = useLang();
  const nameOf = useUnitName();
  const { data: unit, error, refetch } = useOrgUnit(id);
  if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!unit) return <Loading />;
  const otherName = lang === 'en' ? unit.name : unit.nameEn;
  return (
    <>
      <nav aria-label={t('org.breadcrumb')} className="breadcrumb">
        <ol>
          {unit.ancestors.map((a) => (
            <li key={a.id}>
              <Link to={`/org/${a.id}`}>{nameOf(a)}</Link>
            </li>
          ))}
          <li aria-current="page">{nameOf(unit)}</li>
        </ol>
      </nav>
      <section className="card unit-card" aria-labelledby="unit-name">
        <h2 id="unit-name">{nameOf(unit)}</h2>
        {otherName && otherName !== nameOf(unit) && (
          <p className="unit-other-name" lang={lang === 'en' ? 'vi' : 'en'}>
            {otherName}
          </p>
        )}
        <dl className="facts">
          <div>
            <dt>{t('org.kind')}</dt>
            <dd>{t(`kind.${unit.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('org.code')}</dt>
            <dd>{unit.code}</dd>
          </div>
          <div>
            <dt>{t('org.validFrom')}</dt>
            <dd>{formatDate(lang, unit.validFrom)}</dd>
          </div>
        </dl>
      </section>
      {(unit.childCount ?? 0) > 0 ? <OrgChildren parentId={unit.id} /> : <p>{t('org.noChildren')}</p>}
    </>
  );
}
