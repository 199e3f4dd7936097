import type { MessageKey } from './messages.ts';

export interface FieldError {
  path: string;
  /** Message key (localized when the problem is rendered) or a ready message. */
  key?: MessageKey;
  message?: string;
  params?: Record<string, string | number>;
}

/** An expected failure with a status and a localizable message. Rendered as problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(key);
  }
}

export const notFound = (key: MessageKey = 'not_found') => new AppError(404, key);
export const forbidden = (key: MessageKey = 'forbidden') => new AppError(403, key);
export const conflict = (key: MessageKey = 'conflict', errors: FieldError[] = []) =>
  new AppError(409, key, {}, errors);
export const badRequest = (errors: FieldError[], key: MessageKey = 'validation_failed') =>
  new AppError(400, key, {}, errors);
