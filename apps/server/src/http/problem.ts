import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { humanIssueMessage, type Lang, type Problem } from '@pilotage/contracts';
import { isConnectionError, isDataException, isUniqueViolation } from '../db/errors.ts';
import { isMalformedMultipart } from './body-guards.ts';
import { AppError, type FieldError } from './errors.ts';
import { requestLang } from './lang.ts';
import { isMessageKey, t, type MessageKey } from './messages.ts';

export { isUniqueViolation };

const zodLocales = { vi: z.locales.vi(), en: z.locales.en() };

type ZodIssueLike = Parameters<ReturnType<typeof z.locales.en>['localeError']>[0];

function localizeZodIssue(issue: z.core.$ZodIssue, lang: Lang): string {
  try {
    return localizeOrThrow(issue, lang);
  } catch {
    return issue.message;
  }
}

function localizeOrThrow(issue: z.core.$ZodIssue, lang: Lang): string {
  if (issue.code === 'unrecognized_keys') {
    return `${t(lang, 'unrecognized_field')}: ${issue.keys.join(', ')}`;
  }
  // a contract's own rule names its message by key (refinements, regexes)
  if (isMessageKey(issue.message)) return t(lang, issue.message);
  const human = humanIssueMessage(issue, lang);
  if (human) return human;
  const localeError = zodLocales[lang].localeError;
  const out = localeError?.(issue as unknown as ZodIssueLike);
  if (typeof out === 'string') return out;
  if (out && typeof out === 'object' && 'message' in out) return String(out.message);
  return issue.message;
}

const issuePath = (prefix: string, path: readonly PropertyKey[]) =>
  [prefix, ...path.map(String)].filter(Boolean).join('.');

export function zodIssuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  lang: Lang,
  prefix = '',
): Problem['errors'] {
  return issues.map((issue) => ({
    path: issuePath(prefix, issue.path),
    message: localizeZodIssue(issue, lang),
  }));
}

function renderFieldErrors(errors: FieldError[], lang: Lang): Problem['errors'] {
  return errors.map((e) => ({ path: e.path, message: e.message ?? (e.key ? t(lang, e.key, e.params) : '') }));
}

const TITLES: Record<number, MessageKey> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_attempts',
  503: 'service_unavailable',
};

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Omit<Problem, 'requestId'>,
) {
  return reply
    .code(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({ ...problem, requestId: request.id });
}

function inputOf(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'body') return request.body;
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return undefined;
}

/** One error handler for the whole API: every failure leaves as problem+json in the caller's language. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(request);
  if (error instanceof AppError) {
    for (const [k, v] of Object.entries(error.headers)) void reply.header(k, v);
    return sendProblem(reply, request, {
      status: error.status,
      title: t(lang, TITLES[error.status] ?? 'bad_request', error.params),
      detail: t(lang, error.key, error.params),
      ...(error.errors.length ? { errors: renderFieldErrors(error.errors, lang) } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const source = inputOf(request, error.validationContext);
    const errors = error.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      // zod drops the offending value from its issues; the localized message needs it ("received number")
      const input = path.reduce<unknown>(
        (value, key) =>
          value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
        source,
      );
      const issue = {
        input,
        ...v.params,
        code: v.keyword,
        path,
        message: v.message ?? '',
      } as unknown as z.core.$ZodIssue;
      return { path: issuePath(error.validationContext ?? '', path), message: localizeZodIssue(issue, lang) };
    });
    return sendProblem(reply, request, {
      status: 400,
      title: t(lang, 'bad_request'),
      detail: t(lang, 'validation_failed'),
      errors,
    });
  }
  if (error instanceof z.ZodError) {
    return sendProblem(reply, request, {
      status: 400,
      title: t(lang, 'bad_request'),
      detail: t(lang, 'validation_failed'),
      errors: zodIssuesToErrors(error.issues, lang),
    });
  }
  if (isUniqueViolation(error)) {
    // a concurrent insert won the race for a unique value: a conflict, not a server failure
    return sendProblem(reply, request, {
      status: 409,
      title: t(lang, 'conflict'),
      detail: t(lang, 'conflict'),
    });
  }
  if (isMalformedMultipart(error)) {
    return sendProblem(reply, request, {
      status: 400,
      title: t(lang, 'bad_request'),
      detail: t(lang, 'multipart_malformed'),
      errors: [{ path: 'file', message: t(lang, 'multipart_malformed') }],
    });
  }
  if (isConnectionError(error)) {
    // the database is away (terminated backend, restart, failover): retry later, the server stays up
    request.log.warn({ err: error }, 'database unavailable');
    void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendProblem(reply, request, {
      status: 503,
      title: t(lang, 'service_unavailable'),
      detail: t(lang, 'database_unavailable'),
    });
  }
  if (isDataException(error)) {
    // the database refused a value that passed validation (e.g. a date out of its range)
    return sendProblem(reply, request, {
      status: 400,
      title: t(lang, 'bad_request'),
      detail: t(lang, 'validation_failed'),
    });
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status < 500) {
    const code = 'code' in error ? error.code : undefined;
    const key: MessageKey =
      code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (code === undefined && error instanceof SyntaxError)
        ? 'invalid_json'
        : code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'invalid_json'
          : (TITLES[status] ?? 'bad_request');
    return sendProblem(reply, request, {
      status,
      title: t(lang, TITLES[status] ?? 'bad_request'),
      detail: t(lang, key),
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, {
    status: 500,
    title: t(lang, 'internal'),
    detail: t(lang, 'internal'),
  });
}
