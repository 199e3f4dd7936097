/** PostgreSQL unique_violation: both engines (pg and PGlite) report the SQLSTATE in `code`. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** SQLSTATE class 22 (data exception: bad characters, out-of-range dates and numbers): the input was bad. */
export const isDataException = (error: unknown): boolean => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.length === 5 && code.startsWith('22');
};
