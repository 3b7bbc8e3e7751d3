import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

// The path whose heading last took focus. Null until the first page showed its title: on the
// first page load focus stays where the browser puts it.
let titledPath: string | null = null;

/**
 * The page's h1, also used as the document title (screen readers announce it). After a route
 * change it takes focus, so keyboard and screen-reader users start on the new page instead of
 * on <body> (or on a menu link that is still there). A change of search parameters (a filter,
 * a page of the list) is no route change: focus stays on the control used.
 */
/** `documentTitle` replaces the title in the browser tab and history where the title holds household data. */
export function PageTitle({ title, intro, documentTitle = title }: { title: string; intro?: ReactNode; documentTitle?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${documentTitle} – Vroegsignaal`;
  }, [documentTitle]);
  useEffect(() => {
    if (titledPath !== null && titledPath !== pathname) heading.current?.focus();
    titledPath = pathname;
  }, [pathname]);
  return (
    <header className="vs-page-title">
      <Heading1 ref={heading} tabIndex={-1}>
        {title}
      </Heading1>
      {intro ? <Paragraph lead>{intro}</Paragraph> : null}
    </header>
  );
}
