import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { RoleList } from '../../ui/RoleCheckboxes.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useMe } from '../identity/session.tsx';
import { useOrgUnit, useUnitName } from '../org/org.ts';

/** `/profile`: who you are, your unit and what you may see (moved here from the home page). */
export function ProfilePage() {
  const t = useT();
  const me = useMe();
  const nameOf = useUnitName();
  const scope = useOrgUnit(me.scopeRootId).data;
  usePageTitle(t('home.profile.title'));
  return (
    <>
      <h1>{t('home.profile.title')}</h1>
      <div className="cards">
        <section className="card" aria-labelledby="home-you">
          <h2 id="home-you">{t('home.you')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('home.profile.name')}</dt>
              <dd>{me.user.displayName}</dd>
            </div>
            <div>
              <dt>{t('home.username')}</dt>
              <dd>{me.user.username}</dd>
            </div>
            <div>
              <dt>{t('home.roles')}</dt>
              <dd>
                <RoleList roles={me.user.roles} />
              </dd>
            </div>
          </dl>
          <p>
            <Link to="/account/password">{t('password.title')}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="home-unit">
          <h2 id="home-unit">{t('home.unit')}</h2>
          <p className="card-lead">
            <Link to={`/org/${me.unit.id}`}>{nameOf(me.unit)}</Link>
          </p>
          <p className="muted">
            {me.unit.kind !== 'national' && `${t(`kind.${me.unit.kind}`)} · `}
            {t('org.code')} {me.unit.code}
          </p>
        </section>
        <section className="card" aria-labelledby="home-scope">
          <h2 id="home-scope">{t('home.scope')}</h2>
          {scope && (
            <>
              <p className="card-lead">
                <Link to={`/org/${scope.id}`}>{nameOf(scope)}</Link>
              </p>
              <p className="muted">{t('home.scopeHint', { unit: nameOf(scope) })}</p>
              {(scope.childCount ?? 0) > 0 && (
                <p className="muted">{t('org.childCount', { count: scope.childCount ?? 0 })}</p>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
