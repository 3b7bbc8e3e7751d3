import { Alert, Button, FormField, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { type Session, useLogin } from '../../../lib/auth.ts';

export function LoginForm({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!username || !password);
    if (!username || !password) return;
    login.mutate({ username, password }, { onSuccess: onLoggedIn });
  };
  return (
    <form onSubmit={onSubmit} className="vs-form" noValidate>
      {login.isError ? <ErrorMessage error={login.error} title="Inloggen mislukt" /> : null}
      {missing ? (
        <Alert type="error" role="alert">
          <Paragraph>Vul uw gebruikersnaam en wachtwoord in.</Paragraph>
        </Alert>
      ) : null}
      <FormField>
        <FormLabel htmlFor="username">Gebruikersnaam</FormLabel>
        <Textbox id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </FormField>
      <FormField>
        <FormLabel htmlFor="password">Wachtwoord</FormLabel>
        <Textbox
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </FormField>
      <Button type="submit" appearance="primary-action-button" busy={login.isPending} disabled={login.isPending}>
        Inloggen
      </Button>
    </form>
  );
}
