/** Feedback statistics (issue 10, item 8): per unit and topic, public and scoped, with CSV/XLSX exports. */
export { StatisticsService, workingDayOrdinals } from './statistics.service.ts';
export { statisticsPlugin } from './statistics.routes.ts';
