/** The org module's public surface: other modules import only this file (lint-enforced). */
export { loadOrganisation } from './org.loader.ts';
export { canSeeUnit } from './org.policy.ts';
export { likeEscape, orgRepository, toOrgUnit } from './org.repository.ts';
export { orgPlugin } from './org.routes.ts';
export { OrgService } from './org.service.ts';
export {
  PUBLIC_SCOPE,
  type Scope,
  scopeAt,
  SYSTEM_SCOPE,
  subtreeOf,
  unitsBelow,
  unitInScope,
  unitsInScope,
  unitUnder,
} from './scope.ts';
export { isUnitInScope, seesEverything } from './scope.ts';
export { ancestorsOfScope, scopeUnitsTable, unitsUnderEach } from './scope.ts';
export { orgTree } from './org.tree.ts';
