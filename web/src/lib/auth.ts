// The session: who is logged in, with which role, and the CSRF token.

import type { LoginBody, Session, SessionUser } from '@vroegsignaal/shared/api/auth';
import type { LogoutResponse } from '@vroegsignaal/shared/api/oidc';
import { createContext, useContext } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './api-client.ts';
import { endpointUrl } from './endpoints.ts';

export type { Session, SessionUser };

export const sessionQueryKey = ['session'] as const;

/** Resolves to null when nobody is logged in. */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api.get<Session>(endpointUrl('session'), { allowUnauthorized: true });
        setCsrfToken(session.csrf_token);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });

export const useSession = () => useQuery(sessionQueryOptions());

/** The logged-in user, provided by the session guard around every logged-in page. */
export const UserContext = createContext<SessionUser | null>(null);

export function useUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside a logged-in route');
  return user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginBody) => api.post<Session>(endpointUrl('login'), credentials, { allowUnauthorized: true }),
    onSuccess: (session) => {
      setCsrfToken(session.csrf_token);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await api.post<LogoutResponse>(endpointUrl('logout'), {}, { allowUnauthorized: true });
      // Signed in through the organisation: end its session too (RP-initiated logout).
      if (result?.end_session_url) window.location.assign(result.end_session_url);
      return result;
    },
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
