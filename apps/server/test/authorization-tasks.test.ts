import { runMatrix } from './matrix.ts';
import { taskRows } from './matrix/tasks.ts';

runMatrix(taskRows);
