import { runMatrix } from './matrix.ts';
import { reviewRows } from './matrix/review.ts';

runMatrix(reviewRows);
