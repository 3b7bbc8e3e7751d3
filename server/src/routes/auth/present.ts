import type { Session } from '@vroegsignaal/shared/api/auth';
import type { ActiveSession } from '../../services/auth.ts';

/** The session as the API shows it. */
export const present = (s: ActiveSession): Session => ({
  user: { username: s.user.username, role: s.user.role, wijken: s.user.wijken },
  csrf_token: s.csrfToken,
  idle_expires_at: s.idleExpiresAt.toISOString(),
  absolute_expires_at: s.absoluteExpiresAt.toISOString(),
  ...(s.stage !== 'full' ? { pending: s.stage as 'totp' | 'password' | 'enrol' } : {}),
  second_factor: s.secondFactor,
});
