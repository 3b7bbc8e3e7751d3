import type { Role } from '@vroegsignaal/shared/api/auth';
import {
  MANDATORY_KINDS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LABELS,
  type NotificationKindName,
  type NotificationSettings,
  type UpdateNotificationSettingsBody,
} from '@vroegsignaal/shared/api/notifications';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { switchedOff } from '../repositories/notification-repository.ts';
import { findUserById, updateUser } from '../repositories/user-repository.ts';
import { ApiError } from './errors.ts';

// A user's own "Meldingen": which e-mails they receive. The approval request cannot be switched off.

const APPLIES: Record<NotificationKindName, readonly Role[]> = {
  toewijzing: ['wijkteam'],
  termijn_nadert: ['wijkteam'],
  termijn_verstreken: ['wijkteam'],
  goedkeuring: ['beleidsmaker'],
  weekoverzicht: ['coordinator'],
};

export async function notificationSettingsOf(db: Db, userId: number): Promise<NotificationSettings> {
  const user = await findUserById(db, userId);
  if (!user) throw ApiError.notFound('gebruiker niet gevonden');
  const off = switchedOff(user);
  return {
    email: user.email,
    settings: NOTIFICATION_KINDS.map((kind) => {
      const mandatory = MANDATORY_KINDS.includes(kind);
      return {
        kind,
        label: NOTIFICATION_LABELS[kind],
        enabled: mandatory || !off.includes(kind),
        can_switch_off: !mandatory,
        applies: APPLIES[kind].includes(user.role),
      };
    }),
  };
}

export async function changeNotificationSettings(db: Db, clock: Clock, userId: number, body: UpdateNotificationSettingsBody): Promise<NotificationSettings> {
  const mandatory = body.switched_off.filter((k) => MANDATORY_KINDS.includes(k));
  if (mandatory.length > 0) {
    throw ApiError.badRequest('body.switched_off', 'de melding dat een regelset op uw goedkeuring wacht, kan niet worden uitgezet (vier-ogenprincipe)');
  }
  await updateUser(db, userId, { notifications_off: JSON.stringify([...body.switched_off].sort()), updated_at: clock.now().toISOString() });
  return notificationSettingsOf(db, userId);
}
