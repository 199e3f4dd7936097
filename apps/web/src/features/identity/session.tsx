import { identityRoutes, type Me, type Role } from '@pilotage/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { ApiError, call, setCsrfToken, setUnauthorizedHandler } from '../../api/client.ts';

const ME_KEY = ['me'] as const;

interface SessionValue {
  /** undefined while the first /api/me is in flight, null when signed out. */
  me: Me | null | undefined;
  /** Why /api/me failed, other than 401 (server unreachable…); `retry` asks again. */
  error: unknown;
  retry: () => void;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** The password was changed: the session no longer has to change it. */
  passwordChanged: () => void;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    return await call(identityRoutes.me);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, from `/api/me` (session cookie) or the login answer; keeps the CSRF token in step. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const {
    data: me,
    error,
    refetch,
  } = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false });

  useEffect(() => {
    if (me !== undefined) setCsrfToken(me?.csrfToken ?? null);
  }, [me]);

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(signedOut);
    return () => setUnauthorizedHandler(null);
  }, [signedOut]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      error,
      retry: () => void refetch(),
      async login(username, password) {
        const result = await call(identityRoutes.login, { body: { username, password } });
        setCsrfToken(result.csrfToken);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        queryClient.setQueryData(ME_KEY, result);
        return result;
      },
      async logout() {
        try {
          await call(identityRoutes.logout);
        } finally {
          signedOut();
        }
      },
      passwordChanged() {
        if (me) queryClient.setQueryData(ME_KEY, { ...me, mustChangePassword: false });
      },
      hasRole: (...roles) => !!me && me.user.roles.some((r) => roles.includes(r)),
    }),
    [me, error, refetch, queryClient, signedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered inside the authenticated layout. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
