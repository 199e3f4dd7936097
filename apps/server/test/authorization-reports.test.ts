import { runMatrix } from './matrix.ts';
import { reportRows } from './matrix/reports.ts';

runMatrix(reportRows);
