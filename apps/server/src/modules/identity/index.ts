/** The identity module's public surface: other modules import only this file (lint-enforced). */
export { AuthService } from './auth.service.ts';
export { demoAccountsRepository } from './demo-accounts.repository.ts';
export { demoAccountsPlugin } from './demo-accounts.routes.ts';
export { DemoAccountsService } from './demo-accounts.service.ts';
export { identityRepository, toUser, userSearchKey } from './identity.repository.ts';
export { identityPlugin, SESSION_COOKIE } from './identity.routes.ts';
export { hashPassword } from './password.ts';
export { UsersService } from './users.service.ts';
export { startIdentityPurge } from './identity.purge.ts';
