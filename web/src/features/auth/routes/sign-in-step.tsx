import { Button, Paragraph } from '@utrecht/component-library-react';
import { Navigate, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Loading } from '../../../components/ui/query-state.tsx';
import { paths } from '../../../config/paths.ts';
import { sessionQueryKey, useLogout, useSession } from '../../../lib/auth.ts';
import { ROLE_HOME } from '../../../lib/roles.ts';
import { ChangePasswordForm } from '../components/change-password-form.tsx';
import { TotpCodeForm } from '../components/totp-code-form.tsx';
import { TotpEnrolment } from '../components/totp-enrolment.tsx';
import '../totp.css';

const TITLES = { totp: 'Code invoeren', password: 'Nieuw wachtwoord kiezen', enrol: 'Tweede factor instellen' } as const;
const INTROS = {
  totp: 'Uw wachtwoord klopt. Vul nu de code uit uw authenticator-app in.',
  password: 'U bent ingelogd met een eenmalig wachtwoord. Kies een eigen wachtwoord; daarna logt u daarmee opnieuw in.',
  enrol: 'Voor Vroegsignaal is een tweede factor verplicht. Stel die nu in; daarna gaat u verder naar het dashboard.',
} as const;

/** The sign-in steps after the password: the code, a new password, or enrolling a second factor. */
export default function SignInStepRoute() {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  if (session.isPending) return <Loading label="Sessie controleren…" />;
  if (!session.data) return <Navigate to={paths.login} replace />;
  const pending = session.data.pending;
  if (!pending) return <Navigate to={ROLE_HOME[session.data.user.role]} replace />;
  return (
    <div className="vs-login">
      <main id="main" className="vs-login__card">
        <p className="vs-login__brand">Vroegsignaal</p>
        <PageTitle title={TITLES[pending]} />
        <Paragraph>{INTROS[pending]}</Paragraph>
        {pending === 'totp' ? <TotpCodeForm /> : null}
        {pending === 'password' ? <ChangePasswordForm onChanged={() => navigate(paths.login, { replace: true, state: { passwordChanged: true } })} /> : null}
        {pending === 'enrol' ? <TotpEnrolment onDone={(s) => queryClient.setQueryData(sessionQueryKey, s)} /> : null}
        <Paragraph className="vs-login__note">
          <Button appearance="secondary-action-button" onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) })}>
            Afbreken en uitloggen
          </Button>
        </Paragraph>
      </main>
    </div>
  );
}
