import { inject } from 'vitest';

/** Origin of the server under test (started by global-setup.ts, or E2E_BASE_URL). No trailing slash. */
export function baseUrl(): string {
  return inject('baseUrl');
}
