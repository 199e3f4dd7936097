import { runMatrix } from './matrix.ts';
import { qualityRows } from './matrix/quality.ts';

runMatrix(qualityRows);
