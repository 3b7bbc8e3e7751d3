import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import type { ApiFixture } from './support/fixture.ts';
import { auditsOf, codeAt, enrolOverHttp, useListeningFixture, send, signIn, signInWithCode, WAIT_ONE_SECOND, wrongCodeAt } from './support/http-session.ts';

// A user renews their own recovery codes with a code of the authenticator app: the old
// codes stop working, the code counts in the account's throttle, every answer is audited.
// Over real HTTP on both databases.

const URL = '/api/auth/second-factor/recovery-codes';

describe.each(DIALECTS)('new recovery codes for one’s own account (%s)', (dialect) => {
  let f: ApiFixture;
  let base: string;
  useListeningFixture(dialect, (s) => ({ f, base } = s));

  const audits = (event: string, username: string) => auditsOf(f, event, username, ['outcome', 'detail']);

  it('gives ten new codes for a right code of the app; the old ones stop working, the new ones work', async () => {
    const { secret, codes: old } = await enrolOverHttp(f, base, 'coordinator');
    const s = await signInWithCode(f, base, 'coordinator', secret);
    f.clock.advance(31_000);
    const answer = await send(base, s, 'POST', URL, { code: await codeAt(f, secret) });
    expect(answer.status).toBe(200);
    const fresh = answer.body.recovery_codes as string[];
    expect(fresh).toHaveLength(10);
    for (const c of fresh) expect(c).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    expect(await audits('recovery_codes_regenerated', 'coordinator')).toEqual([{ outcome: 'success', detail: null }]);

    const pending = await signIn(base, 'coordinator', f.passwords.get('coordinator')!);
    const withOld = await send(base, pending, 'POST', '/api/auth/second-factor', { code: old[1] });
    expect(withOld.status).toBe(400);
    expect(withOld.body.message).toBe('body.code: de code klopt niet of is verlopen');
    const withNew = await send(base, pending, 'POST', '/api/auth/second-factor', { code: fresh[0] });
    expect(withNew.status).toBe(200);
  });

  it('refuses a wrong code, a replayed one and a recovery code, counting each in the throttle, and keeps the codes', async () => {
    const { secret, codes } = await enrolOverHttp(f, base, 'wijkteam');
    const s = await signInWithCode(f, base, 'wijkteam', secret);
    const before = await f.t.db.selectFrom('recovery_codes').select('code_hash').orderBy('code_hash').execute();
    const wrong = await send(base, s, 'POST', URL, { code: await wrongCodeAt(f, secret) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('body.code: de code klopt niet of is verlopen');
    // The code of this sign-in was used already.
    const replay = await send(base, s, 'POST', URL, { code: await codeAt(f, secret) });
    expect(replay.status).toBe(400);
    expect(replay.body.message).toBe('body.code: deze code is al gebruikt; wacht op de volgende code in uw app');
    const recovery = await send(base, s, 'POST', URL, { code: codes[0] });
    expect(recovery.status).toBe(400);
    // Three failures: the account waits, for this as for a sign-in.
    const waiting = await send(base, s, 'POST', URL, { code: await codeAt(f, secret) });
    expect(waiting.status).toBe(429);
    expect(waiting.body.message).toBe(WAIT_ONE_SECOND);
    expect((await signIn(base, 'wijkteam', f.passwords.get('wijkteam')!)).answer.status).toBe(429);

    expect(await audits('recovery_codes_refused', 'wijkteam')).toEqual([
      { outcome: 'failure', detail: 'code onjuist' },
      { outcome: 'denied', detail: 'code al gebruikt' },
      { outcome: 'failure', detail: 'code onjuist' },
      { outcome: 'denied', detail: 'te veel mislukte pogingen' },
    ]);
    const row = await f.t.db.selectFrom('users').select('totp_failures').where('username', '=', 'wijkteam').executeTakeFirstOrThrow();
    expect(row.totp_failures).toBe(2);
    expect(await f.t.db.selectFrom('recovery_codes').select('code_hash').orderBy('code_hash').execute()).toEqual(before);
    // The recovery code typed here was not used up.
    f.clock.advance(2_000);
    const pending = await signIn(base, 'wijkteam', f.passwords.get('wijkteam')!);
    expect((await send(base, pending, 'POST', '/api/auth/second-factor', { code: codes[0] })).status).toBe(200);
  });

  it('is only for a signed-in user with a second factor', async () => {
    expect((await send(base, null, 'POST', URL, { code: '123456' })).status).toBe(401);
    const none = await signIn(base, 'beleidsmaker', f.passwords.get('beleidsmaker')!);
    const conflict = await send(base, none, 'POST', URL, { code: '123456' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toBe('u heeft nog geen tweede factor ingesteld');
    const { secret } = await enrolOverHttp(f, base, 'privacy');
    const pending = await signIn(base, 'privacy', f.passwords.get('privacy')!);
    const early = await send(base, pending, 'POST', URL, { code: await codeAt(f, secret) });
    expect(early.status).toBe(403);
    expect(early.body.message).toMatch(/^rond eerst het inloggen af/);
  });
});
