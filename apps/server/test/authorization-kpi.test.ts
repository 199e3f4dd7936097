import { runMatrix } from './matrix.ts';
import { kpiRows } from './matrix/kpi.ts';

runMatrix(kpiRows);
