// The session: who is logged in, with which role. The API types replace these
// local shapes once shared/src/api/auth.ts exists.

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './api-client.ts';
import type { Role } from './roles.ts';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  displayName?: string | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export const sessionQueryKey = ['session'] as const;

/** Resolves to null when nobody is logged in. */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api.get<Session>('/api/auth/session', { allowUnauthorized: true });
        setCsrfToken(session.csrfToken);
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

export function useUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useUser outside a logged-in route');
  return data.user;
}

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post<Session>('/api/auth/login', credentials, { allowUnauthorized: true }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout', {}, { allowUnauthorized: true }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
