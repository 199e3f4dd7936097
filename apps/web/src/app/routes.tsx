import type { Role } from '@pilotage/contracts';
import type { ReactElement } from 'react';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { ApiKeysPage } from '../features/identity/ApiKeysPage.tsx';
import { UsersPage } from '../features/identity/UsersPage.tsx';
import { OrgBrowserPage } from '../features/org/OrgBrowserPage.tsx';
import { CommitmentsPage } from '../features/commitments/CommitmentsPage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { ReportFormPage } from '../features/reports/ReportFormPage.tsx';
import { ReportPage } from '../features/reports/ReportPage.tsx';
import { ReviewQueuePage } from '../features/reports/ReviewQueuePage.tsx';
import { AssignmentPage } from '../features/tasks/AssignmentPage.tsx';
import { MyAssignmentsPage } from '../features/tasks/MyAssignmentsPage.tsx';
import { OverviewPage } from '../features/tasks/OverviewPage.tsx';
import { TaskListPage } from '../features/tasks/TaskListPage.tsx';
import { ImportPage } from '../features/task-io/ImportPage.tsx';
import { ReviewPage } from '../features/task-io/ReviewPage.tsx';
import { TaskPage } from '../features/tasks/TaskPage.tsx';
import { AUDITORS, USER_MANAGERS } from './nav.ts';

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
  { path: '/org', element: <OrgBrowserPage /> },
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
];
