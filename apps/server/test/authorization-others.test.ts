import { runMatrix } from './matrix.ts';
import { otherRows } from './matrix/others.ts';

runMatrix(otherRows);
