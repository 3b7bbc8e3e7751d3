import { Type, type Static } from 'typebox';

// E-mail notifications: which kinds there are, which a user may switch off (not the
// approval request), and the user's own settings ("Meldingen").

export const NOTIFICATION_KINDS = ['toewijzing', 'termijn_nadert', 'termijn_verstreken', 'goedkeuring', 'weekoverzicht'] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** The Dutch name of each kind, as the settings page shows it. */
export const NOTIFICATION_LABELS: Record<NotificationKindName, string> = {
  toewijzing: 'Een signalering is aan mij toegewezen',
  termijn_nadert: 'De termijn voor eerste contact nadert',
  termijn_verstreken: 'De termijn voor eerste contact is verstreken',
  goedkeuring: 'Een regelset wacht op mijn goedkeuring',
  weekoverzicht: 'Weekoverzicht na de wekelijkse berekening',
};

/** A four-eyes approval cannot wait on a switched-off e-mail. */
export const MANDATORY_KINDS: readonly NotificationKindName[] = ['goedkeuring'];

export const NotificationKind = Type.Union([
  Type.Literal('toewijzing'),
  Type.Literal('termijn_nadert'),
  Type.Literal('termijn_verstreken'),
  Type.Literal('goedkeuring'),
  Type.Literal('weekoverzicht'),
]);

export const NotificationSetting = Type.Object({
  kind: NotificationKind,
  label: Type.String(),
  enabled: Type.Boolean(),
  /** False for the approval request. */
  can_switch_off: Type.Boolean(),
  /** Whether this role ever receives this kind. */
  applies: Type.Boolean(),
});
export type NotificationSetting = Static<typeof NotificationSetting>;

export const NotificationSettings = Type.Object({
  /** Set by the beheerder; without it no e-mail is sent. */
  email: Type.Union([Type.String(), Type.Null()]),
  settings: Type.Array(NotificationSetting),
});
export type NotificationSettings = Static<typeof NotificationSettings>;

export const UpdateNotificationSettingsBody = Type.Object(
  { switched_off: Type.Array(NotificationKind, { maxItems: NOTIFICATION_KINDS.length, uniqueItems: true }) },
  { additionalProperties: false },
);
export type UpdateNotificationSettingsBody = Static<typeof UpdateNotificationSettingsBody>;
