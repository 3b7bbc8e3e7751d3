import { Alert, Button } from '@utrecht/component-library-react';
import type { OffListItem } from '@vroegsignaal/shared/api/open-work';
import type { StatusBody } from '@vroegsignaal/shared/api/triage';
import { EARLIER_CASE_CLOSING, transitionsFor } from '@vroegsignaal/shared/triage';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { useUser } from '../../lib/auth.ts';
import { endpointUrl } from '../../lib/endpoints.ts';
import { formatAddressKey } from '../../lib/format.ts';

export const EARLIER_CASE_NOTE = 'De bewoners van dit adres zijn veranderd: deze zaak hoort bij een gezin dat hier niet meer woont.';

/** The case of a family that moved away can only be concluded: closed, or "geen actie nodig" while nobody took it up. */
export function CloseEarlierCase({ item }: { item: OffListItem }) {
  const { role } = useUser();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: (body: StatusBody) => api.post<unknown>(endpointUrl('triageStatus', { flagId: item.flag_id }), body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['flags'] });
      await queryClient.invalidateQueries({ queryKey: ['workload'] });
    },
  });
  const allowed = transitionsFor(item.triage_status, role).map((t) => t.to);
  const to = EARLIER_CASE_CLOSING.find((s) => allowed.includes(s));
  if (!to) return <span className="vs-muted">De coördinator sluit deze zaak af</span>;
  return (
    <>
      <Button
        appearance="secondary-action-button"
        disabled={close.isPending}
        aria-label={`Zaak afsluiten van de vorige bewoners van ${formatAddressKey(item.household_key)}`}
        onClick={() => close.mutate({ status: to, from: item.triage_status, note: EARLIER_CASE_NOTE })}
      >
        Zaak afsluiten
      </Button>
      {close.isError ? (
        <Alert type="error" role="alert">
          {close.error.message}
        </Alert>
      ) : null}
    </>
  );
}
