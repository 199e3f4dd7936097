import { runMatrix } from './matrix.ts';
import { initiativeRows } from './matrix/initiatives.ts';

runMatrix(initiativeRows);
