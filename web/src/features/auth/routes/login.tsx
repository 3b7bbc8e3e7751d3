import { Alert, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { paths } from '../../../config/paths.ts';
import { useSession } from '../../../lib/auth.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';
import { ROLE_HOME } from '../../../lib/roles.ts';
import { loginMethodsQueryOptions } from '../api/get-login-methods.ts';
import { LoginForm } from '../components/login-form.tsx';
import { OidcNotice } from '../components/oidc-notice.tsx';

interface LoginState {
  from?: string;
  expired?: boolean;
  /** Back after replacing a one-time password. */
  passwordChanged?: boolean;
}

export default function LoginRoute() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const methods = useQuery(loginMethodsQueryOptions());
  const oidc = methods.data?.oidc === true;
  const local = methods.data?.local !== false;
  const state = (useLocation().state ?? {}) as LoginState;
  if (session.data && !state.expired) return <Navigate to={session.data.pending ? paths.signInStep : ROLE_HOME[session.data.user.role]} replace />;
  return (
    <div className="vs-login">
      <main id="main" className="vs-login__card">
        <p className="vs-login__brand">Vroegsignaal</p>
        <PageTitle title="Inloggen" />
        <OidcNotice code={params.get('melding')} />
        {oidc ? (
          <div className="vs-login__oidc">
            <ButtonLink appearance="primary-action-button" href={endpointUrl('oidcLogin')}>
              Inloggen via uw organisatie
            </ButtonLink>
            {local ? <Paragraph>Of log in met een gebruikersnaam en wachtwoord van Vroegsignaal:</Paragraph> : null}
          </div>
        ) : null}
        {state.expired ? (
          <Alert type="warning">
            <Paragraph>Uw sessie is verlopen. Log opnieuw in.</Paragraph>
          </Alert>
        ) : null}
        {state.passwordChanged ? (
          <Alert type="ok" role="status">
            <Paragraph>Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord.</Paragraph>
          </Alert>
        ) : null}
        {local ? (
          <LoginForm
            onLoggedIn={(session) =>
              navigate(session.pending ? paths.signInStep : state.from && state.from !== paths.login ? state.from : ROLE_HOME[session.user.role], {
                replace: true,
              })
            }
          />
        ) : null}
        <Paragraph appearance="small" className="vs-login__note">
          Vroegsignaal bevat gevoelige gegevens over gezinnen. Elke inzage wordt vastgelegd. Een signaal is een reden om te kijken, geen besluit.
        </Paragraph>
      </main>
    </div>
  );
}
