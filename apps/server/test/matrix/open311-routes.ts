import type { RouteRef } from '../matrix.ts';

/** Open311 GeoReport v2 (raw routes, public, outside the OpenAPI document). */
export const OPEN311_ROUTES: Record<string, RouteRef> = {
  'open311.discovery': { method: 'GET', path: '/open311/v2/discovery.:format', public: true },
  'open311.services': { method: 'GET', path: '/open311/v2/services.:format', public: true },
  'open311.service': { method: 'GET', path: '/open311/v2/services/:code.:format', public: true },
  'open311.requests': { method: 'GET', path: '/open311/v2/requests.:format', public: true },
  'open311.postRequest': { method: 'POST', path: '/open311/v2/requests.:format', public: true },
  'open311.request': { method: 'GET', path: '/open311/v2/requests/:id.:format', public: true },
};
