import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, type ReactNode } from 'react';

/** The page's h1, also used as the document title (screen readers announce it). */
export function PageTitle({ title, intro }: { title: string; intro?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Vroegsignaal`;
  }, [title]);
  return (
    <header className="vs-page-title">
      <Heading1>{title}</Heading1>
      {intro ? <Paragraph lead>{intro}</Paragraph> : null}
    </header>
  );
}
