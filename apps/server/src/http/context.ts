import type { Lang, Role } from '@pilotage/contracts';
import { SYSTEM_SCOPE, type Scope } from '../modules/org/index.ts';

/** Who is acting: a signed-in user or a unit's API key. */
export interface Actor {
  kind: 'user' | 'api_key';
  /** User id, or API key id. */
  id: string;
  userId: string | null;
  name: string;
  unitId: string;
  roles: readonly Role[];
  /** Root of the org subtree this actor may see. */
  scopeRootId: string;
  /** What this actor may see, as the typed value every repository takes (modules/org/scope.ts). */
  scope: Scope;
  /** Session CSRF token (cookie sessions only). */
  csrfToken: string | null;
  /** Set after an administrator's password reset: only the change-password route (and me, logout) serve. */
  mustChangePassword?: boolean;
}

/** Everything a service needs to know about the call: who, in which language, which request. */
export interface RequestContext {
  actor: Actor;
  lang: Lang;
  requestId: string;
}

/** For jobs, the CLI and the demo loader: acts as the system, audited as such. */
export function systemContext(unitId: string, name = 'system'): RequestContext {
  return {
    actor: {
      kind: 'user',
      id: '00000000-0000-0000-0000-000000000000',
      userId: null,
      name,
      unitId,
      roles: ['admin'],
      scopeRootId: unitId,
      scope: SYSTEM_SCOPE,
      csrfToken: null,
    },
    lang: 'vi',
    requestId: `system-${Date.now()}`,
  };
}
