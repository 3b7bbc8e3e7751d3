import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { sessionQueryKey, useSession } from '../../../lib/auth.ts';
import { RecoveryCodesRenewal } from '../components/recovery-codes-renewal.tsx';
import { TotpEnrolment } from '../components/totp-enrolment.tsx';
import '../totp.css';

/** A second factor for one's own account, offered where it is not (yet) required. */
export default function SecondFactorRoute() {
  const session = useSession();
  const queryClient = useQueryClient();
  return (
    <>
      <PageTitle title="Tweede factor" intro="Een code uit een authenticator-app naast uw wachtwoord, zodat een gestolen wachtwoord alleen niet genoeg is." />
      {session.data?.second_factor ? (
        <>
          <Alert type="ok">
            <Paragraph>U heeft een tweede factor ingesteld. Bij het inloggen vraagt Vroegsignaal na uw wachtwoord om de code uit de app.</Paragraph>
          </Alert>
          <RecoveryCodesRenewal />
        </>
      ) : (
        <TotpEnrolment onDone={(s) => queryClient.setQueryData(sessionQueryKey, s)} />
      )}
    </>
  );
}
