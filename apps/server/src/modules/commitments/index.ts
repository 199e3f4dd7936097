/** The commitments module's public surface: other modules import only this file (lint-enforced). */
export { commitmentsPlugin } from './commitments.routes.ts';
export { CommitmentsService } from './commitments.service.ts';
