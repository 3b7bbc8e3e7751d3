import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { UserItem } from '@vroegsignaal/shared/api/admin';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useResetUser } from '../api/reset-user.ts';

/** Reset with a confirmation; the one-time password is shown this once, to pass on in person. */
export function ResetUser({ user }: { user: UserItem }) {
  const [asked, setAsked] = useState(false);
  const reset = useResetUser();
  if (reset.data) {
    return (
      <Alert type="ok" role="status">
        <Paragraph>
          Eenmalig wachtwoord voor {user.username}: <code>{reset.data.one_time_password}</code>. Het wordt maar één keer getoond. Bij het inloggen kiest{' '}
          {user.username} een nieuw wachtwoord en stelt de tweede factor opnieuw in.
        </Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <Button appearance="secondary-action-button" onClick={() => (asked ? reset.mutate(user.id) : setAsked(true))} busy={reset.isPending}>
        {asked ? `Ja, ${user.username} resetten` : 'Resetten'}
      </Button>
      {asked && !reset.isPending ? <span className="vs-small"> Nieuw wachtwoord en tweede factor nodig; sessies stoppen direct.</span> : null}
      {reset.isError ? <ErrorMessage error={reset.error} title="Resetten mislukt" /> : null}
    </>
  );
}
