import { NavLink, Outlet } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { Brand } from '../../ui/Brand.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import './feedback.css';

/** The public pages (no account): a light shell, no application menu, nothing heavy loaded. */
export function PublicLayout() {
  const t = useT();
  return (
    <div className="public-page">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="login-header public-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <nav className="public-nav" aria-label={t('fb.public.title')}>
        <NavLink to="/public/feedback" end>
          {t('fb.public.navSubmit')}
        </NavLink>
        <NavLink to="/public/feedback/track">{t('fb.public.navTrack')}</NavLink>
        <NavLink to="/public/answers">{t('fb.public.navAnswers')}</NavLink>
      </nav>
      <main id="main" tabIndex={-1} className="public-main">
        <Outlet />
      </main>
    </div>
  );
}
