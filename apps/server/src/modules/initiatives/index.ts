/**
 * Initiative portal (issue 10, item 5; ADR 0018): public catalogue and proposals, expert evaluation against
 * a versioned weighted rubric (rubric.ts), decisions linked to tasks.
 */
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import { EvaluationService } from './evaluation.service.ts';
import { InitiativesService } from './initiatives.service.ts';
import { initiativeSettings, type InitiativeSettings } from './initiatives.settings.ts';
import { PortalService } from './portal.service.ts';

export function createInitiatives(
  db: Db,
  audit: AuditService,
  settings: InitiativeSettings = initiativeSettings(),
) {
  const initiatives = new InitiativesService(db, audit);
  return {
    initiatives,
    evaluation: new EvaluationService(db, audit, initiatives),
    portal: new PortalService(db, audit, initiatives, settings),
  };
}

export type InitiativesModuleServices = ReturnType<typeof createInitiatives>;
export { initiativesPlugin } from './initiatives.routes.ts';
export { initiativeSearchKey } from './initiatives.repository.ts';
export { newInitiativeCode } from './portal.service.ts';
