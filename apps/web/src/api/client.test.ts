import { afterEach, describe, expect, it, vi } from 'vitest';
import { identityRoutes, orgRoutes } from '@pilotage/contracts';
import {
  ApiError,
  buildPath,
  buildQuery,
  call,
  downloadHref,
  setApiLanguage,
  setCsrfToken,
  setUnauthorizedHandler,
} from './client.ts';

const unit = {
  id: '0190a6f2-9d6e-7c3b-8a1f-2b3c4d5e6f70',
  code: '01',
  name: 'Hà Nội',
  nameEn: 'Hanoi',
  kind: 'province',
  parentId: null,
  validFrom: '2025-07-01',
  validTo: null,
};

function mockFetch(status: number, body: unknown) {
  const fn = vi.fn(
    async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
  setApiLanguage('vi');
});

describe('api client', () => {
  it('fills path params and serializes the query', () => {
    expect(buildPath('/api/org-units/:id/children', { id: 'a b' })).toBe('/api/org-units/a%20b/children');
    expect(() => buildPath('/api/users/:id', {})).toThrow(/:id/);
    expect(buildQuery({ q: 'đắk lắk', limit: 20, kind: undefined, empty: '' })).toBe(
      '?q=%C4%91%E1%BA%AFk+l%E1%BA%AFk&limit=20',
    );
    expect(buildQuery({})).toBe('');
  });

  it('download links carry the language chosen in the UI (the browser sends its own Accept-Language)', () => {
    const path = '/api/programmes/:id/review.xlsx';
    expect(downloadHref(path, { id: 'p1' }, { asOf: '2025-06-30' }, 'vi')).toBe(
      '/api/programmes/p1/review.xlsx?asOf=2025-06-30&lang=vi',
    );
    expect(downloadHref(path, { id: 'p1' }, {}, 'en')).toBe('/api/programmes/p1/review.xlsx?lang=en');
  });

  it('sends language, credentials and parses the typed response', async () => {
    setApiLanguage('en');
    const fetch = mockFetch(200, { items: [unit], total: 1 });
    const result = await call(orgRoutes.list, { query: { q: 'ha noi' } });
    expect(result.items[0]?.name).toBe('Hà Nội');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/org-units?q=ha+noi');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['accept-language']).toBe('en');
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('sends the CSRF token and a JSON body on writes', async () => {
    setCsrfToken('tok');
    const fetch = mockFetch(200, { ok: true });
    await call(identityRoutes.logout);
    const init = fetch.mock.calls[0]![1];
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect(init.method).toBe('POST');
  });

  it('throws ApiError with the problem, and signals 401 on private routes only', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const problem = {
      status: 400,
      title: 'Bad request',
      detail: 'invalid',
      errors: [{ path: 'body.username', message: 'too short' }],
    };
    mockFetch(400, problem);
    const error = await call(identityRoutes.login, { body: { username: 'x', password: 'y' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors()).toEqual({ username: 'too short' });

    mockFetch(401, { status: 401, title: 'Unauthenticated' });
    await expect(call(identityRoutes.login, { body: { username: 'x', password: 'y' } })).rejects.toThrow();
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(call(identityRoutes.me)).rejects.toThrow(ApiError);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('rejects a response that does not match the contract', async () => {
    mockFetch(200, { items: [{ id: 'nope' }], total: 1 });
    await expect(call(orgRoutes.list)).rejects.toThrow();
  });
});
