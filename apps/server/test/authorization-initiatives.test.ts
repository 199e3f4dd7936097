import { runMatrix } from './matrix.ts';
import { initiativeRows } from './matrix/initiatives.ts';
import { recommendationRows } from './matrix/recommendations.ts';
import { statisticsRows } from './matrix/statistics.ts';

runMatrix((m) => ({ ...initiativeRows(m), ...statisticsRows(m), ...recommendationRows(m) }));
