import { Link } from 'react-router-dom';
import { NAV, canSee } from '../../app/nav.ts';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useMe } from '../identity/session.tsx';
import { useUnitName } from '../org/org.ts';
import { useHome } from './home.ts';
import { CommitmentsBlock, QueueBlock } from './QueueBlocks.tsx';
import { SteeringBlock } from './SteeringBlock.tsx';
import { TodoBlock } from './TodoBlock.tsx';
import './home.css';

/**
 * What to do now, by role (issue 8): officers see their unit's work to do, reviewers their queue, leads
 * what awaits approval and their commitments, steering staff overdue work by unit, escalations and units
 * that did not report. Account details are on the profile page (/profile).
 */
export function HomePage() {
  const t = useT();
  const me = useMe();
  const nameOf = useUnitName();
  const home = useHome();
  usePageTitle(t('nav.home'));
  const links = NAV.filter((item) => item.description && canSee(item, me.user.roles));
  const h = home.data;

  return (
    <>
      <div className="page-head home-head">
        <div>
          <h1>{t('home.title', { name: me.user.displayName })}</h1>
          <p className="lead home-unit">
            {nameOf(me.unit)} · <Link to="/profile">{t('home.profileLink')}</Link>
          </p>
        </div>
      </div>
      {home.error && <ErrorNotice error={home.error} onRetry={() => void home.refetch()} />}
      {!h && !home.error && <Loading />}
      {h && (
        <>
          {h.todo && <TodoBlock todo={h.todo} />}
          {h.steering && <SteeringBlock steering={h.steering} />}
          {(h.review || h.approval || h.commitments) && (
            <div className="home-grid">
              {h.approval && <QueueBlock queue={h.approval} awaiting="approval" />}
              {h.review && <QueueBlock queue={h.review} awaiting="review" />}
              {h.commitments && <CommitmentsBlock commitments={h.commitments} today={h.today} />}
            </div>
          )}
        </>
      )}
      <section aria-labelledby="home-links">
        <h2 id="home-links">{t('home.links')}</h2>
        <ul className="link-cards">
          {links.map((item) => (
            <li key={item.to}>
              <Link to={item.to} className="link-card">
                <span className="link-card-title">{t(item.label)}</span>
                {item.description && <span className="link-card-text">{t(item.description)}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
