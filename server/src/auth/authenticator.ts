import type { Role } from '@vroegsignaal/shared/api/auth';

// The one seam for authentication. Username/password is the first implementation;
// sign-in through the municipality's identity provider (OIDC) is another one that
// resolves a user the same way, after which sessions work identically.

export interface AuthenticatedUser {
  id: number;
  username: string;
  role: Role;
  wijken: string[];
}

export type AuthenticationResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: 'invalid' | 'locked' | 'provider'; retryAfterSeconds?: number };

export interface Credentials {
  username: string;
  password: string;
  ip: string | null;
}

export interface Authenticator {
  readonly kind: 'password' | 'oidc';
  authenticate(credentials: Credentials): Promise<AuthenticationResult>;
}
