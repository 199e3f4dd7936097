import { runMatrix } from './matrix.ts';
import { kpiScoreRows } from './matrix/kpi-score.ts';

runMatrix(kpiScoreRows);
