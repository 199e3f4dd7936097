import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { Brand } from '../../ui/Brand.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useSession } from './session.tsx';

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
function nextPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login'
    ? from
    : '/';
}

export function LoginPage() {
  const t = useT();
  const [lang] = useLang();
  const { me, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('auth.title'));

  // The server's message is in the language of the request: a language switch clears a stale one.
  useEffect(() => setError(null), [lang]);

  if (me) return <Navigate to={nextPath(location.state)} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
      void navigate(nextPath(location.state), { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  return (
    <div className="login-page">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="login-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="login-main">
        <div className="card login-card">
          <h1>{t('auth.title')}</h1>
          <p className="muted">{t('auth.intro')}</p>
          <form
            onSubmit={(e) => void onSubmit(e)}
            noValidate
            aria-describedby={error ? 'login-error' : undefined}
          >
            <TextField
              label={t('auth.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              error={fieldErrors.username}
              onChange={(e) => setUsername(e.target.value)}
            />
            <TextField
              label={t('auth.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              error={fieldErrors.password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <div id="login-error">
              <ErrorNotice error={error} />
            </div>
            <button type="submit" className="button button-primary button-block" disabled={busy}>
              {busy ? t('auth.submitting') : t('auth.submit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
