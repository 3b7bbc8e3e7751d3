import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { paths } from '../../config/paths.ts';
import { PageFrame } from './page-frame.tsx';

/**
 * The frame of a public page: no session is asked for (that would log a refused request
 * per visitor), only a link to sign in for staff.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const header = (
    <div className="vs-header__inner">
      <Link to={paths.howItWorks} className="vs-brand">
        Vroegsignaal
      </Link>
      <Link to={paths.login} className="vs-header__link">
        Inloggen voor medewerkers
      </Link>
    </div>
  );
  return (
    <PageFrame header={header} footer="Een signaal is een reden om te kijken, geen besluit. Deze pagina is openbaar.">
      {children}
    </PageFrame>
  );
}
