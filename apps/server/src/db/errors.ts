/** PostgreSQL unique_violation: both engines (pg and PGlite) report the SQLSTATE in `code`. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** SQLSTATE class 22 (data exception: bad characters, out-of-range dates and numbers): the input was bad. */
export const isDataException = (error: unknown): boolean => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.length === 5 && code.startsWith('22');
};

const CONNECTION_CODES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovery)
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error|terminating connection|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * The database is away (a terminated backend, a restart, a failover, a refused connection): not the
 * request's fault, worth a retry. SQLSTATE class 08 (connection exception), 57P01–57P03, the socket
 * errors of node-postgres and its "Connection terminated" messages.
 */
export const isConnectionError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (CONNECTION_CODES.has(code) || (code.length === 5 && code.startsWith('08')))
  )
    return true;
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
};
