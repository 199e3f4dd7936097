/** The health module's public surface: other modules import only this file (lint-enforced). */
export { healthPlugin } from './health.routes.ts';
