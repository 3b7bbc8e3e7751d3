import { Alert, Button, FormField, FormLabel, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import type { Role } from '@vroegsignaal/shared/api/auth';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { ROLE_LABELS, ROLES } from '../../../lib/roles.ts';
import { useCreateUser } from '../api/create-user.ts';
import { WijkenChoice } from './wijken-choice.tsx';

/** A new user with a role and wijken (for wijkteam); the server makes a one-time password, shown this once. */
export function CreateUserForm({ knownWijken }: { knownWijken: readonly string[] }) {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('wijkteam');
  const [wijken, setWijken] = useState<string[]>([]);
  const create = useCreateUser();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { username, role, wijken: role === 'wijkteam' ? wijken : [] },
      {
        onSuccess: () => {
          setUsername('');
          setWijken([]);
        },
      },
    );
  };
  return (
    <form className="vs-panel" onSubmit={onSubmit} aria-labelledby="create-user-title">
      <Heading2 id="create-user-title">Gebruiker toevoegen</Heading2>
      <div className="vs-filters">
        <FormField>
          <FormLabel htmlFor="new-username">Gebruikersnaam</FormLabel>
          <Textbox id="new-username" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
        </FormField>
        <FormField>
          <FormLabel htmlFor="new-role">Rol</FormLabel>
          <Select id="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <SelectOption key={r} value={r}>
                {ROLE_LABELS[r]}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {role === 'wijkteam' ? (
          <WijkenChoice legend="Wijken van het nieuwe wijkteamlid" known={knownWijken} value={wijken} onChange={setWijken} visibleLegend />
        ) : null}
        <Button type="submit" appearance="primary-action-button" disabled={!username || create.isPending} busy={create.isPending}>
          Toevoegen
        </Button>
      </div>
      {create.isError ? <ErrorMessage error={create.error} title="Toevoegen mislukt" /> : null}
      {create.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>
            Gebruiker {create.data.user.username} is toegevoegd. Eenmalig wachtwoord: <code>{create.data.one_time_password}</code>. Het wordt maar één keer
            getoond: geef het persoonlijk door. Bij de eerste keer inloggen kiest {create.data.user.username} een nieuw wachtwoord.
          </Paragraph>
        </Alert>
      ) : null}
    </form>
  );
}
