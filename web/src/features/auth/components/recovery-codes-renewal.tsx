import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useRegenerateRecoveryCodes } from '../api/regenerate-recovery-codes.ts';
import { CODE_FIELDS, CodeField } from './code-field.tsx';
import { RecoveryCodeList } from './recovery-code-list.tsx';

/** New recovery codes (all used, or perhaps seen by someone else), confirmed with a code of the app. */
export function RecoveryCodesRenewal() {
  const renew = useRegenerateRecoveryCodes();
  const [code, setCode] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() !== '') renew.mutate({ code: code.trim() }, { onSuccess: () => setCode('') });
  };
  if (renew.data) {
    return (
      <div className="vs-form">
        <Alert type="ok" role="status">
          <Paragraph>Er zijn nieuwe herstelcodes gemaakt. Uw vorige herstelcodes werken niet meer.</Paragraph>
        </Alert>
        <RecoveryCodeList codes={renew.data.recovery_codes} />
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="vs-form" noValidate>
      <Heading2>Nieuwe herstelcodes</Heading2>
      <Paragraph>
        Heeft u uw herstelcodes (bijna) allemaal gebruikt, of heeft iemand anders ze misschien gezien? Maak dan nieuwe. De vorige werken daarna niet meer.
      </Paragraph>
      {renew.isError ? <ErrorMessage error={renew.error} title="Geen nieuwe herstelcodes gemaakt" fields={CODE_FIELDS} /> : null}
      <CodeField value={code} onChange={setCode} recovery={false} />
      <Button type="submit" appearance="secondary-action-button" busy={renew.isPending} disabled={renew.isPending || code.trim() === ''}>
        Nieuwe herstelcodes maken
      </Button>
    </form>
  );
}
