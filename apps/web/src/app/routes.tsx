import type { Role } from '@pilotage/contracts';
import { lazy, Suspense, type ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { HomePage } from '../features/home/HomePage.tsx';
import { AUDITORS, FEEDBACK_HANDLERS, USER_MANAGERS } from './nav.ts';

/**
 * Pages other than home load on demand (one small chunk each), so a commune officer's phone downloads the
 * shell and the report form, not the whole application. Layout shows a loading state meanwhile.
 */
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const ApiKeysPage = lazy(() =>
  import('../features/identity/ApiKeysPage.tsx').then((m) => ({ default: m.ApiKeysPage })),
);
const ChangePasswordPage = lazy(() =>
  import('../features/identity/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);
const UsersPage = lazy(() =>
  import('../features/identity/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const OrgBrowserPage = lazy(() =>
  import('../features/org/OrgBrowserPage.tsx').then((m) => ({ default: m.OrgBrowserPage })),
);
const CommitmentsPage = lazy(() =>
  import('../features/commitments/CommitmentsPage.tsx').then((m) => ({ default: m.CommitmentsPage })),
);
const QualityRegisterPage = lazy(() =>
  import('../features/quality/RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })),
);
const QualityDatabasePage = lazy(() =>
  import('../features/quality/DatabasePage.tsx').then((m) => ({ default: m.DatabasePage })),
);
const QualityRankingsPage = lazy(() =>
  import('../features/quality/RankingsPage.tsx').then((m) => ({ default: m.RankingsPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const ReportFormPage = lazy(() =>
  import('../features/reports/ReportFormPage.tsx').then((m) => ({ default: m.ReportFormPage })),
);
const ReportPage = lazy(() =>
  import('../features/reports/ReportPage.tsx').then((m) => ({ default: m.ReportPage })),
);
const ReviewQueuePage = lazy(() =>
  import('../features/reports/ReviewQueuePage.tsx').then((m) => ({ default: m.ReviewQueuePage })),
);
const AssignmentPage = lazy(() =>
  import('../features/tasks/AssignmentPage.tsx').then((m) => ({ default: m.AssignmentPage })),
);
const MyAssignmentsPage = lazy(() =>
  import('../features/tasks/MyAssignmentsPage.tsx').then((m) => ({ default: m.MyAssignmentsPage })),
);
const OverviewPage = lazy(() =>
  import('../features/tasks/OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })),
);
const TaskListPage = lazy(() =>
  import('../features/tasks/TaskListPage.tsx').then((m) => ({ default: m.TaskListPage })),
);
const ImportPage = lazy(() =>
  import('../features/task-io/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
const ReviewPage = lazy(() =>
  import('../features/task-io/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
);
const NationalDashboardPage = lazy(() =>
  import('../features/kpi/NationalDashboardPage.tsx').then((m) => ({ default: m.NationalDashboardPage })),
);
const ProvinceDashboardPage = lazy(() =>
  import('../features/kpi/ProvinceDashboardPage.tsx').then((m) => ({ default: m.ProvinceDashboardPage })),
);
const UnitDashboardPage = lazy(() =>
  import('../features/kpi/UnitDashboardPage.tsx').then((m) => ({ default: m.UnitDashboardPage })),
);
const DataEntryPage = lazy(() =>
  import('../features/kpi/DataEntryPage.tsx').then((m) => ({ default: m.DataEntryPage })),
);
const Initiatives = {
  Layout: lazy(() =>
    import('../features/initiatives/PublicLayout.tsx').then((m) => ({ default: m.PublicLayout })),
  ),
  Catalogue: lazy(() =>
    import('../features/initiatives/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })),
  ),
  Public: lazy(() =>
    import('../features/initiatives/PublicInitiativePage.tsx').then((m) => ({
      default: m.PublicInitiativePage,
    })),
  ),
  Propose: lazy(() =>
    import('../features/initiatives/ProposePage.tsx').then((m) => ({ default: m.ProposePage })),
  ),
  List: lazy(() =>
    import('../features/initiatives/InitiativesPage.tsx').then((m) => ({ default: m.InitiativesPage })),
  ),
  Page: lazy(() =>
    import('../features/initiatives/InitiativePage.tsx').then((m) => ({ default: m.InitiativePage })),
  ),
  PublicStats: lazy(() =>
    import('../features/statistics/PublicStatisticsPage.tsx').then((m) => ({
      default: m.PublicStatisticsPage,
    })),
  ),
  Stats: lazy(() =>
    import('../features/statistics/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })),
  ),
};
/** Who works on initiatives inside the app (steering screens and decides, experts evaluate). */
export const INITIATIVE_ROLES: readonly Role[] = ['steering', 'admin', 'expert'];

/** The public pages of the initiative portal (no account), outside the signed-in frame. */
export const PUBLIC_INITIATIVE_ROUTES = (
  <Route
    element={
      <Suspense fallback={null}>
        <Initiatives.Layout />
      </Suspense>
    }
  >
    <Route path="/public/initiatives" element={<Initiatives.Catalogue />} />
    <Route path="/public/initiatives/propose" element={<Initiatives.Propose />} />
    <Route path="/public/initiatives/:code" element={<Initiatives.Public />} />
    <Route path="/public/statistics" element={<Initiatives.PublicStats />} />
  </Route>
);
const ProfilePage = lazy(() =>
  import('../features/home/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })),
);
const TaskPage = lazy(() => import('../features/tasks/TaskPage.tsx').then((m) => ({ default: m.TaskPage })));

const FeedbackQueuePage = lazy(() =>
  import('../features/feedback/FeedbackQueuePage.tsx').then((m) => ({ default: m.FeedbackQueuePage })),
);
const FeedbackItemPage = lazy(() =>
  import('../features/feedback/FeedbackItemPage.tsx').then((m) => ({ default: m.FeedbackItemPage })),
);

export interface AppRoute {
  path: string;
  element: ReactElement;
  /** Who may open the page; others see a "not allowed" message. Absent: every signed-in user. */
  roles?: readonly Role[];
}

/**
 * The pages of the signed-in app (the login page is outside). To add a feature: its pages here, its
 * navigation entries in nav.ts (with the same roles), its strings in src/i18n/vi.ts and en.ts.
 */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', element: <HomePage /> },
  { path: '/feedback', element: <FeedbackQueuePage />, roles: FEEDBACK_HANDLERS },
  { path: '/feedback/:id', element: <FeedbackItemPage />, roles: FEEDBACK_HANDLERS },
  { path: '/profile', element: <ProfilePage /> },
  { path: '/org', element: <OrgBrowserPage /> },
  { path: '/account/password', element: <ChangePasswordPage /> },
  { path: '/org/:id', element: <OrgBrowserPage /> },
  { path: '/admin/users', element: <UsersPage />, roles: USER_MANAGERS },
  { path: '/admin/api-keys', element: <ApiKeysPage />, roles: USER_MANAGERS },
  { path: '/admin/audit', element: <AuditPage />, roles: AUDITORS },
  // Tasks module: overview, task list and pages, my assignments, report form, review queue.
  { path: '/programmes', element: <OverviewPage /> },
  { path: '/programmes/:id', element: <OverviewPage /> },
  { path: '/tasks', element: <TaskListPage /> },
  { path: '/tasks/:id', element: <TaskPage /> },
  { path: '/assignments/:id', element: <AssignmentPage /> },
  { path: '/assignments/:id/report', element: <ReportFormPage />, roles: ['officer', 'unit_lead'] },
  { path: '/reports/:id', element: <ReportPage /> },
  { path: '/my', element: <MyAssignmentsPage />, roles: ['officer', 'unit_lead'] },
  { path: '/reviews', element: <ReviewQueuePage />, roles: ['reviewer', 'steering', 'unit_lead', 'admin'] },
  { path: '/programmes/:id/review', element: <ReviewPage /> },
  { path: '/notifications', element: <NotificationsPage /> },
  {
    path: '/commitments',
    element: <CommitmentsPage />,
    roles: ['unit_lead', 'steering', 'admin', 'reviewer'],
  },
  { path: '/import', element: <ImportPage />, roles: ['steering', 'admin'] },
  // KPI dashboards and data entry (features/kpi)
  { path: '/kpi', element: <NationalDashboardPage /> },
  { path: '/kpi/provinces/:code', element: <ProvinceDashboardPage /> },
  { path: '/kpi/units/:code', element: <UnitDashboardPage /> },
  { path: '/kpi/entry', element: <DataEntryPage />, roles: ['officer', 'unit_lead'] },
  { path: '/initiatives', element: <Initiatives.List />, roles: INITIATIVE_ROLES },
  { path: '/initiatives/:id', element: <Initiatives.Page />, roles: INITIATIVE_ROLES },
  { path: '/statistics', element: <Initiatives.Stats /> },
  { path: '/quality', element: <QualityRegisterPage /> },
  { path: '/quality/databases/:id', element: <QualityDatabasePage /> },
  { path: '/quality/rankings', element: <QualityRankingsPage /> },
];
