import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import type { ApiFixture } from './support/fixture.ts';
import {
  auditsOf,
  codeAt,
  enrolOverHttp,
  type HttpAnswer,
  type HttpSession,
  useListeningFixture,
  send,
  signIn,
  WAIT_ONE_SECOND,
  wrongCodeAt,
} from './support/http-session.ts';

// The throttle of an account under concurrent attempts over real HTTP, on both databases:
// of N wrong passwords or codes sent at once, exactly the free attempts (3) reach the check
// and the others get the Dutch 429; ten wrong codes lock the second factor exactly once.

const N = 6;
const FREE = 3;
const BLOCKED = 'uw tweede factor is vergrendeld na te veel foute codes; neem contact op met de beheerder om uw account te laten resetten';

const statuses = (answers: HttpAnswer[]) => answers.map((a) => a.status).sort();

function expectThrottled(answers: HttpAnswer[]): void {
  for (const a of answers.filter((x) => x.status === 429)) {
    expect(a.body.message).toBe(WAIT_ONE_SECOND);
    expect(a.retryAfter).toBe('1');
  }
}

describe.each(DIALECTS)('wrong attempts sent at once (%s)', (dialect) => {
  let f: ApiFixture;
  let base: string;
  useListeningFixture(dialect, (s) => ({ f, base } = s));

  const failedAttempts = async (username: string) =>
    (await f.t.db.selectFrom('login_attempts').select('id').where('username', '=', username).where('success', '=', 0).execute()).length;
  const audits = (event: string, username: string) => auditsOf(f, event, username, ['detail', 'outcome']);

  it('lets exactly three of six wrong passwords reach the check, in every round, and audits each answer', async () => {
    // A race is a matter of timing: several rounds, an hour apart so each starts afresh.
    for (let round = 1; round <= 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: N }, () => send(base, null, 'POST', '/api/auth/login', { username: 'beleidsmaker', password: 'fout wachtwoord' })),
      );
      expect(statuses(answers)).toEqual([401, 401, 401, 429, 429, 429]);
      expectThrottled(answers);
      expect(await failedAttempts('beleidsmaker')).toBe(FREE * round);
      expect(await audits('login_failed', 'beleidsmaker')).toHaveLength(FREE * round);
      expect(await audits('login_throttled', 'beleidsmaker')).toHaveLength((N - FREE) * round);
      f.clock.advance(3601_000);
    }
    expect((await signIn(base, 'beleidsmaker', f.passwords.get('beleidsmaker')!)).answer.status).toBe(200);
  });

  it('does the same for an account name that does not exist', async () => {
    const answers = await Promise.all(
      Array.from({ length: N }, () => send(base, null, 'POST', '/api/auth/login', { username: 'bestaat.niet', password: 'x' })),
    );
    expect(statuses(answers)).toEqual([401, 401, 401, 429, 429, 429]);
    expect(await failedAttempts('bestaat.niet')).toBe(FREE);
  });

  it('lets exactly three of six wrong codes of the second factor reach the check', async () => {
    const { secret } = await enrolOverHttp(f, base, 'coordinator');
    const sessions: HttpSession[] = [];
    for (let i = 0; i < N; i++) sessions.push(await signIn(base, 'coordinator', f.passwords.get('coordinator')!));
    const answers = await Promise.all(
      sessions.map(async (s, i) => send(base, s, 'POST', '/api/auth/second-factor', { code: await wrongCodeAt(f, secret, i) })),
    );
    expect(statuses(answers)).toEqual([400, 400, 400, 429, 429, 429]);
    expectThrottled(answers);
    expect(await audits('totp_failed', 'coordinator')).toHaveLength(FREE);
    expect(await audits('totp_throttled', 'coordinator')).toHaveLength(N - FREE);
    const row = await f.t.db.selectFrom('users').select('totp_failures').where('username', '=', 'coordinator').executeTakeFirstOrThrow();
    expect(row.totp_failures).toBe(FREE);
  });

  it('locks the second factor once at the tenth wrong code in a row, however many arrive at once', async () => {
    const { secret } = await enrolOverHttp(f, base, 'privacy');
    const password = f.passwords.get('privacy')!;
    const s = await signIn(base, 'privacy', password);
    for (let i = 0; i < 9; i++) {
      f.clock.advance(31_000);
      expect((await send(base, s, 'POST', '/api/auth/second-factor', { code: await wrongCodeAt(f, secret, i) })).status).toBe(400);
    }
    // An hour on, the password throttle lets three through again; the row of wrong codes stands.
    f.clock.advance(3601_000);
    const sessions: HttpSession[] = [];
    for (let i = 0; i < N; i++) sessions.push(await signIn(base, 'privacy', password));
    const answers = await Promise.all(
      sessions.map(async (x, i) => send(base, x, 'POST', '/api/auth/second-factor', { code: await wrongCodeAt(f, secret, i) })),
    );
    expect(statuses(answers)).toEqual(Array(N).fill(403));
    for (const a of answers) expect(a.body.message).toBe(BLOCKED);
    const row = await f.t.db.selectFrom('users').select('totp_failures').where('username', '=', 'privacy').executeTakeFirstOrThrow();
    expect(row.totp_failures).toBe(10);
    const blocked = await audits('totp_blocked', 'privacy');
    expect(blocked.map((a) => a.detail).sort()).toEqual([...Array(N - 1).fill('poging terwijl vergrendeld'), 'vergrendeld na 10 foute codes op rij']);
    // Locked means locked: the right code is refused too.
    f.clock.advance(31_000);
    const right = await send(base, await signIn(base, 'privacy', password), 'POST', '/api/auth/second-factor', { code: await codeAt(f, secret) });
    expect(right.status).toBe(403);
  });
});
