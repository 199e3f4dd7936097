import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP route, described once and used by both sides: the server registers it with these schemas
 * (validation + OpenAPI), the web client derives its argument and result types from it.
 */
export interface RouteContract {
  method: HttpMethod;
  path: string;
  summary: string;
  tags?: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Status of a successful answer (200 unless stated). */
  status?: 200 | 201 | 202 | 204;
  /** Route reachable without a session. */
  public?: boolean;
}

export const defineRoutes = <T extends Record<string, RouteContract>>(routes: T): T => routes;

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;

/** What a client passes for a route: only the parts the route declares. */
export type RouteInput<R extends RouteContract> = (R['params'] extends z.ZodType
  ? { params: InputOf<R['params']> }
  : unknown) &
  (R['query'] extends z.ZodType ? { query?: InputOf<R['query']> } : unknown) &
  (R['body'] extends z.ZodType ? { body: InputOf<R['body']> } : unknown);

export type RouteOutput<R extends RouteContract> = z.output<R['response']>;
