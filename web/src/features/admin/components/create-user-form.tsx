import { Alert, Button, FormField, FormLabel, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import type { Role } from '@vroegsignaal/shared/api/auth';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { ROLE_LABELS, ROLES } from '../../../lib/roles.ts';
import { useCreateUser } from '../api/create-user.ts';

export const parseWijken = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/** A new user with a role, wijken (for wijkteam) and a first password. */
export function CreateUserForm() {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('wijkteam');
  const [wijken, setWijken] = useState('');
  const [password, setPassword] = useState('');
  const create = useCreateUser();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { username, role, wijken: parseWijken(wijken), password },
      {
        onSuccess: () => {
          setUsername('');
          setWijken('');
          setPassword('');
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
        <FormField>
          <FormLabel htmlFor="new-wijken">Wijken (met komma's)</FormLabel>
          <Textbox id="new-wijken" value={wijken} onChange={(e) => setWijken(e.target.value)} />
        </FormField>
        <FormField>
          <FormLabel htmlFor="new-password">Eerste wachtwoord (12 tot 128 tekens)</FormLabel>
          <Textbox id="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </FormField>
        <Button type="submit" appearance="primary-action-button" disabled={!username || password.length < 12 || create.isPending} busy={create.isPending}>
          Toevoegen
        </Button>
      </div>
      {create.isError ? <ErrorMessage error={create.error} title="Toevoegen mislukt" /> : null}
      {create.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>Gebruiker {create.data.username} is toegevoegd.</Paragraph>
        </Alert>
      ) : null}
    </form>
  );
}
