import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { Session } from '@vroegsignaal/shared/api/auth';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useConfirmTotpEnrolment } from '../api/confirm-totp-enrolment.ts';
import { useStartTotpEnrolment } from '../api/start-totp-enrolment.ts';
import { CODE_FIELDS, CodeField } from './code-field.tsx';
import { RecoveryCodeList } from './recovery-code-list.tsx';

/** Enrolling a second factor: scan the QR code, confirm with a code, keep the recovery codes. */
export function TotpEnrolment({ onDone }: { onDone: (session: Session) => void }) {
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotpEnrolment();
  const [code, setCode] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() !== '') confirm.mutate({ code: code.trim() });
  };
  if (confirm.data) return <RecoveryCodes codes={confirm.data.recovery_codes} onDone={() => onDone(confirm.data.session)} />;
  if (!start.data) {
    return (
      <div className="vs-form">
        <Paragraph>
          U gebruikt een authenticator-app op uw telefoon (bijvoorbeeld Microsoft Authenticator of Google Authenticator). Die toont elke 30 seconden een nieuwe
          code van zes cijfers, die u bij het inloggen invult naast uw wachtwoord.
        </Paragraph>
        {start.isError ? <ErrorMessage error={start.error} title="Instellen mislukt" /> : null}
        <Button appearance="primary-action-button" busy={start.isPending} disabled={start.isPending} onClick={() => start.mutate()}>
          QR-code tonen
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="vs-form" noValidate>
      <ol className="vs-totp__steps">
        <li>Open uw authenticator-app en kies "account toevoegen".</li>
        <li>Scan deze QR-code, of typ de sleutel hieronder over.</li>
        <li>Vul de code in die de app toont.</li>
      </ol>
      <img className="vs-totp__qr" src={start.data.qr_code} alt="QR-code om Vroegsignaal toe te voegen aan uw authenticator-app" width={200} height={200} />
      <Paragraph>
        Sleutel: <code className="vs-totp__secret">{start.data.secret}</code>
      </Paragraph>
      {confirm.isError ? <ErrorMessage error={confirm.error} title="Code niet geaccepteerd" fields={CODE_FIELDS} /> : null}
      <CodeField value={code} onChange={setCode} recovery={false} />
      <Button type="submit" appearance="primary-action-button" busy={confirm.isPending} disabled={confirm.isPending || code.trim() === ''}>
        Bevestigen
      </Button>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="vs-form">
      <Alert type="ok" role="status">
        <Paragraph>De tweede factor is ingesteld.</Paragraph>
      </Alert>
      <RecoveryCodeList codes={codes} />
      <Button appearance="primary-action-button" onClick={onDone}>
        Ik heb de herstelcodes bewaard
      </Button>
    </div>
  );
}
