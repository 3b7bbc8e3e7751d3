import { Paragraph } from '@utrecht/component-library-react';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { RouterLink } from '../../components/ui/router-link.tsx';
import { paths } from '../../config/paths.ts';

export function NotFoundRoute() {
  return (
    <>
      <PageTitle title="Pagina niet gevonden" />
      <Paragraph>
        Deze pagina bestaat niet. <RouterLink to={paths.home}>Naar de startpagina</RouterLink>
      </Paragraph>
    </>
  );
}
