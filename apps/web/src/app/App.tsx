import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Role } from '@pilotage/contracts';
import type { ReactElement } from 'react';
import { LoginPage } from '../features/identity/LoginPage.tsx';
import {
  Lazy,
  PublicAnswersPage,
  PublicLayout,
  PublicSubmitPage,
  PublicTrackPage,
} from '../features/feedback/public.tsx';
import { useSession } from '../features/identity/session.tsx';
import { useT } from '../i18n/index.tsx';
import { ErrorNotice, Loading } from '../ui/ErrorNotice.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { Layout } from './Layout.tsx';
import { canSee } from './nav.ts';
import { PUBLIC_INITIATIVE_ROUTES, ROUTES } from './routes.tsx';

const CHANGE_PASSWORD = '/account/password';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {PUBLIC_INITIATIVE_ROUTES}
        <Route element={<Lazy page={PublicLayout} />}>
          <Route path="/public/feedback" element={<Lazy page={PublicSubmitPage} />} />
          <Route path="/public/feedback/track" element={<Lazy page={PublicTrackPage} />} />
          <Route path="/public/answers" element={<Lazy page={PublicAnswersPage} />} />
        </Route>
        <Route element={<RequireSession />}>
          {ROUTES.map((r) => (
            <Route
              key={r.path}
              path={r.path}
              element={<RequireRoles roles={r.roles}>{r.element}</RequireRoles>}
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}

/** Signed-out visitors go to the login page, which brings them back here afterwards. */
function RequireSession() {
  const { me, error, retry } = useSession();
  const location = useLocation();
  if (me === undefined) {
    return (
      <main id="main" className="boot">
        {error ? <ErrorNotice error={error} onRetry={retry} /> : <Loading />}
      </main>
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // after an administrator's reset, the new password comes first (the server refuses the rest meanwhile)
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD)
    return <Navigate to={CHANGE_PASSWORD} replace />;
  return <Layout />;
}

function RequireRoles({ roles, children }: { roles: readonly Role[] | undefined; children: ReactElement }) {
  const t = useT();
  const { me } = useSession();
  if (me && canSee({ roles }, me.user.roles)) return children;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('app.forbidden')}</p>
    </div>
  );
}

function NotFound() {
  const t = useT();
  usePageTitle(t('app.notFound'));
  return (
    <>
      <h1>{t('app.notFound')}</h1>
      <p>{t('app.notFoundHint')}</p>
      <p>
        <Link to="/">{t('app.backHome')}</Link>
      </p>
    </>
  );
}
