import { useEffect } from 'react';
import { useT } from '../i18n/index.tsx';

/** Sets the document title to "<page> – Pilotage" (screen readers announce it; tabs show it). */
export function usePageTitle(title: string): void {
  const t = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${app}` : app;
  }, [title, app]);
}
