import type { NotificationSettings, UpdateNotificationSettingsBody } from '@vroegsignaal/shared/api/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettingsBody) => api.put<NotificationSettings>(endpointUrl('updateNotificationSettings'), body),
    onSuccess: (data) => queryClient.setQueryData(['me', 'notifications'], data),
  });
}
