import { z } from 'zod';
import { IdParams, IsoDateTime, Ok, Pagination, Uuid, listOf } from './common.ts';
import { OrgUnit } from './org.ts';
import { defineRoutes } from './route.ts';

export const ROLES = [
  'admin',
  'steering',
  'unit_lead',
  'officer',
  'reviewer',
  'handler',
  'expert',
  'viewer',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'username_format');
export const Password = z.string().min(10).max(200);

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const User = z.object({
  id: Uuid,
  username: Username,
  displayName: z.string(),
  email: z.string().nullable(),
  orgUnitId: Uuid,
  roles: z.array(Role),
  active: z.boolean(),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

export const Me = z.object({
  user: User,
  unit: OrgUnit,
  /** Root of what this user may see (their unit, or the national root for national steering staff). */
  scopeRootId: Uuid,
  csrfToken: z.string().nullable(),
  /** After an administrator's reset: the client sends the user to the change-password page. */
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const CreateUserBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  email: z.email().nullable().optional(),
  orgUnitId: Uuid,
  roles: z.array(Role).min(1),
  password: Password,
});

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().nullable().optional(),
  roles: z.array(Role).min(1).optional(),
  active: z.boolean().optional(),
});

export const ApiKey = z.object({
  id: Uuid,
  orgUnitId: Uuid,
  name: z.string(),
  prefix: z.string(),
  roles: z.array(Role),
  createdAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
});
export const CreateApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  orgUnitId: Uuid,
  roles: z.array(Role).min(1).default(['officer']),
  /** Lifetime in days (default and maximum: the server's PILOTAGE_API_KEY_MAX_DAYS, 365). */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

/** An administrator sets a temporary password; the user must change it at next login. */
export const ResetPasswordBody = z.strictObject({
  temporaryPassword: Password,
});

export const identityRoutes = defineRoutes({
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Password login; sets an HttpOnly session cookie',
    tags: ['identity'],
    public: true,
    body: LoginBody,
    response: Me,
  },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End the session',
    tags: ['identity'],
    response: Ok,
  },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    summary: 'Change one’s own password (current password required); other sessions end',
    tags: ['identity'],
    body: ChangePasswordBody,
    response: Ok,
  },
  me: {
    method: 'GET',
    path: '/api/me',
    summary: 'The caller, their unit and roles',
    tags: ['identity'],
    response: Me,
  },
  listUsers: {
    method: 'GET',
    path: '/api/users',
    summary: "Users of the caller's scope",
    tags: ['identity'],
    query: z.strictObject({
      q: z.string().trim().max(100).optional(),
      orgUnitId: Uuid.optional(),
      ...Pagination,
    }),
    response: listOf(User),
  },
  createUser: {
    method: 'POST',
    path: '/api/users',
    summary: 'Create a user in a unit of the caller’s scope',
    tags: ['identity'],
    body: CreateUserBody,
    response: User,
    status: 201,
  },
  getUser: {
    method: 'GET',
    path: '/api/users/:id',
    summary: 'One user',
    tags: ['identity'],
    params: IdParams,
    response: User,
  },
  updateUser: {
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change a user',
    tags: ['identity'],
    params: IdParams,
    body: UpdateUserBody,
    response: User,
  },
  resetPassword: {
    method: 'POST',
    path: '/api/users/:id/reset-password',
    summary: 'Set a temporary password that must be changed at next login (admins)',
    tags: ['identity'],
    params: IdParams,
    body: ResetPasswordBody,
    response: User,
  },
  listApiKeys: {
    method: 'GET',
    path: '/api/api-keys',
    summary: 'API keys of the caller’s scope (hashes only are stored)',
    tags: ['identity'],
    query: z.strictObject({ ...Pagination }),
    response: listOf(ApiKey),
  },
  createApiKey: {
    method: 'POST',
    path: '/api/api-keys',
    summary: 'Create an API key for an org unit; the secret is shown once',
    tags: ['identity'],
    body: CreateApiKeyBody,
    response: ApiKey.extend({ secret: z.string() }),
    status: 201,
  },
  revokeApiKey: {
    method: 'POST',
    path: '/api/api-keys/:id/revoke',
    summary: 'Revoke an API key',
    tags: ['identity'],
    params: IdParams,
    response: ApiKey,
  },
});
