import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import Provider from 'oidc-provider';

// A real OpenID Connect provider (oidc-provider, the certified Node implementation) in the
// test process, on http://localhost:<port>, another site than the app on 127.0.0.1. Its
// login page is a small form of its own (account name only); consent is given at once.
// The claims of each account can change between sign-ins, like a group membership.

export interface TestAccount {
  preferred_username?: string;
  email?: string;
  name?: string;
  groups?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** When set, the ID token of the next token responses has this change to its payload, its signature left as it was. */
  tamper: ((payload: Record<string, unknown>) => void) | null;
  /** A logout token signed with the provider's own key, or with `key` (another one). */
  logoutToken(claims: Record<string, unknown>, key?: CryptoKey): Promise<string>;
  stop(): Promise<void>;
}

export interface ProviderOptions {
  /** The base URLs of the app's instances (http://127.0.0.1:<port>), one client each: redirect, post-logout and back-channel URLs. */
  appURLs: string[];
}

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

export async function startProvider(options: ProviderOptions): Promise<TestProvider> {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, TestAccount>();
  const clientId = 'vroegsignaal';
  const clientSecret = crypto.randomBytes(24).toString('base64url');
  const server = http.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.appURLs.map((url) => `${url}/api/auth/oidc/callback`),
        post_logout_redirect_uris: options.appURLs.map((url) => `${url}/inloggen`),
        backchannel_logout_uri: `${options.appURLs[0]}/api/auth/oidc/backchannel-logout`,
        backchannel_logout_session_required: true,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    claims: { openid: ['sub', 'groups'], profile: ['preferred_username', 'name'], email: ['email'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            'Uitloggen bij de testorganisatie',
            `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('U bent uitgelogd bij de testorganisatie', '<p>U kunt dit venster sluiten.</p>');
        },
      },
    },
    // The provider refuses to call loopback addresses (SSRF protection); the app of the tests is on one.
    fetch: (url, options) => globalThis.fetch(url, { ...options, dispatcher: undefined } as RequestInit),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });

  const helper: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamper: null,
    async logoutToken(claims, key) {
      const now = Math.floor(Date.now() / 1000);
      const payload = { iss: issuer, aud: clientId, iat: now, exp: now + 120, jti: crypto.randomUUID(), events: { [BACKCHANNEL_EVENT]: {} }, ...claims };
      return new jose.SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'logout+jwt' }).sign(key ?? privateKey);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const route = async () => {
      if (req.url?.startsWith('/interaction/')) return interaction(provider, accounts, req, res);
      if (helper.tamper && req.method === 'POST' && req.url === '/token' && !req.headers['x-test-passthrough'])
        return tampered(issuer, helper.tamper, req, res);
      return callback(req, res);
    };
    route().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return helper;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The provider's login: a form asking for the account; consent is granted without asking. */
async function interaction(provider: Provider, accounts: Map<string, TestAccount>, req: http.IncomingMessage, res: http.ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  let accountId = details.session?.accountId;
  if (req.method === 'POST') accountId = new URLSearchParams(await readBody(req)).get('account') ?? undefined;
  if (details.prompt.name === 'login' && (req.method !== 'POST' || !accountId || !accounts.has(accountId))) {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      page(
        'Inloggen bij de testorganisatie',
        `<form method="post" action="/interaction/${details.uid}"><label for="account">Account</label> <input id="account" name="account" autocomplete="username"> <button type="submit">Aanmelden</button></form>`,
      ),
    );
    return;
  }
  const grant = new provider.Grant({ accountId: accountId!, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: accountId! }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

/** The token endpoint's answer with the ID token's payload changed (and its signature not). */
async function tampered(issuer: string, change: (payload: Record<string, unknown>) => void, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = await readBody(req);
  const headers: Record<string, string> = { 'content-type': String(req.headers['content-type']), 'x-test-passthrough': '1' };
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  const answer = await fetch(`${issuer}/token`, { method: 'POST', headers, body });
  const json = (await answer.json()) as Record<string, unknown>;
  if (typeof json.id_token === 'string') {
    const [head, payload, signature] = json.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    change(claims);
    json.id_token = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
  }
  res.statusCode = answer.status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(json));
}
