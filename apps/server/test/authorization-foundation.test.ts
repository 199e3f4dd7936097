import { runMatrix } from './matrix.ts';
import { foundationRows } from './matrix/foundation.ts';

runMatrix(foundationRows);
