import * as jose from 'jose';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import type { Clock } from '../core/clock.ts';

// The relying party: openid-client (certified) for the authorization code flow with PKCE
// and RP-initiated logout, jose (its JWT library) for back-channel logout tokens, which
// openid-client does not validate itself. Discovery happens at the first use, so the server
// starts while the provider is down; a failed discovery is tried again at the next use.

/** What the callback needs to finish a flow; kept in the short-lived flow cookie. */
export interface FlowChecks {
  state: string;
  nonce: string;
  verifier: string;
}

export interface SignedIn {
  issuer: string;
  claims: client.IDToken;
  idToken: string;
}

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export class OidcClient {
  private discovered: Promise<client.Configuration> | null = null;
  private jwks: ReturnType<typeof jose.createRemoteJWKSet> | null = null;

  constructor(
    readonly settings: OidcConfig,
    private readonly clock: Clock,
  ) {}

  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = null;
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const insecure = this.settings.issuer.startsWith('http://');
    const skewSeconds = Math.round((this.clock.now().getTime() - Date.now()) / 1000);
    const metadata: Partial<client.ClientMetadata> = { client_secret: this.settings.clientSecret, [client.clockSkew]: skewSeconds };
    const config = await client.discovery(
      new URL(this.settings.issuer),
      this.settings.clientId,
      metadata,
      client.ClientSecretBasic(this.settings.clientSecret),
      insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    // An ID token from the token endpoint is checked against the provider's keys too, not only taken on TLS's word.
    client.enableNonRepudiationChecks(config);
    return config;
  }

  /** A new flow: the provider's authorization URL and the checks to keep until the callback. */
  async begin(): Promise<{ url: URL; checks: FlowChecks }> {
    const config = await this.configuration();
    const checks = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scope,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.verifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /** Exchanges the code; the library checks state, PKCE and the ID token (signature, iss, aud, exp, nonce). */
  async finish(callbackUrl: URL, checks: FlowChecks): Promise<SignedIn> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.verifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('no ID token in the token response');
    return { issuer: config.serverMetadata().issuer, claims, idToken: tokens.id_token };
  }

  /** The provider's end-session URL for RP-initiated logout, or null when it offers none. */
  async endSessionUrl(idToken: string): Promise<string | null> {
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: this.settings.postLogoutRedirectUrl }).toString();
  }

  /**
   * A back-channel logout token's subject and session (OpenID Connect Back-Channel Logout
   * 1.0, section 2.6): signed by the provider's keys, issued by it for this client, recent,
   * with the logout event and without a nonce. Throws when any of that does not hold.
   */
  async verifyLogoutToken(token: string): Promise<{ issuer: string; sub: string | null; sid: string | null }> {
    const config = await this.configuration();
    const server = config.serverMetadata();
    if (!server.jwks_uri) throw new Error('the provider publishes no keys');
    this.jwks ??= jose.createRemoteJWKSet(new URL(server.jwks_uri));
    const { payload } = await jose.jwtVerify(token, this.jwks, {
      issuer: server.issuer,
      audience: this.settings.clientId,
      currentDate: this.clock.now(),
      maxTokenAge: '5 minutes',
      requiredClaims: ['iat', 'jti', 'events'],
    });
    const events = payload.events as Record<string, unknown> | undefined;
    if (!events || typeof events !== 'object' || typeof events[BACKCHANNEL_EVENT] !== 'object') throw new Error('not a logout event');
    if ('nonce' in payload) throw new Error('a logout token has no nonce');
    const sub = typeof payload.sub === 'string' ? payload.sub : null;
    const sid = typeof payload.sid === 'string' ? payload.sid : null;
    if (!sub && !sid) throw new Error('a logout token names a subject or a session');
    return { issuer: server.issuer, sub, sid };
  }
}
