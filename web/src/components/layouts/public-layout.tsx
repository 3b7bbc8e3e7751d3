import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { paths } from '../../config/paths.ts';

/**
 * The frame of a public page: no session is asked for (that would log a refused request
 * per visitor), only a link to sign in for staff.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="vs-app">
      <a href="#main" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        Naar de inhoud
      </a>
      <header className="vs-header">
        <div className="vs-header__inner">
          <Link to={paths.howItWorks} className="vs-brand">
            Vroegsignaal
          </Link>
          <Link to={paths.login} className="vs-header__link">
            Inloggen voor medewerkers
          </Link>
        </div>
      </header>
      <main id="main" className="vs-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="vs-footer">Een signaal is een reden om te kijken, geen besluit. Deze pagina is openbaar.</footer>
    </div>
  );
}
