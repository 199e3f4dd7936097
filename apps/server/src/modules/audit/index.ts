/** The audit module's public surface: other modules import only this file (lint-enforced). */
export { canonicalJson } from './audit.chain.ts';
export { auditPlugin } from './audit.routes.ts';
export { AuditService, type ChainCheck } from './audit.service.ts';
export { AuditAnchor, type Checkpoint } from './audit.anchor.ts';
export type { AuditAction, AuditEntityOf, AuditInput, AuditInputOf } from './audit.events.ts';
export { startAuditSealer } from './audit.sealer.ts';
