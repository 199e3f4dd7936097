import { identityRoutes } from '@pilotage/contracts';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { TextField } from '../../ui/Field.tsx';
import { SubmitFooter, useSubmit } from '../../ui/useSubmit.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useSession } from './session.tsx';

/**
 * Change one's own password. After an administrator's reset (`me.mustChangePassword`) every page leads
 * here until it is done; the server refuses other requests meanwhile.
 */
export function ChangePasswordPage() {
  const t = useT();
  const { me, passwordChanged } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const state = useSubmit();
  usePageTitle(t('password.title'));
  const forced = me?.mustChangePassword === true;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void state.submit(
      (): Record<string, string> => (next === again ? {} : { confirm: t('password.mismatch') }),
      async () => {
        await call(identityRoutes.changePassword, {
          body: { currentPassword: current, newPassword: next },
        });
        setCurrent('');
        setNext('');
        setAgain('');
        passwordChanged();
        if (forced) void navigate('/', { replace: true });
        return t('password.changed');
      },
    );
  };

  return (
    <>
      <h1>{t('password.title')}</h1>
      {forced && (
        <div className="notice notice-warning" role="status">
          <p>{t('password.forced')}</p>
        </div>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('password.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          error={state.errors.currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label={t('password.new')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t('password.hint')}
          value={next}
          error={state.errors.newPassword}
          onChange={(e) => setNext(e.target.value)}
        />
        <TextField
          label={t('password.confirm')}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          value={again}
          error={state.errors.confirm}
          onChange={(e) => setAgain(e.target.value)}
        />
        <SubmitFooter state={state} label={t('password.submit')} />
      </form>
    </>
  );
}
