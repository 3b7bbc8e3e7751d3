import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useVerifySecondFactor } from '../api/verify-second-factor.ts';
import { CODE_FIELDS, CodeField } from './code-field.tsx';

/** The second sign-in step: the code of the app, or a recovery code. */
export function TotpCodeForm() {
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const verify = useVerifySecondFactor();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(code.trim() === '');
    if (code.trim() !== '') verify.mutate({ code: code.trim() });
  };
  return (
    <form onSubmit={onSubmit} className="vs-form" noValidate>
      {verify.isError ? <ErrorMessage error={verify.error} title="Code niet geaccepteerd" fields={CODE_FIELDS} /> : null}
      {missing ? (
        <Alert type="error" role="alert">
          <Paragraph>Vul de code in.</Paragraph>
        </Alert>
      ) : null}
      <CodeField value={code} onChange={setCode} recovery />
      <Button type="submit" appearance="primary-action-button" busy={verify.isPending} disabled={verify.isPending}>
        Inloggen
      </Button>
    </form>
  );
}
