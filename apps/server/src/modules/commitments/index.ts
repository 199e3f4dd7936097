/** Commitments module: leaders' written commitments on assignments, kept or broken. */
export { commitmentsPlugin } from './commitments.routes.ts';
export { CommitmentsService } from './commitments.service.ts';
