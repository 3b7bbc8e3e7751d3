import { Paragraph } from '@utrecht/component-library-react';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { ErrorMessage } from '../../components/ui/query-state.tsx';
import { RouterLink } from '../../components/ui/router-link.tsx';
import { paths } from '../../config/paths.ts';

/** A page that failed to render (or to load its code): a heading, the error and a way back. */
export function RouteErrorPage() {
  return (
    <main id="main" className="vs-main">
      <PageTitle title="Deze pagina kon niet worden getoond" />
      <ErrorMessage error={null} title="Er ging iets mis" />
      <Paragraph>
        <RouterLink to={paths.home}>Naar de startpagina</RouterLink>
      </Paragraph>
    </main>
  );
}
