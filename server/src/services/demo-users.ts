import type { Role } from '@vroegsignaal/shared/api/auth';
import { hashPassword, randomPassword } from '../auth/passwords.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { findUserByUsername, insertUser } from '../repositories/user-repository.ts';

// One demo user per role in the demo city, with a fresh random password each time one
// is created. Passwords are never stored in the code; the caller prints them once.

const DEMO_USERS: { username: string; role: Role; wijken: string[] }[] = [
  { username: 'coordinator', role: 'coordinator', wijken: [] },
  { username: 'wijkteam', role: 'wijkteam', wijken: ['Beijum', 'Vinkhuizen'] },
  { username: 'wijkteam2', role: 'wijkteam', wijken: ['Lewenborg'] },
  { username: 'beleidsmaker', role: 'beleidsmaker', wijken: [] },
  { username: 'beleidsmaker2', role: 'beleidsmaker', wijken: [] },
  { username: 'beheerder', role: 'beheerder', wijken: [] },
];

export class DemoUsersRefused extends Error {
  override name = 'DemoUsersRefused';
}

/**
 * Creates the demo users that do not exist yet and returns those with their
 * password; existing users are left alone (and not returned). Refused in production.
 */
export async function ensureDemoUsers(db: Db, clock: Clock, env: Config['env'] = 'development'): Promise<{ username: string; role: Role; password: string }[]> {
  if (env === 'production') throw new DemoUsersRefused('demo users are never created in production');
  const created: { username: string; role: Role; password: string }[] = [];
  const at = clock.now().toISOString();
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(db, u.username)) continue;
    const password = randomPassword();
    const id = await insertUser(db, {
      username: u.username,
      role: u.role,
      password_hash: await hashPassword(password),
      wijken: JSON.stringify(u.wijken),
      active: 1,
      created_at: at,
      updated_at: at,
    });
    // Another process created it meanwhile: its password is not this one.
    if (id === null) continue;
    created.push({ username: u.username, role: u.role, password });
  }
  return created;
}
