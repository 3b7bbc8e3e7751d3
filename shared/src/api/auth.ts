import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.ts';

export const ROLES = ['coordinator', 'wijkteam', 'beleidsmaker', 'beheerder', 'privacy'] as const;
export const Role = Type.Union([
  Type.Literal('coordinator'),
  Type.Literal('wijkteam'),
  Type.Literal('beleidsmaker'),
  Type.Literal('beheerder'),
  Type.Literal('privacy'),
]);
export type Role = (typeof ROLES)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const SessionUser = Type.Object({
  username: Type.String(),
  role: Role,
  /** The wijken a wijkteam member works in; empty for other roles. */
  wijken: Type.Array(Type.String()),
});
export type SessionUser = Static<typeof SessionUser>;

/** The signed-in session; send `csrf_token` as header `x-csrf-token` on every POST/PUT/PATCH/DELETE. */
export const Session = Type.Object({
  user: SessionUser,
  csrf_token: Type.String(),
  idle_expires_at: IsoDateTime,
  absolute_expires_at: IsoDateTime,
  /**
   * A sign-in step still to do before anything else is allowed: the code of the
   * authenticator app (`totp`), a new password (`password`) or enrolling a second factor (`enrol`).
   */
  pending: Type.Optional(Type.Union([Type.Literal('totp'), Type.Literal('password'), Type.Literal('enrol')])),
  /** The user has a second factor (TOTP) enrolled. */
  second_factor: Type.Optional(Type.Boolean()),
});
export type Session = Static<typeof Session>;

/** A 6-digit code of the authenticator app, or a recovery code (xxxx-xxxx-xxxx-xxxx). */
export const SecondFactorBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export type SecondFactorBody = Static<typeof SecondFactorBody>;

/** A new TOTP secret to scan: shown only now, stored encrypted until confirmed with a code. */
export const TotpEnrolment = Type.Object({
  secret: Type.String(),
  otpauth_uri: Type.String(),
  /** The otpauth URI as a QR code, an SVG data URL. */
  qr_code: Type.String(),
});
export type TotpEnrolment = Static<typeof TotpEnrolment>;

/** The second factor is enrolled: the recovery codes are shown this once. */
export const TotpEnrolled = Type.Object({ recovery_codes: Type.Array(Type.String()), session: Session });
export type TotpEnrolled = Static<typeof TotpEnrolled>;

/** New recovery codes (the old ones no longer work), shown this once. */
export const RecoveryCodes = Type.Object({ recovery_codes: Type.Array(Type.String()) });
export type RecoveryCodes = Static<typeof RecoveryCodes>;

export const ChangePasswordBody = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
    new_password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
