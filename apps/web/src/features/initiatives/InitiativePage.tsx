import type { Initiative } from '@pilotage/contracts';
import { Link, useParams } from 'react-router-dom';
import { formatDate, formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { DeclarePanel, ScorePanel } from './ExpertPanels.tsx';
import { useInitiative } from './initiatives.ts';
import { AssignPanel, DecidePanel, ScreenPanel } from './SteeringPanels.tsx';
import './initiatives.css';

/** `/initiatives/:id`: the initiative, its experts and scores (blind until all scored), and the actions. */
export function InitiativePage() {
  const t = useT();
  const [lang] = useLang();
  const { id } = useParams();
  const q = useInitiative(id);
  usePageTitle(q.data?.title ?? t('initiatives.nav'));
  if (q.error) return <ErrorNotice error={q.error} />;
  if (!q.data) return <Loading />;
  const i = q.data;
  return (
    <article>
      <p>
        <Link to="/initiatives">{t('initiatives.list')}</Link>
      </p>
      <div className="initiative-badges">
        <span className={`badge badge-${i.status}`} data-testid="initiative-status">
          {t(`initiatives.status.${i.status}`)}
        </span>
        {i.decision && <span className="badge badge-decided">{t(`initiatives.decision.${i.decision}`)}</span>}
        <span className="badge">{t('initiatives.trlShort', { trl: i.trl })}</span>
      </div>
      <h1>{i.title}</h1>
      <dl className="facts facts-aligned">
        <div>
          <dt>{t('initiatives.domain')}</dt>
          <dd>
            {t(`tasks.category.${i.domain}`)} · {t(`initiatives.kind.${i.kind}`)}
          </dd>
        </div>
        <div>
          <dt>{t('initiatives.proposer')}</dt>
          <dd>
            {i.proposer.name} ({t(`initiatives.proposer.${i.proposer.type}`)})
            {i.proposer.organisation ? ` — ${i.proposer.organisation}` : ''}
          </dd>
        </div>
        {(i.proposer.email || i.proposer.phone) && (
          <div>
            <dt>{t('initiatives.contacts')}</dt>
            <dd>{[i.proposer.email, i.proposer.phone].filter(Boolean).join(' · ')}</dd>
          </div>
        )}
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
      </dl>
      <h2>{t('initiatives.description')}</h2>
      <p className="prewrap">{i.description}</p>
      {i.attachments.length > 0 && (
        <>
          <h2>{t('initiatives.attachments')}</h2>
          <ul>
            {i.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/initiative-attachments/${a.id}`}>{a.filename}</a>{' '}
                <span className="muted small">({Math.ceil(a.sizeBytes / 1024)} KB)</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Experts item={i} />
      {i.can.screen && <ScreenPanel item={i} />}
      {i.can.declare && <DeclarePanel item={i} />}
      {i.can.score && <ScorePanel item={i} />}
      {i.can.assign && <AssignPanel item={i} />}
      {i.decision ? <Decision item={i} /> : i.can.decide && <DecidePanel item={i} />}
      {i.decision && <p className="small muted">{i.decidedAt ? formatDateTime(lang, i.decidedAt) : ''}</p>}
    </article>
  );
}

function Experts({ item }: { item: Initiative }) {
  const t = useT();
  if (item.experts.length === 0) return null;
  const a = item.aggregate;
  return (
    <section className="card" aria-labelledby="experts-h">
      <h2 id="experts-h">{t('initiatives.experts')}</h2>
      <p className="small">{t('initiatives.progress', item.progress)}</p>
      {!item.revealed && <p className="notice small">{t('initiatives.hidden')}</p>}
      <ul className="expert-list" data-testid="experts">
        {item.experts.map((e) => (
          <li key={e.userId}>
            <strong>{e.name}</strong> — {t(`initiatives.conflict.${e.conflict}`)}
            {e.conflictReason ? ` (${e.conflictReason})` : ''} ·{' '}
            {e.scored ? t('initiatives.scored') : t('initiatives.notScored')}
            {e.weighted !== null && (
              <span data-testid="weighted">
                {' '}
                · {t('initiatives.weighted')}: <strong>{e.weighted}</strong>/100
              </span>
            )}
            {e.comment && <p className="small prewrap">{e.comment}</p>}
          </li>
        ))}
      </ul>
      {a && (
        <p data-testid="aggregate">
          <strong>{t('initiatives.aggregate')}:</strong>{' '}
          {t('initiatives.aggregateText', { mean: a.mean, stdDev: a.stdDev, min: a.min, max: a.max, n: a.n })}
        </p>
      )}
    </section>
  );
}

function Decision({ item }: { item: Initiative }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="decision-h">
      <h2 id="decision-h">{t('initiatives.decision')}</h2>
      <p>
        <strong>{t(`initiatives.decision.${item.decision!}`)}</strong>
      </p>
      {item.decisionNote && <p className="prewrap">{item.decisionNote}</p>}
      {item.followUp && (
        <p className="prewrap">
          <strong>{t('initiatives.followUp')}:</strong> {item.followUp}
        </p>
      )}
      <h3>{t('initiatives.tasks')}</h3>
      {item.tasks.length === 0 ? (
        <p>{t('initiatives.noTasks')}</p>
      ) : (
        <ul>
          {item.tasks.map((task) => (
            <li key={task.id}>
              <Link to={`/tasks/${task.id}`}>
                <span className="title-code">{task.code}</span> {task.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
