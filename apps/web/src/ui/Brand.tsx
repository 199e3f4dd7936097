import { useT } from '../i18n/index.tsx';

/** The wordmark: app name and what it is for. */
export function Brand() {
  const t = useT();
  return (
    <span className="brand">
      <span className="brand-mark" aria-hidden="true">
        P
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </span>
    </span>
  );
}
