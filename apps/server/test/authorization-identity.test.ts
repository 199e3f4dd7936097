import { runMatrix } from './matrix.ts';
import { identityRows } from './matrix/identity.ts';

runMatrix(identityRows);
