/**
 * Pages that tell each person what to do (issue 8): the home page's blocks by role (`GET /api/home`) and
 * the programme overview's overdue list, completion trend and sub-units (`GET /api/programmes/:id/dashboard`).
 * Read-only; it depends on org and tasks, nothing depends on it.
 */
import type { Db } from '../../db/database.ts';
import { dashboardPlugin } from './dashboard.routes.ts';
import { DashboardService } from './dashboard.service.ts';
import { HomeService } from './home.service.ts';

export function createDashboard(db: Db) {
  const home = new HomeService(db);
  const dashboard = new DashboardService(db);
  return { home, dashboard, plugin: () => dashboardPlugin(home, dashboard) };
}

export type Dashboard = ReturnType<typeof createDashboard>;
