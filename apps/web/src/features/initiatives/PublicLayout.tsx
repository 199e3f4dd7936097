import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { Brand } from '../../ui/Brand.tsx';
import { Loading } from '../../ui/ErrorNotice.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import './initiatives.css';

/** The frame of the public pages (no account): brand, language, sign-in link, the page. */
export function PublicLayout() {
  const t = useT();
  return (
    <div className="app public-app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header public-header">
        <Link to="/public/initiatives" className="brand-link">
          <Brand />
        </Link>
        <nav aria-label={t('initiatives.portal')} className="public-nav">
          <Link to="/public/initiatives">{t('initiatives.nav')}</Link>{' '}
          <Link to="/public/statistics">{t('stats.title')}</Link>
        </nav>
        <LanguageSwitch />
        <Link to="/login" className="button button-secondary button-small">
          {t('initiatives.signIn')}
        </Link>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
