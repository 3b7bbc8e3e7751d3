import type { NotificationSettings } from '@vroegsignaal/shared/api/notifications';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const notificationSettingsQueryOptions = () =>
  queryOptions({
    queryKey: ['me', 'notifications'],
    queryFn: ({ signal }) => api.get<NotificationSettings>(endpointUrl('notificationSettings'), { signal }),
  });
