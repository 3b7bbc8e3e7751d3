import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { ErrorMessage, Loading } from '../../components/ui/query-state.tsx';
import { RouterLink } from '../../components/ui/router-link.tsx';
import { paths } from '../../config/paths.ts';
import { UserContext, useSession, useUser } from '../../lib/auth.ts';
import { ROLE_HOME, type Role } from '../../lib/roles.ts';

/** Renders children only for a logged-in user; otherwise sends them to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Sessie controleren…" />;
  if (session.isError) return <ErrorMessage error={session.error} />;
  if (!session.data) return <Navigate to={paths.login} replace state={{ from: location.pathname + location.search }} />;
  if (session.data.pending) return <Navigate to={paths.signInStep} replace />;
  // Pages read the user from context, so they never render with a session that just ended.
  return <UserContext value={session.data.user}>{children}</UserContext>;
}

/** Renders children only for the given roles: a page never asks for data its role may not see. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { role } = useUser();
  if (!roles.includes(role)) {
    return (
      <>
        <PageTitle title="Niet beschikbaar voor uw rol" />
        <Alert type="warning">
          <Paragraph>
            Deze pagina is niet beschikbaar voor uw rol. <RouterLink to={paths.home}>Naar uw startpagina</RouterLink>
          </Paragraph>
        </Alert>
      </>
    );
  }
  return <>{children}</>;
}

export function RoleHome() {
  const session = useSession();
  const role = session.data?.user.role;
  return <Navigate to={role ? ROLE_HOME[role] : paths.login} replace />;
}
