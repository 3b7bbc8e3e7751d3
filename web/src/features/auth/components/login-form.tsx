import { Button, FormField, FormLabel, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useLogin } from '../../../lib/auth.ts';
import type { Role } from '../../../lib/roles.ts';

export function LoginForm({ onLoggedIn }: { onLoggedIn: (role: Role) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password }, { onSuccess: (session) => onLoggedIn(session.user.role) });
  };
  return (
    <form onSubmit={onSubmit} className="vs-form" noValidate>
      {login.isError ? <ErrorMessage error={login.error} title="Inloggen mislukt" /> : null}
      <FormField>
        <FormLabel htmlFor="username">Gebruikersnaam</FormLabel>
        <Textbox id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </FormField>
      <FormField>
        <FormLabel htmlFor="password">Wachtwoord</FormLabel>
        <Textbox id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </FormField>
      <Button type="submit" appearance="primary-action-button" busy={login.isPending} disabled={login.isPending || !username || !password}>
        Inloggen
      </Button>
    </form>
  );
}
