import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { insertUser } from '../../server/src/repositories/user-repository.ts';
import { grantFor } from '../../server/src/services/oidc-sign-in.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { ROLE_MAP, startOidcApp, type OidcApp } from '../helpers/oidc-app.ts';
import { CookieJar, request, signInAs } from '../helpers/oidc-flow.ts';
import { createApiFixture, type ApiFixture } from './support/fixture.ts';

const ENV = {
  NODE_ENV: 'test',
  MPG_OIDC_ISSUER: 'https://login.microsoftonline.com/0b5e6c1a-0000-4000-8000-000000000000/v2.0',
  MPG_OIDC_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000000',
  MPG_OIDC_CLIENT_SECRET: 'geheim',
  MPG_OIDC_REDIRECT_URL: 'https://vroegsignaal.gemeente.nl/api/auth/oidc/callback',
  MPG_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
};

describe('OpenID Connect configuration', () => {
  it('reads the provider, the claim mapping and a default post-logout URL', () => {
    const { oidc, localLogin } = loadConfig({ ...ENV, MPG_OIDC_CLAIM: 'roles' });
    expect(localLogin).toBe(true);
    expect(oidc).toMatchObject({ claim: 'roles', scope: 'openid profile email', postLogoutRedirectUrl: 'https://vroegsignaal.gemeente.nl/inloggen' });
    expect(oidc!.roleMap['grp-wijkteam-beijum']).toEqual({ role: 'wijkteam', wijken: ['Beijum'] });
    expect(oidc!.roleMap['grp-privacy']).toEqual({ role: 'privacy', wijken: [] });
    expect(loadConfig({ NODE_ENV: 'test' }).oidc).toBeNull();
  });

  it('refuses an incomplete or wrong configuration with one line naming the variable', () => {
    const refused = (env: Record<string, string>) => () => loadConfig(env);
    const { MPG_OIDC_CLIENT_SECRET: _, ...withoutSecret } = ENV;
    expect(refused(withoutSecret)).toThrow(/^MPG_OIDC_CLIENT_SECRET: must be set too/);
    expect(refused({ ...ENV, MPG_OIDC_ROLE_MAP: '{"g": {"role": "beheerder", "wijken": ["Beijum"]}}' })).toThrow(/^MPG_OIDC_ROLE_MAP: expected/);
    expect(refused({ ...ENV, MPG_OIDC_ROLE_MAP: '{"g": {"role": "wijkteam"}}' })).toThrow(/^MPG_OIDC_ROLE_MAP: expected/);
    expect(refused({ ...ENV, MPG_OIDC_ROLE_MAP: '{"g": {"role": "admin"}}' })).toThrow(/^MPG_OIDC_ROLE_MAP: expected/);
    expect(refused({ ...ENV, MPG_OIDC_ROLE_MAP: 'groups=beheer' })).toThrow(/^MPG_OIDC_ROLE_MAP: expected/);
    expect(refused({ ...ENV, MPG_OIDC_REDIRECT_URL: 'https://vroegsignaal.gemeente.nl/terug' })).toThrow(/^MPG_OIDC_REDIRECT_URL: expected/);
    const production = { ...ENV, NODE_ENV: 'production', MPG_BSN_KEY: 'k'.repeat(40) };
    expect(refused({ ...production, MPG_OIDC_ISSUER: 'http://login.gemeente.nl' })).toThrow(/^MPG_OIDC_ISSUER: must be an https:\/\/ URL in production/);
    expect(refused({ NODE_ENV: 'test', MPG_LOCAL_LOGIN: '0' })).toThrow(/^MPG_LOCAL_LOGIN: can only be off/);
  });
});

describe('claim mapping', () => {
  const roleMap = loadConfig(ENV).oidc!.roleMap;
  it('reads a list, a single value or a dotted claim name, and joins the wijken of one role', () => {
    expect(grantFor({ groups: 'grp-beleid' }, { claim: 'groups', roleMap })).toEqual({ ok: true, grant: { role: 'beleidsmaker', wijken: [] } });
    expect(
      grantFor({ realm_access: { roles: ['grp-wijkteam-lewenborg', 'offline_access', 'grp-wijkteam-beijum'] } }, { claim: 'realm_access.roles', roleMap }),
    ).toEqual({
      ok: true,
      grant: { role: 'wijkteam', wijken: ['Beijum', 'Lewenborg'] },
    });
    expect(grantFor({ groups: [42, null, { role: 'beheerder' }] }, { claim: 'groups', roleMap })).toEqual({ ok: false, reason: 'unmapped' });
    expect(grantFor({ roles: ['grp-beheer'] }, { claim: 'groups', roleMap })).toEqual({ ok: false, reason: 'unmapped' });
  });

  it('maps only values the configuration names, not what every object has', () => {
    for (const value of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(grantFor({ groups: [value] }, { claim: 'groups', roleMap })).toEqual({ ok: false, reason: 'unmapped' });
    }
  });
});

