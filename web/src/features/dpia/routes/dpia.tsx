import { ButtonLink, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { buildUrl } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The DPIA fact sheet over a chosen period, as Markdown or PDF, for the privacy officer. */
export default function DpiaRoute() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 90 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const url = (format: 'md' | 'pdf') => buildUrl(endpointUrl('dpiaFactsheet'), { from, to, format });
  return (
    <>
      <PageTitle
        title="DPIA-feitenblad"
        intro="Feiten voor de gegevensbeschermingseffectbeoordeling, uit de gegevens van het systeem zelf: gegevens per bron, toegang per rol, bewaartermijnen, kleine aantallen, regelsets en goedkeuringen, quarantaine en oververtegenwoordiging per wijk."
      />
      <form className="vs-filters vs-panel" aria-label="Periode van het feitenblad" onSubmit={(e) => e.preventDefault()}>
        <FormField>
          <FormLabel htmlFor="dpia-from">Vanaf</FormLabel>
          <Textbox id="dpia-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </FormField>
        <FormField>
          <FormLabel htmlFor="dpia-to">Tot en met</FormLabel>
          <Textbox id="dpia-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </FormField>
      </form>
      <section className="vs-panel">
        <Heading2>Downloaden</Heading2>
        {valid ? (
          <div className="vs-actions">
            <ButtonLink appearance="primary-action-button" href={url('pdf')} download={`dpia-feitenblad-${from}-${to}.pdf`}>
              Download PDF
            </ButtonLink>
            <ButtonLink appearance="secondary-action-button" href={url('md')} download={`dpia-feitenblad-${from}-${to}.md`}>
              Download Markdown
            </ButtonLink>
          </div>
        ) : (
          <Paragraph>Kies een begindatum die niet na de einddatum ligt.</Paragraph>
        )}
        <Paragraph>Het downloaden wordt vastgelegd in het auditlog.</Paragraph>
      </section>
    </>
  );
}
