import {
  Problem,
  type Lang,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
} from '@pilotage/contracts';

/**
 * The one way the web app talks to the server. Argument and result types come from the shared route
 * contracts (packages/contracts), never from hand-written types: `call(orgRoutes.children, { params: { id } })`.
 */

/** A failed call, carrying the server's problem+json (already in the UI language). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Field errors keyed by field name (`body.username` and `username` both become `username`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.replace(/^(body|query|params)\.?/, '') || '_';
      out[key] ??= e.message;
    }
    return out;
  }
}

const state: { lang: Lang; csrfToken: string | null; onUnauthorized: (() => void) | null; base: string } = {
  lang: 'vi',
  csrfToken: null,
  onUnauthorized: null,
  base: '',
};

export function setApiLanguage(lang: Lang): void {
  state.lang = lang;
}

/** Set from the `csrfToken` of the login or `/api/me` answer; sent back on every write. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Called when a private route answers 401 (session expired): the app goes back to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  state.onUnauthorized = handler;
}

/** Origin prefix for calls (tests only; the app uses relative URLs). */
export function setApiBase(base: string): void {
  state.base = base;
}

/** Replaces `:name` segments with URL-encoded params; a missing param is a programming error. */
export function buildPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`missing path param :${name} for ${path}`);
    if (value === '') throw new Error(`empty path param :${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** Query values are strings, numbers, booleans or dates (as sent by the contracts' query schemas). */
function scalar(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/** Serializes a query object; undefined, null and '' are left out, arrays repeat the key. */
export function buildQuery(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, scalar(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The address of a plain download link (review report, exports). A link is fetched by the browser with its
 * own Accept-Language, not the UI's: the chosen language goes along as `lang`, which the server prefers.
 */
export function downloadHref(
  path: string,
  params: Record<string, unknown>,
  query: Record<string, unknown>,
  lang: Lang,
): string {
  return state.base + buildPath(path, params) + buildQuery({ ...query, lang });
}

type Args<R extends RouteContract> =
  object extends RouteInput<R> ? [input?: RouteInput<R>] : [input: RouteInput<R>];

interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

async function readProblem(response: Response): Promise<Problem> {
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // not JSON (proxy error page, network cut): fall back to the status line
  }
  const parsed = Problem.safeParse(json);
  if (parsed.success) return parsed.data;
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

/** What a write may carry besides its JSON body. */
export interface CallOptions {
  /** Sent as `Idempotency-Key`: the server replays its stored answer to a retried write. */
  idempotencyKey?: string;
  /** Multipart body (uploads) instead of the JSON body. */
  formData?: FormData;
  /** A text body of another type (checks declared in YAML). */
  text?: { type: string; body: string };
}

async function request<R extends RouteContract>(
  route: R,
  input: LooseInput,
  options: CallOptions,
): Promise<RouteOutput<R>> {
  const url = state.base + buildPath(route.path, input.params) + buildQuery(input.query);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.lang };
  let body: BodyInit | undefined;
  if (options.formData) body = options.formData;
  else if (options.text) {
    headers['content-type'] = options.text.type;
    body = options.text.body;
  } else if (route.body !== undefined && input.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(input.body);
  }
  if (route.method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  const response = await fetch(url, {
    method: route.method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body } : {}),
  });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !route.public) state.onUnauthorized?.();
    throw new ApiError(problem);
  }
  const json: unknown = response.status === 204 ? undefined : await response.json();
  return route.response.parse(json) as RouteOutput<R>;
}

/** Calls a route of the contract and returns its parsed, typed result; throws ApiError on failure. */
export function call<R extends RouteContract>(route: R, ...args: Args<R>): Promise<RouteOutput<R>> {
  return request(route, (args[0] ?? {}) as LooseInput, {});
}

/** `call` with an idempotency key or a multipart body (report writes, evidence uploads). */
export function callWith<R extends RouteContract>(
  route: R,
  input: RouteInput<R>,
  options: CallOptions,
): Promise<RouteOutput<R>> {
  return request(route, input as LooseInput, options);
}
