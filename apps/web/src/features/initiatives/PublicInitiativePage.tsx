import { Link, useParams } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { usePublicInitiative } from './initiatives.ts';

/** `/public/initiatives/:code`: one catalogued initiative, without anybody's name or contact. */
export function PublicInitiativePage() {
  const t = useT();
  const [lang] = useLang();
  const { code } = useParams();
  const q = usePublicInitiative(code);
  usePageTitle(q.data?.title ?? t('initiatives.portal'));
  if (q.error) return <ErrorNotice error={q.error} />;
  if (!q.data) return <Loading />;
  const i = q.data;
  return (
    <article>
      <p>
        <Link to="/public/initiatives">{t('initiatives.back')}</Link>
      </p>
      <div className="initiative-badges">
        <span className={`badge badge-${i.status}`}>{t(`initiatives.status.${i.status}`)}</span>
        {i.decision && <span className="badge badge-decided">{t(`initiatives.decision.${i.decision}`)}</span>}
      </div>
      <h1>{i.title}</h1>
      <dl className="facts facts-aligned">
        <div>
          <dt>{t('initiatives.kind')}</dt>
          <dd>{t(`initiatives.kind.${i.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.domain')}</dt>
          <dd>{t(`tasks.category.${i.domain}`)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.trl')}</dt>
          <dd>{i.trl}/9</dd>
        </div>
        <div>
          <dt>{t('initiatives.proposerType')}</dt>
          <dd>
            {t(`initiatives.proposer.${i.proposerType}`)}
            {i.organisation ? ` — ${i.organisation}` : ''}
          </dd>
        </div>
        {i.province && (
          <div>
            <dt>{t('initiatives.province')}</dt>
            <dd>{i.province.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('initiatives.submittedAt')}</dt>
          <dd>
            {formatDate(lang, i.submittedAt.slice(0, 10))} · {i.code}
          </dd>
        </div>
        <div>
          <dt>{t('initiatives.attachmentCount')}</dt>
          <dd>{i.attachmentCount}</dd>
        </div>
        {i.score && (
          <div>
            <dt>{t('initiatives.score')}</dt>
            <dd>{t('initiatives.scoreValue', { mean: i.score.mean, n: i.score.n })}</dd>
          </div>
        )}
      </dl>
      <h2>{t('initiatives.description')}</h2>
      <p className="prewrap">{i.description}</p>
      {i.decision && (
        <section className="card">
          <h2>{t('initiatives.decision')}</h2>
          <p>
            <strong>{t(`initiatives.decision.${i.decision}`)}</strong>
            {i.decidedAt ? ` · ${formatDate(lang, i.decidedAt.slice(0, 10))}` : ''}
          </p>
          {i.decisionNote && <p className="prewrap">{i.decisionNote}</p>}
          {i.followUp && (
            <p className="prewrap">
              <strong>{t('initiatives.followUp')}:</strong> {i.followUp}
            </p>
          )}
        </section>
      )}
    </article>
  );
}
