import { runMatrix } from './matrix.ts';
import { dashboardRows } from './matrix/dashboard.ts';

runMatrix(dashboardRows);
