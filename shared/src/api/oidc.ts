import { Type, type Static } from 'typebox';

// Sign-in through the municipality's OpenID Connect provider, and what the login page offers.

/** Which ways of signing in this installation offers. */
export const LoginMethods = Type.Object({
  /** Username and password (with the second factor where required). */
  local: Type.Boolean(),
  /** "Inloggen via uw organisatie": GET /api/auth/oidc/login starts it. */
  oidc: Type.Boolean(),
});
export type LoginMethods = Static<typeof LoginMethods>;

/** The provider's answer on the redirect URL (only what this server reads; providers add more). */
export const OidcCallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    state: Type.Optional(Type.String({ maxLength: 1024 })),
    iss: Type.Optional(Type.String({ maxLength: 2000 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: true },
);

/** A back-channel logout request from the provider (form-encoded, OpenID Connect Back-Channel Logout 1.0). */
export const BackchannelLogoutBody = Type.Object({ logout_token: Type.String({ minLength: 1, maxLength: 16384 }) }, { additionalProperties: false });
export type BackchannelLogoutBody = Static<typeof BackchannelLogoutBody>;

/** Logout; `end_session_url` is where the browser goes to end the provider's session too (RP-initiated logout). */
export const LogoutResponse = Type.Object({ ok: Type.Boolean(), end_session_url: Type.Optional(Type.String()) });
export type LogoutResponse = Static<typeof LogoutResponse>;

/** Why the login page was opened after a sign-in through the provider that did not succeed (query `melding`). */
export const OIDC_NOTICES = ['geen-rol', 'meerdere-rollen', 'gedeactiveerd', 'mislukt', 'niet-bereikbaar'] as const;
export type OidcNotice = (typeof OIDC_NOTICES)[number];
