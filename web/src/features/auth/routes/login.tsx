import { Alert, Paragraph } from '@utrecht/component-library-react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { paths } from '../../../config/paths.ts';
import { useSession } from '../../../lib/auth.ts';
import { ROLE_HOME } from '../../../lib/roles.ts';
import { LoginForm } from '../components/login-form.tsx';

interface LoginState {
  from?: string;
  expired?: boolean;
}

export default function LoginRoute() {
  const session = useSession();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  if (session.data && !state.expired) return <Navigate to={ROLE_HOME[session.data.user.role]} replace />;
  return (
    <div className="vs-login">
      <main id="main" className="vs-login__card">
        <p className="vs-login__brand">Vroegsignaal</p>
        <PageTitle title="Inloggen" />
        {state.expired ? (
          <Alert type="warning">
            <Paragraph>Uw sessie is verlopen. Log opnieuw in.</Paragraph>
          </Alert>
        ) : null}
        <LoginForm onLoggedIn={(role) => navigate(state.from && state.from !== paths.login ? state.from : ROLE_HOME[role], { replace: true })} />
        <Paragraph appearance="small" className="vs-login__note">
          Vroegsignaal bevat gevoelige gegevens over gezinnen. Elke inzage wordt vastgelegd. Een signaal is een reden om te kijken, geen besluit.
        </Paragraph>
      </main>
    </div>
  );
}
