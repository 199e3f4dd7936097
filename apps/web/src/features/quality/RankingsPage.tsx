import { qualityRoutes } from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { call, downloadHref } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { GradeBadge, Score } from './quality.tsx';
import '../tasks/tasks.css';

const FIRST_YEAR = 2025;

/** `/quality/rankings`: league tables of databases and owner units for a year; visible to all. */
export function RankingsPage() {
  const t = useT();
  const [lang] = useLang();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(Math.max(FIRST_YEAR, thisYear));
  const q = useQuery({
    queryKey: ['quality', 'rankings', year],
    queryFn: () => call(qualityRoutes.rankings, { query: { year } }),
    placeholderData: keepPreviousData,
  });
  usePageTitle(t('quality.rankings.title'));
  // a year without any run yet (early in the year): show the latest year that has one, once
  const fellBack = useRef(false);
  useEffect(() => {
    if (fellBack.current || !q.data || q.isPlaceholderData) return;
    if (q.data.items.length === 0 && year > FIRST_YEAR) setYear(year - 1);
    else fellBack.current = true;
  }, [q.data, q.isPlaceholderData, year]);
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => FIRST_YEAR + i);
  return (
    <>
      <h1>{t('quality.rankings.title')}</h1>
      <div className="field field-inline">
        <label htmlFor="ranking-year">{t('quality.rankings.year')}</label>
        <select id="ranking-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        {q.data && <span className="status-badge">{t(`quality.rankings.phase.${q.data.phase}`)}</span>}
      </div>
      <p>
        <a href={downloadHref(qualityRoutes.rankingsCsv.path, {}, { year }, lang)} download>
          {t('quality.rankings.csv')}
        </a>
      </p>
      <ErrorNotice error={q.error} />
      {!q.data && !q.error && <Loading />}
      {q.data && q.data.items.length === 0 && <p>{t('quality.rankings.empty')}</p>}
      {q.data && q.data.items.length > 0 && (
        <>
          <p className="muted small">{t('quality.rankings.legend')}</p>
          <h2 id="rank-db">{t('quality.rankings.databases')}</h2>
          <div className="table-scroll" role="region" aria-labelledby="rank-db" tabIndex={0}>
            <table className="table table-compact ranking-table" data-testid="ranking">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('quality.col.rank')}
                  </th>
                  <th scope="col">{t('quality.col.database')}</th>
                  <th scope="col">{t('quality.col.owner')}</th>
                  <th scope="col" className="num">
                    {t('quality.col.score')}
                  </th>
                  <th scope="col">{t('quality.col.grade')}</th>
                  <th scope="col">{t('quality.col.failing')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.items.map((i) => (
                  <tr key={i.database.id}>
                    <td className="num">{i.rank}</td>
                    <th scope="row">
                      <Link to={`/quality/databases/${i.database.id}`}>{i.database.name}</Link>
                    </th>
                    <td>{i.ownerUnit.name}</td>
                    <td className="num">
                      <Score value={i.score} />
                    </td>
                    <td>
                      <GradeBadge grade={i.grade} />
                    </td>
                    <td className="small">
                      {i.failing.length === 0 ? (
                        t('quality.rankings.failingNone')
                      ) : (
                        <details>
                          <summary>{t('quality.rankings.failingCount', { count: i.failing.length })}</summary>
                          <ul>
                            {i.failing.map((f, k) => (
                              <li key={k}>
                                {t(`quality.criterion.${f.criterion as 'correct'}`)}: {f.metric}
                                {f.column ? ` (${f.column})` : ''} = {f.value ?? '–'}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 id="rank-units">{t('quality.rankings.units')}</h2>
          <div className="table-scroll" role="region" aria-labelledby="rank-units" tabIndex={0}>
            <table className="table table-compact" data-testid="unit-ranking">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('quality.col.rank')}
                  </th>
                  <th scope="col">{t('quality.col.owner')}</th>
                  <th scope="col" className="num">
                    {t('quality.col.databases')}
                  </th>
                  <th scope="col" className="num">
                    {t('quality.col.score')}
                  </th>
                  <th scope="col">{t('quality.col.grade')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.units.map((u) => (
                  <tr key={u.ownerUnit.id}>
                    <td className="num">{u.rank}</td>
                    <th scope="row">{u.ownerUnit.name}</th>
                    <td className="num">{u.databases}</td>
                    <td className="num">
                      <Score value={u.score} />
                    </td>
                    <td>
                      <GradeBadge grade={u.grade} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
