/**
 * Password strength (issue 7 item 14): at least 10 characters (contract) and not guessable, judged by
 * zxcvbn-ts with its common-password and diceware lists (MIT): a score below 3 ("safely unguessable" against
 * online attacks, ~10^8 guesses) is refused, as are passwords built from the username.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../http/errors.ts';

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
export const MIN_SCORE = 3;

export function isPasswordAcceptable(password: string, userInputs: string[] = []): boolean {
  const result = zxcvbn.check(password, userInputs.filter(Boolean));
  return result.score >= MIN_SCORE;
}

/** 400 with a field error when the password is too guessable. */
export function assertStrongPassword(password: string, userInputs: string[], path = 'password'): void {
  if (!isPasswordAcceptable(password, userInputs))
    throw new AppError(400, 'validation_failed', {}, [{ path, key: 'password_too_weak' }]);
}
