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
});
export type Session = Static<typeof Session>;

export const ChangePasswordBody = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
    new_password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
