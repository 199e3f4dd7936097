import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Loading } from '../../ui/ErrorNotice.tsx';

/** The public pages, each loaded on demand (no account, no application shell, no chart library). */
export const PublicLayout = lazy(() =>
  import('./PublicLayout.tsx').then((m) => ({ default: m.PublicLayout })),
);
export const PublicSubmitPage = lazy(() =>
  import('./PublicSubmitPage.tsx').then((m) => ({ default: m.PublicSubmitPage })),
);
export const PublicTrackPage = lazy(() =>
  import('./PublicTrackPage.tsx').then((m) => ({ default: m.PublicTrackPage })),
);
export const PublicAnswersPage = lazy(() =>
  import('./PublicAnswersPage.tsx').then((m) => ({ default: m.PublicAnswersPage })),
);

export function Lazy({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
