import {
  Problem,
  type Lang,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
} from '@pilotage/contracts';
import { ApiError, buildPath, buildQuery } from '../../api/client.ts';

/**
 * Calls the JSON client cannot make: writes carrying an `Idempotency-Key` header, and multipart uploads.
 * Same conventions as api/client.ts (Accept-Language, x-csrf-token on writes, problem+json → ApiError),
 * with the CSRF token and language passed in by the caller (from the session and the i18n context).
 */
export interface SendOptions {
  csrfToken: string | null;
  lang: Lang;
  idempotencyKey?: string;
  /** Multipart body (uploads) instead of the JSON body. */
  formData?: FormData;
}

async function readProblem(response: Response): Promise<Problem> {
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // not JSON (proxy page, cut connection)
  }
  const parsed = Problem.safeParse(json);
  return parsed.success
    ? parsed.data
    : { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

export async function send<R extends RouteContract>(
  route: R,
  input: RouteInput<R>,
  opts: SendOptions,
): Promise<RouteOutput<R>> {
  const loose = input as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': opts.lang };
  if (opts.csrfToken) headers['x-csrf-token'] = opts.csrfToken;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let body: BodyInit | undefined;
  if (opts.formData) body = opts.formData;
  else if (loose.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(loose.body);
  }
  const response = await fetch(buildPath(route.path, loose.params) + buildQuery(loose.query), {
    method: route.method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body } : {}),
  });
  if (!response.ok) throw new ApiError(await readProblem(response));
  const json: unknown = response.status === 204 ? undefined : await response.json();
  return route.response.parse(json) as RouteOutput<R>;
}

/** FNV-1a of a string, hex: a short stable fingerprint for idempotency keys (same body → same key). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Network failures (no answer at all) are worth one quiet retry with the same key; refusals are not. */
export async function withRetry<T>(fn: () => Promise<T>, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ApiError || attempt >= retries) throw error;
      await new Promise((r) => setTimeout(r, 800 * (attempt + 1)));
    }
  }
}
