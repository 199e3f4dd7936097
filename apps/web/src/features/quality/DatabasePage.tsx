import { qualityRoutes } from '@pilotage/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { call } from '../../api/client.ts';
import { formatDateTime, formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useSession } from '../identity/session.tsx';
import { ChecksEditor } from './ChecksEditor.tsx';
import { GradeBadge, Trend } from './quality.tsx';
import { RunPanel } from './RunPanel.tsx';
import '../tasks/tasks.css';

/** `/quality/databases/:id`: register entry, checks (JSON or YAML), sample upload with progress, results. */
export function DatabasePage() {
  const { id = '' } = useParams();
  const t = useT();
  const [lang] = useLang();
  const { hasRole } = useSession();
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ['quality', 'database', id],
    queryFn: () => call(qualityRoutes.getDatabase, { params: { id } }),
  });
  usePageTitle(q.data?.name ?? t('quality.register.title'));
  if (q.error) return <ErrorNotice error={q.error} />;
  if (!q.data) return <Loading />;
  const d = q.data;
  const canWrite = hasRole('admin', 'steering', 'unit_lead', 'officer');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['quality'] });
  return (
    <>
      <h1>{d.name}</h1>
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('quality.db.facts')}</h2>
        <dl className="facts facts-aligned">
          <div>
            <dt>{t('quality.field.owner')}</dt>
            <dd>{d.owner.name}</dd>
          </div>
          <div>
            <dt>{t('quality.field.kind')}</dt>
            <dd>{t(`quality.kind.${d.kind}`)}</dd>
          </div>
          {d.legalBasis && (
            <div>
              <dt>{t('quality.field.legalBasis')}</dt>
              <dd>{d.legalBasis}</dd>
            </div>
          )}
          {d.recordCount !== null && (
            <div>
              <dt>{t('quality.field.recordCount')}</dt>
              <dd>{formatNumber(lang, d.recordCount)}</dd>
            </div>
          )}
          <div>
            <dt>{t('quality.criterion.shared')}</dt>
            <dd>
              {d.connectedToPlatform ? t('quality.db.connectedYes') : t('quality.db.connectedNo')} ·{' '}
              {t('quality.db.consumers')}: {d.consumerUnitIds.length} · API: {d.sharedApis.length}
            </dd>
          </div>
          <div>
            <dt>{t('quality.col.grade')}</dt>
            <dd>
              <GradeBadge
                grade={d.latest?.status === 'done' ? d.latest.grade : (d.latestResult?.grade ?? null)}
              />{' '}
              {d.rank !== null && d.latestResult && (
                <strong data-testid="rank">
                  {t('quality.db.rank', { rank: d.rank, year: String(d.latestResult.year) })}
                </strong>
              )}
            </dd>
          </div>
        </dl>
      </section>
      <div className="quality-grid">
        {canWrite && <ChecksEditor databaseId={d.id} checks={d.checks} onSaved={refresh} />}
        {canWrite && <RunPanel databaseId={d.id} latest={d.latestResult} onDone={refresh} />}
        {!canWrite && d.latestResult && (
          <RunPanel databaseId={d.id} latest={d.latestResult} readOnly onDone={refresh} />
        )}
      </div>
      {d.history.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('quality.history.title')}</h2>
          <div className="table-scroll" role="region" aria-labelledby="history-title" tabIndex={0}>
            <table className="table table-compact" data-testid="history">
              <thead>
                <tr>
                  <th scope="col">{t('quality.col.lastRun')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col" className="num">
                    {t('quality.col.score')}
                  </th>
                  <th scope="col">{t('quality.col.grade')}</th>
                  <th scope="col" className="num">
                    {t('quality.col.trend')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...d.history].reverse().map((h) => (
                  <tr key={h.id}>
                    <td>{formatDateTime(lang, h.createdAt)}</td>
                    <td>{t(`quality.run.status.${h.status}`)}</td>
                    <td className="num">{h.score === null ? '–' : formatNumber(lang, h.score)}</td>
                    <td>
                      <GradeBadge grade={h.grade} />
                    </td>
                    <td className="num">
                      <Trend value={h.trend} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
