import type { NotificationConfig } from '../../../server/src/config.ts';
import { Scheduler } from '../../../server/src/scheduler/scheduler.ts';
import { engineContext } from '../../helpers/engine.ts';
import { TEST_SETTINGS } from '../../scheduler/helpers.ts';
import type { ApiFixture } from './fixture.ts';

// E-mail settings that point at the in-process test SMTP server, and a scheduler over a fixture.

export const DASHBOARD_URL = 'https://vroegsignaal.gemeente.test';
export const RETRY_BASE_MS = 60_000;

export function notificationConfig(port: number): NotificationConfig {
  return {
    smtp: { host: '127.0.0.1', port, security: 'none', auth: null },
    from: 'vroegsignaal@gemeente.test',
    dashboardUrl: DASHBOARD_URL,
    deadlineNoticeDays: 3,
    cron: '*/5 * * * *',
    retries: 3,
    retryBaseMs: RETRY_BASE_MS,
  };
}

export const mailOf = (username: string) => `${username}@gemeente.test`;

export function notificationScheduler(f: ApiFixture, holder = 'test-worker'): Scheduler {
  return new Scheduler({
    engine: { ...engineContext(f.t.db, f.clock), actor: 'scheduler' },
    settings: { ...TEST_SETTINGS, notifications: f.config.notifications },
    holder,
  });
}

/** The beheerder gives every user an address. */
export async function giveEveryoneAnAddress(f: ApiFixture): Promise<void> {
  const admin = await f.login('beheerder');
  const users = (await admin.request({ method: 'GET', url: '/api/users' })).json() as { id: number; username: string }[];
  for (const u of users) {
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { email: mailOf(u.username) } });
    if (res.statusCode !== 200) throw new Error(`email ${u.username}: ${res.statusCode} ${res.body}`);
  }
}
