import type { ReactNode } from 'react';

/** What every page has around it: the skip link, a header, the main region and the footer line. */
export function PageFrame({ header, footer, children }: { header: ReactNode; footer: string; children: ReactNode }) {
  return (
    <div className="vs-app">
      <a href="#main" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        Naar de inhoud
      </a>
      <header className="vs-header">{header}</header>
      <main id="main" className="vs-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="vs-footer">{footer}</footer>
    </div>
  );
}
