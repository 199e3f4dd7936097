import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';

/**
 * Shows a failure: the server's problem detail (already in the UI language, since the client sends
 * Accept-Language), or a generic message for anything else (network cut, unexpected answer).
 */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  const message = error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : t('app.error');
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function SuccessNotice({ children }: { children: string | null }) {
  return (
    <div className="notice notice-success" role="status" hidden={!children}>
      {children && <p>{children}</p>}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
