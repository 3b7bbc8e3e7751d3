import { Alert, ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { RegisterExport } from '@vroegsignaal/shared/api/publication';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { registerExportQueryOptions, registerExportUrl } from '../api/get-register-export.ts';

type Row = { field: string; value: string };

/** The Algoritmeregister entry of the active rule set: what is still missing, and the files to hand in. */
export default function RegisterRoute() {
  const exported = useQuery(registerExportQueryOptions());
  return (
    <>
      <PageTitle title="Algoritmeregister" intro="De regelset die nu geldt, in de velden van de publicatiestandaard van het Algoritmeregister." />
      <QueryState query={exported}>{(x) => <Entry x={x} />}</QueryState>
    </>
  );
}

function Entry({ x }: { x: RegisterExport }) {
  const rows: Row[] = Object.entries(x.entry).map(([field, v]) => ({ field, value: v === null ? '' : Array.isArray(v) ? v.join(', ') : v }));
  return (
    <>
      {x.missing.length ? (
        <Alert type="warning">
          <Paragraph>
            <strong>Nog niet klaar voor publicatie.</strong> Deze verplichte velden zijn leeg: {x.missing.join(', ')}. De beheerder vult ze in via de
            instellingen van de server.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="ok">
          <Paragraph>Alle verplichte velden zijn ingevuld.</Paragraph>
        </Alert>
      )}
      {x.invalid.length ? (
        <Alert type="error">
          <Paragraph>Velden die niet aan de standaard voldoen: {x.invalid.map((p) => `${p.field} (${p.reason})`).join('; ')}.</Paragraph>
        </Alert>
      ) : null}
      <section className="vs-panel">
        <Heading2>Downloaden</Heading2>
        <div className="vs-actions">
          <ButtonLink appearance="primary-action-button" href={registerExportUrl('csv')} download="algoritmeregister.csv">
            Download CSV
          </ButtonLink>
          <ButtonLink appearance="secondary-action-button" href={registerExportUrl('json')} download="algoritmeregister.json">
            Download JSON
          </ButtonLink>
        </div>
        {x.empty_shown.length ? <Paragraph>Leeg, maar wel getoond in het register: {x.empty_shown.join(', ')}.</Paragraph> : null}
      </section>
      <SimpleTable
        caption={`Velden (publicatiestandaard ${x.schema})`}
        rows={rows}
        rowKey={(r) => r.field}
        columns={[
          { header: 'Veld', cell: (r: Row) => <strong>{r.field}</strong> },
          { header: 'Waarde', cell: (r: Row) => r.value || '—' },
        ]}
      />
    </>
  );
}
