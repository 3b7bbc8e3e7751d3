import { Alert, Button, FormField, FormFieldDescription, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useChangePassword } from '../api/change-password.ts';

/** A refusal named by the field on screen, not by the API's `body.…`. */
const PASSWORD_FIELDS = { 'body.current_password': 'Eenmalig wachtwoord', 'body.new_password': 'Nieuw wachtwoord' };

/** The forced change of a one-time password (from the operator or a reset). */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const change = useChangePassword();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const p = !current || !next ? 'Vul beide wachtwoorden in.' : next !== repeat ? 'Het nieuwe wachtwoord en de herhaling verschillen.' : null;
    setProblem(p);
    if (!p) change.mutate({ current_password: current, new_password: next }, { onSuccess: onChanged });
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, autoComplete: string, hint?: string) => (
    <FormField>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {hint ? <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription> : null}
      <Textbox
        id={id}
        name={id}
        type="password"
        autoComplete={autoComplete}
        aria-describedby={hint ? `${id}-hint` : undefined}
        required
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </FormField>
  );
  return (
    <form onSubmit={onSubmit} className="vs-form" noValidate>
      {change.isError ? <ErrorMessage error={change.error} title="Wijzigen mislukt" fields={PASSWORD_FIELDS} /> : null}
      {problem ? (
        <Alert type="error" role="alert">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      ) : null}
      {field('current-password', 'Eenmalig wachtwoord', current, setCurrent, 'current-password')}
      {field('new-password', 'Nieuw wachtwoord', next, setNext, 'new-password', 'Minstens 12 tekens, geen veelgebruikt wachtwoord en niet uw gebruikersnaam.')}
      {field('repeat-password', 'Herhaal het nieuwe wachtwoord', repeat, setRepeat, 'new-password')}
      <Button type="submit" appearance="primary-action-button" busy={change.isPending} disabled={change.isPending}>
        Wachtwoord wijzigen
      </Button>
    </form>
  );
}
