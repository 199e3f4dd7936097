import type { Role } from '@pilotage/contracts';
import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import type { TestEnv } from './harness.ts';
import { createUser, login, unitByCode, uniq, type Client } from './factories.ts';

/** The role classes of the authorization matrix. */
export const ROLE_CLASSES = [
  'anonymous',
  'communeOfficer',
  'communeLead',
  'provinceOfficer',
  'ministryOfficer',
  'steering',
  'admin',
] as const;
export type RoleClass = (typeof ROLE_CLASSES)[number];
type SignedInClass = Exclude<RoleClass, 'anonymous'>;

const SEATS: Record<SignedInClass, { unit: string; roles: Role[] }> = {
  communeOfficer: { unit: '00004', roles: ['officer'] }, // Phường Ba Đình, Hà Nội
  communeLead: { unit: '00004', roles: ['unit_lead'] },
  provinceOfficer: { unit: '01', roles: ['officer'] }, // Hà Nội
  ministryOfficer: { unit: 'BKHCN', roles: ['officer'] }, // Science and Technology
  steering: { unit: 'BCDCP', roles: ['steering'] }, // Government steering committee (central body)
  admin: { unit: 'VN', roles: ['admin'] },
};

/**
 * A small world over the real organisation: one signed-in user per role class, and bystanders in
 * the same commune, another commune of the same province, another province and another ministry.
 */
export async function buildWorld(env: TestEnv) {
  const units = {
    root: env.rootId,
    commune: (await unitByCode(env, '00004')).id,
    otherCommune: (await unitByCode(env, '00292')).id, // Phường Bạch Mai, also Hà Nội
    province: (await unitByCode(env, '01')).id,
    otherProvince: (await unitByCode(env, '24')).id, // Bắc Ninh
    otherProvinceCommune: (await unitByCode(env, '07210')).id,
    ministry: (await unitByCode(env, 'BKHCN')).id,
    otherMinistry: (await unitByCode(env, 'BCA')).id,
  };
  const bystanders = {
    colleague: await createUser(env, '00004', ['officer']),
    otherCommune: await createUser(env, '00292', ['officer']),
    otherProvince: await createUser(env, '07210', ['officer']),
    otherMinistry: await createUser(env, 'BCA', ['officer']),
  };
  const seats = {} as Record<SignedInClass, { client: Client; user: Awaited<ReturnType<typeof createUser>> }>;
  for (const [name, seat] of Object.entries(SEATS) as [SignedInClass, (typeof SEATS)[SignedInClass]][]) {
    const user = await createUser(env, seat.unit, seat.roles);
    seats[name] = { user, client: await login(env, user.username) };
  }

  function call(
    role: RoleClass,
    method: HTTPMethods,
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> {
    if (role === 'anonymous')
      return env.app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    return seats[role].client.request({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  /** An API key of a unit, made by a national admin (for list and revoke checks). */
  async function apiKey(unitId: string): Promise<{ id: string; secret: string }> {
    const res = await seats.admin.client.post('/api/api-keys', { name: uniq('key-'), orgUnitId: unitId });
    if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  const newUserBody = (orgUnitId: string, roles: Role[] = ['officer']) => ({
    username: uniq('new.'),
    displayName: 'Người dùng mới',
    orgUnitId,
    roles,
    password: 'a-long-password',
  });

  return { units, bystanders, seats, call, apiKey, newUserBody };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
