/** PostgreSQL unique_violation: both engines (pg and PGlite) report the SQLSTATE in `code`. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
