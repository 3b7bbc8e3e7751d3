import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { NotificationSettings, UpdateNotificationSettingsBody } from '@vroegsignaal/shared/api/notifications';
import { changeNotificationSettings, notificationSettingsOf } from '../../services/notification-settings.ts';
import type { RoutesPlugin } from '../types.ts';

// Every signed-in user's own e-mail notification settings ("Meldingen").

const notifications: RoutesPlugin = async (app) => {
  app.get(
    '/api/me/notifications',
    { config: { endpoint: ENDPOINTS.notificationSettings }, schema: { tags: ['auth'], response: { 200: NotificationSettings } } },
    async (request) => notificationSettingsOf(app.db, request.user!.id),
  );

  app.put(
    '/api/me/notifications',
    {
      config: { endpoint: ENDPOINTS.updateNotificationSettings },
      schema: { tags: ['auth'], body: UpdateNotificationSettingsBody, response: { 200: NotificationSettings, 400: ErrorResponse } },
    },
    async (request) => {
      request.auditObject = { type: 'user', id: request.user!.username, detail: `uitgezet: ${request.body.switched_off.join(', ') || 'geen'}` };
      return changeNotificationSettings(app.db, app.clock, request.user!.id, request.body);
    },
  );
};
export default notifications;
