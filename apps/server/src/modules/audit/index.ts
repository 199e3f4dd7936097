/** The audit module's public surface: other modules import only this file (lint-enforced). */
export { canonicalJson } from './audit.chain.ts';
export { auditPlugin } from './audit.routes.ts';
export { AuditService, type ChainCheck } from './audit.service.ts';
