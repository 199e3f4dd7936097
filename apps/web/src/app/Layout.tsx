import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useT } from '../i18n/index.tsx';
import { Brand } from '../ui/Brand.tsx';
import { Loading } from '../ui/ErrorNotice.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { useMe, useSession } from '../features/identity/session.tsx';
import { useUnitName } from '../features/org/org.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { navFor } from './nav.ts';

/** The signed-in frame: skip link, header (brand, user, language, sign-out), role-based navigation, main. */
export function Layout() {
  const t = useT();
  const me = useMe();
  const { logout } = useSession();
  const nameOf = useUnitName();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a navigation: close the phone menu and move focus to the new page, as a full page load would.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const groups = navFor(me.user.roles);
  const user = (
    <>
      <Link to="/profile" className="user-name" data-testid="user-name" data-name>
        {me.user.displayName}
      </Link>
      <span className="user-unit" title={nameOf(me.unit)}>
        {nameOf(me.unit)}
      </span>
      <Link to="/account/password" className="user-password">
        {t('password.title')}
      </Link>
    </>
  );
  const signOut = (
    <button type="button" className="button button-secondary" onClick={() => void logout()}>
      {t('auth.logout')}
    </button>
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span className="menu-icon" aria-hidden="true" />
          <span className="menu-label">{t('nav.menu')}</span>
        </button>
        <Link to="/" className="brand-link">
          <Brand />
        </Link>
        <div className="header-user">{user}</div>
        <NotificationBell />
        <LanguageSwitch />
        <div className="header-signout">{signOut}</div>
      </header>
      <div className="app-body">
        <nav id="app-nav" aria-label={t('nav.label')} className={menuOpen ? 'app-nav open' : 'app-nav'}>
          <div className="nav-user">{user}</div>
          {groups.map((group) => (
            <div key={group.section ?? 'main'} className="nav-group">
              {group.section && <h2 className="nav-section">{t(group.section)}</h2>}
              <ul>
                {group.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end ?? false}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="nav-signout">{signOut}</div>
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
