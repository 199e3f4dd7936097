import { runMatrix } from './matrix.ts';
import { feedbackRows } from './matrix/feedback.ts';

runMatrix(feedbackRows);