describe.each(DIALECTS)('without OpenID Connect, and with only it (%s)', (dialect) => {
  let plain: ApiFixture;
  let only: ApiFixture;
  beforeAll(async () => {
    plain = await createApiFixture(dialect, {}, false);
    only = await createApiFixture(dialect, { ...loadConfig(ENV), localLogin: false }, false);
  });
  afterAll(async () => {
    await plain?.close();
    await only?.close();
  });

  it('offers only the password when no provider is configured, and its endpoints are not there', async () => {
    expect((await plain.app.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({ local: true, oidc: false });
    expect((await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/login' })).statusCode).toBe(404);
    expect((await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=a&state=b' })).statusCode).toBe(404);
  });

  it('refuses a password login, audited, when local login is switched off', async () => {
    expect((await only.app.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({ local: false, oidc: true });
    const res = await only.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'beheerder', password: only.passwords.get('beheerder') },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('inloggen met gebruikersnaam en wachtwoord staat uit; log in via uw organisatie');
    expect(res.cookies.find((c: { name: string }) => c.name === 'vs_session')).toBeUndefined();
    const entry = await only.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'denied:login').executeTakeFirst();
    expect(entry).toMatchObject({ outcome: 'denied' });
  });
});

// Sign-in through a real OpenID Connect provider (oidc-provider, in this process, on
// localhost) into a real server (127.0.0.1) on each database, driven with fetch.

describe.each(DIALECTS)('OpenID Connect sign-in and logout (%s)', (dialect) => {
  let o: OidcApp;
  beforeAll(async () => {
    o = await startOidcApp(dialect);
  }, 60_000);
  afterAll(async () => o?.stop());

  const account = (sub: string, groups: string[], extra: Record<string, string> = {}) =>
    o.provider.accounts.set(sub, { preferred_username: sub.replace(/^sub-/, ''), groups, ...extra });
  const session = async (jar: CookieJar) => {
    const res = await request(jar, `${o.url}/api/auth/session`);
    return res.status === 200 ? ((await res.json()) as { user: { username: string; role: string; wijken: string[] }; csrf_token: string }) : null;
  };
  const lastAudit = (event: string) =>
    o.database.db.selectFrom('audit_log').selectAll().where('event', '=', event).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const userOf = (sub: string) =>
    o.database.db
      .selectFrom('oidc_identities as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['u.id', 'u.username', 'u.role', 'u.wijken', 'u.active', 'i.email', 'i.issuer'])
      .where('i.subject', '=', sub)
      .executeTakeFirst();

  it('offers both ways of signing in', async () => {
    const res = await fetch(`${o.url}/api/auth/methods`);
    expect(await res.json()).toEqual({ local: true, oidc: true });
  });

  it('starts the flow with PKCE and a short-lived SameSite=Lax cookie for the flow only', async () => {
    const res = await fetch(`${o.url}/api/auth/oidc/login`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(o.provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({ response_type: 'code', code_challenge_method: 'S256', client_id: 'vroegsignaal' });
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^vs_oidc_flow=/);
    expect(cookie).toMatch(/; Max-Age=600/);
    expect(cookie).toMatch(/; Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
  });

  it('lets a mapped user in with the role and wijken of their groups, keyed by issuer and subject', async () => {
    account('sub-anna', ['grp-wijkteam-beijum', 'grp-kantine', 'grp-wijkteam-lewenborg'], { email: 'anna@gemeente.test' });
    const { landing, jar } = await signInAs(o.url, 'sub-anna');
    expect(landing).toBe('/');
    expect((await session(jar))?.user).toEqual({ username: 'anna', role: 'wijkteam', wijken: ['Beijum', 'Lewenborg'] });
    expect(await userOf('sub-anna')).toMatchObject({ username: 'anna', role: 'wijkteam', email: 'anna@gemeente.test', issuer: o.provider.issuer, active: 1 });
    const entry = await lastAudit('login_oidc');
    expect(entry).toMatchObject({ username: 'anna', role: 'wijkteam', outcome: 'success', object_type: 'user', object_id: 'anna' });
    expect(entry.detail).toBe('nieuw account, rol wijkteam, wijken Beijum, Lewenborg');
    const stored = await o.database.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.oidc_sid', 's.oidc_id_token'])
      .where('u.username', '=', 'anna')
      .executeTakeFirstOrThrow();
    expect(stored.oidc_sid).toMatch(/\S{10,}/);
    expect(stored.oidc_id_token?.split('.')).toHaveLength(3);
  });

  it('maps the privacy role like every other', async () => {
    account('sub-pien', ['grp-privacy']);
    const { jar } = await signInAs(o.url, 'sub-pien');
    expect((await session(jar))?.user).toEqual({ username: 'pien', role: 'privacy', wijken: [] });
  });

  it('refuses a user whose claims map to no role, with a notice on the login page, and audits it', async () => {
    account('sub-bert', ['grp-kantine', 'grp-personeelsvereniging']);
    const { landing, jar } = await signInAs(o.url, 'sub-bert');
    expect(landing).toBe('/inloggen?melding=geen-rol');
    expect(jar.get(o.url, 'vs_session')).toBeUndefined();
    expect(await userOf('sub-bert')).toBeUndefined();
    const entry = await lastAudit('login_oidc_refused');
    expect(entry).toMatchObject({ username: 'bert', outcome: 'denied', object_type: 'oidc', object_id: 'sub-bert' });
    expect(entry.detail).toBe(`geen waarde van claim 'groups' is gekoppeld aan een rol (ontvangen: ["grp-kantine","grp-personeelsvereniging"])`);
  });

  it('refuses a user whose groups map to two different roles', async () => {
    account('sub-cas', ['grp-coordinatoren', 'grp-beleid']);
    expect((await signInAs(o.url, 'sub-cas')).landing).toBe('/inloggen?melding=meerdere-rollen');
    expect(await userOf('sub-cas')).toBeUndefined();
  });

  it('takes the role from the claims at every sign-in: a changed group changes it, a removed one ends access', async () => {
    account('sub-carla', ['grp-beleid']);
    const first = await signInAs(o.url, 'sub-carla');
    expect((await session(first.jar))?.user.role).toBe('beleidsmaker');
    const { id } = (await userOf('sub-carla'))!;

    account('sub-carla', ['grp-coordinatoren']);
    const second = await signInAs(o.url, 'sub-carla');
    expect((await session(second.jar))?.user).toEqual({ username: 'carla', role: 'coordinator', wijken: [] });
    expect(await userOf('sub-carla')).toMatchObject({ id, role: 'coordinator' });
    expect((await lastAudit('login_oidc')).detail).toBe('rol beleidsmaker → coordinator');

    account('sub-carla', []);
    expect((await signInAs(o.url, 'sub-carla')).landing).toBe('/inloggen?melding=geen-rol');
  });

  it('never takes over a local account with the same name', async () => {
    const at = new Date().toISOString();
    const localId = await insertUser(o.database.db, {
      username: 'dirk',
      role: 'beheerder',
      password_hash: 'x',
      wijken: '[]',
      active: 1,
      created_at: at,
      updated_at: at,
    });
    account('sub-dirk', ['grp-beleid']);
    const { jar } = await signInAs(o.url, 'sub-dirk');
    const user = (await session(jar))!.user;
    expect(user.username).toMatch(/^dirk-[0-9a-f]{8}$/);
    expect(user.role).toBe('beleidsmaker');
    expect((await userOf('sub-dirk'))!.id).not.toBe(localId);
  });

  it('refuses a user deactivated in Vroegsignaal even when the provider still knows them', async () => {
    account('sub-eva', ['grp-beleid']);
    await signInAs(o.url, 'sub-eva');
    await o.database.db.updateTable('users').set({ active: 0 }).where('username', '=', 'eva').execute();
    const { landing, jar } = await signInAs(o.url, 'sub-eva');
    expect(landing).toBe('/inloggen?melding=gedeactiveerd');
    expect(jar.get(o.url, 'vs_session')).toBeUndefined();
    expect((await lastAudit('login_oidc_refused')).detail).toBe('het account is in Vroegsignaal gedeactiveerd');
  });

  it('refuses an ID token whose payload was changed after signing', async () => {
    account('sub-frank', ['grp-beleid']);
    o.provider.tamper = (payload) => {
      payload.groups = ['grp-beheer'];
    };
    try {
      const { landing, jar } = await signInAs(o.url, 'sub-frank');
      expect(landing).toBe('/inloggen?melding=mislukt');
      expect(jar.get(o.url, 'vs_session')).toBeUndefined();
    } finally {
      o.provider.tamper = null;
    }
    expect(await userOf('sub-frank')).toBeUndefined();
    const entry = await lastAudit('login_oidc_failed');
    expect(entry.outcome).toBe('failure');
    expect(entry.detail).toMatch(/signature/i);
  });

  it('refuses an ID token that has expired by the app clock', async () => {
    account('sub-gert', ['grp-beleid']);
    const twin = await o.startTwin({ now: () => new Date(Date.now() + 2 * 3600_000) });
    try {
      const { landing, jar } = await signInAs(twin.url, 'sub-gert');
      expect(landing).toBe('/inloggen?melding=mislukt');
      expect(jar.get(twin.url, 'vs_session')).toBeUndefined();
    } finally {
      await twin.stop();
    }
    expect((await lastAudit('login_oidc_failed')).detail).toMatch(/claim exp/);
    expect(await userOf('sub-gert')).toBeUndefined();
  });

  it('refuses a callback without its flow cookie or with another state', async () => {
    const bare = await fetch(`${o.url}/api/auth/oidc/callback?code=abc&state=def`, { redirect: 'manual' });
    expect(bare.status).toBe(303);
    expect(bare.headers.get('location')).toBe('/inloggen?melding=mislukt');
    expect((await lastAudit('login_oidc_failed')).detail).toMatch(/cookie ontbreekt/);

    const jar = new CookieJar();
    await request(jar, `${o.url}/api/auth/oidc/login`);
    const forged = await request(jar, `${o.url}/api/auth/oidc/callback?code=abc&state=not-the-one&iss=${encodeURIComponent(o.provider.issuer)}`);
    expect(forged.headers.get('location')).toBe('/inloggen?melding=mislukt');
    expect((await lastAudit('login_oidc_failed')).detail).toMatch(/state/);
  });

  it('ends the provider session too at logout (RP-initiated logout)', async () => {
    account('sub-hans', ['grp-coordinatoren']);
    const { jar } = await signInAs(o.url, 'sub-hans');
    const csrf = (await session(jar))!.csrf_token;
    const res = await request(jar, `${o.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await res.json()) as { ok: boolean; end_session_url: string };
    expect(await session(jar)).toBeNull();
    const to = new URL(body.end_session_url);
    expect(to.origin).toBe(o.provider.issuer);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${o.url}/inloggen`);
    const hint = to.searchParams.get('id_token_hint')!;
    expect(jose.decodeJwt(hint)).toMatchObject({ sub: 'sub-hans', aud: 'vroegsignaal' });
  });

  describe('back-channel logout', () => {
    const post = (token: string) =>
      fetch(`${o.url}/api/auth/oidc/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: token }),
      });

    it('ends the session of the provider session named in a valid logout token, and no other', async () => {
      account('sub-ines', ['grp-coordinatoren']);
      const laptop = await signInAs(o.url, 'sub-ines');
      const phone = await signInAs(o.url, 'sub-ines');
      const sids = await o.database.db
        .selectFrom('sessions')
        .select(['oidc_sid'])
        .where('oidc_sid', 'is not', null)
        .orderBy('created_at', 'desc')
        .limit(2)
        .execute();
      const phoneSid = sids[0]!.oidc_sid!;
      const res = await post(await o.provider.logoutToken({ sub: 'sub-ines', sid: phoneSid }));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await session(phone.jar)).toBeNull();
      expect((await session(laptop.jar))?.user.username).toBe('ines');
      expect(await lastAudit('logout_oidc_backchannel')).toMatchObject({ username: 'ines', outcome: 'success', detail: 'sessies beëindigd: 1' });

      expect((await post(await o.provider.logoutToken({ sub: 'sub-ines' }))).status).toBe(200);
      expect(await session(laptop.jar)).toBeNull();
    });

    it('refuses a logout token that is forged, for another client, with a nonce or without the event', async () => {
      account('sub-jan', ['grp-coordinatoren']);
      const { jar } = await signInAs(o.url, 'sub-jan');
      const { privateKey: otherKey } = await jose.generateKeyPair('RS256');
      const valid = await o.provider.logoutToken({ sub: 'sub-jan' });
      const [head, payload] = valid.split('.');
      const bad = [
        'not-a-jwt',
        await o.provider.logoutToken({ sub: 'sub-jan' }, otherKey),
        await o.provider.logoutToken({ sub: 'sub-jan', aud: 'another-client' }),
        await o.provider.logoutToken({ sub: 'sub-jan', nonce: 'n-0S6_WzA2Mj' }),
        await o.provider.logoutToken({ sub: 'sub-jan', events: { 'http://schemas.openid.net/event/other': {} } }),
        await o.provider.logoutToken({ iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) + 60, sub: 'sub-jan' }),
        `${head}.${payload}.`,
      ];
      for (const token of bad) {
        const res = await post(token);
        expect(res.status, token.slice(0, 40)).toBe(400);
        expect(((await res.json()) as { message: string }).message).toBe('het uitlogbericht van de inlogdienst is ongeldig');
        expect((await lastAudit('logout_oidc_backchannel')).outcome).toBe('denied');
      }
      expect((await session(jar))?.user.username).toBe('jan');
    });
  });
});
