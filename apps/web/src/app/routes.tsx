import type { Role } from '@pilotage/contracts';
import { lazy, type ReactElement } from 'react';
import { HomePage } from '../features/home/HomePage.tsx';
import { AUDITORS, USER_MANAGERS } from './nav.ts';

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
const ProfilePage = lazy(() =>
  import('../features/home/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })),
);
const TaskPage = lazy(() => import('../features/tasks/TaskPage.tsx').then((m) => ({ default: m.TaskPage })));

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
  { path: '/quality', element: <QualityRegisterPage /> },
  { path: '/quality/databases/:id', element: <QualityDatabasePage /> },
  { path: '/quality/rankings', element: <QualityRankingsPage /> },
];
