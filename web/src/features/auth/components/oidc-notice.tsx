import type { OidcNotice as Notice } from '@vroegsignaal/shared/api/oidc';
import { Alert, Paragraph } from '@utrecht/component-library-react';

// Why a sign-in through the organisation did not let the user in (query `melding`, set by the server).
const NOTICES: Record<Notice, { title: string; text: string }> = {
  'geen-rol': {
    title: 'U heeft geen toegang tot Vroegsignaal',
    text: 'U bent ingelogd bij uw organisatie, maar uw account heeft geen rol in Vroegsignaal. Vraag de functioneel beheerder van Vroegsignaal om u toegang te geven.',
  },
  'meerdere-rollen': {
    title: 'Uw rol in Vroegsignaal is niet duidelijk',
    text: 'Uw account heeft bij uw organisatie meer dan één rol voor Vroegsignaal. Elk account heeft er precies één. Vraag de functioneel beheerder om dit recht te zetten.',
  },
  gedeactiveerd: {
    title: 'Uw account is gedeactiveerd',
    text: 'Uw account in Vroegsignaal is uitgezet. Vraag de functioneel beheerder om het weer aan te zetten.',
  },
  mislukt: {
    title: 'Inloggen via uw organisatie is niet gelukt',
    text: 'Probeer het opnieuw. Lukt het weer niet, neem dan contact op met de servicedesk.',
  },
  'niet-bereikbaar': {
    title: 'De inlogdienst van uw organisatie is niet bereikbaar',
    text: 'Probeer het over een paar minuten opnieuw.',
  },
};

export function OidcNotice({ code }: { code: string | null }) {
  const notice = code && Object.hasOwn(NOTICES, code) ? NOTICES[code as Notice] : null;
  if (!notice) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph>
        <strong>{notice.title}</strong>
      </Paragraph>
      <Paragraph>{notice.text}</Paragraph>
    </Alert>
  );
}
