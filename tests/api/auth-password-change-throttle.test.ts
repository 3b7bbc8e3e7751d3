import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import type { ApiFixture } from './support/fixture.ts';
import { auditsOf, type HttpAnswer, useListeningFixture, send, signIn, WAIT_ONE_SECOND } from './support/http-session.ts';

// Changing one's own password checks the current one in the sign-in's throttle of the
// account: a session (stolen, or left open) is no way to guess the password. Over real
// HTTP on both databases.

const WRONG_CURRENT = 'body.current_password: het huidige wachtwoord klopt niet';
const NEW_PASSWORD = 'een nieuw en lang wachtwoord 7';

describe.each(DIALECTS)('a wrong current password when changing it (%s)', (dialect) => {
  let f: ApiFixture;
  let base: string;
  useListeningFixture(dialect, (s) => ({ f, base } = s));

  const audits = (event: string, username: string) => auditsOf(f, event, username, ['outcome', 'object_id']);
  const change = (s: { cookie: string; csrf: string }, current: string, next = NEW_PASSWORD) =>
    send(base, s, 'POST', '/api/auth/password', { current_password: current, new_password: next });

  it('counts in the sign-in throttle: after three wrong ones the account waits, for a change and a sign-in alike', async () => {
    const password = f.passwords.get('coordinator')!;
    const s = await signIn(base, 'coordinator', password);
    for (let i = 0; i < 3; i++) {
      const wrong = await change(s, `fout ${i}`);
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toBe(WRONG_CURRENT);
    }
    const throttled = await change(s, password);
    expect(throttled.status).toBe(429);
    expect(throttled.body.message).toBe(WAIT_ONE_SECOND);
    expect(throttled.retryAfter).toBe('1');
    const login = await signIn(base, 'coordinator', password);
    expect(login.answer.status).toBe(429);
    expect(login.answer.body.message).toBe(WAIT_ONE_SECOND);

    expect(await audits('password_change_failed', 'coordinator')).toEqual(Array(3).fill({ outcome: 'failure', object_id: 'coordinator' }));
    expect(await audits('password_change_throttled', 'coordinator')).toEqual([{ outcome: 'denied', object_id: 'coordinator' }]);
    // The password is unchanged, and the session still works: a wrong guess does not end it.
    expect((await send(base, s, 'GET', '/api/runs')).status).toBe(200);

    f.clock.advance(2_000);
    const done = await change(s, password);
    expect(done.status).toBe(200);
    expect(await audits('changePassword', 'coordinator')).toEqual([{ outcome: 'success', object_id: 'coordinator' }]);
    expect((await signIn(base, 'coordinator', NEW_PASSWORD)).answer.status).toBe(200);
  });

  it('counts failed sign-ins against a change: after three the right current password waits too', async () => {
    const password = f.passwords.get('beleidsmaker')!;
    const s = await signIn(base, 'beleidsmaker', password);
    for (let i = 0; i < 3; i++) expect((await signIn(base, 'beleidsmaker', `fout ${i}`)).answer.status).toBe(401);
    const throttled = await change(s, password);
    expect(throttled.status).toBe(429);
    expect(throttled.body.message).toBe(WAIT_ONE_SECOND);
  });

  it('lets exactly three of six wrong current passwords sent at once reach the check', async () => {
    const s = await signIn(base, 'wijkteam', f.passwords.get('wijkteam')!);
    const answers: HttpAnswer[] = await Promise.all(Array.from({ length: 6 }, (_, i) => change(s, `fout ${i}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([400, 400, 400, 429, 429, 429]);
    for (const a of answers) expect(a.body.message).toBe(a.status === 429 ? WAIT_ONE_SECOND : WRONG_CURRENT);
    expect(await audits('password_change_failed', 'wijkteam')).toHaveLength(3);
    expect(await audits('password_change_throttled', 'wijkteam')).toHaveLength(3);
  });
});
