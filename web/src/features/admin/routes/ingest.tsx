import { Button, Heading2 } from '@utrecht/component-library-react';
import type { IngestRunPage, QuarantinePage } from '@vroegsignaal/shared/api/admin';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { ingestRunsQueryOptions } from '../api/get-ingest-runs.ts';
import { quarantineQueryOptions } from '../api/get-quarantine.ts';

type IngestRun = IngestRunPage['items'][number];
type QuarantineRow = QuarantinePage['items'][number];

/** Ingest runs with their quarantine counts, and the quarantined rows with their reasons. */
export default function IngestRoute() {
  const [page, setPage] = useState(1);
  const [run, setRun] = useState<number | undefined>(undefined);
  const runs = useQuery(ingestRunsQueryOptions(page));
  return (
    <>
      <PageTitle
        title="Leveringen"
        intro="Elke ingelezen levering met het aantal rijen in quarantaine. Quarantaine bevat nooit de ruwe rij, alleen waar en waarom."
      />
      <QueryState query={runs} isEmpty={(r) => r.items.length === 0} empty="Er zijn nog geen leveringen ingelezen.">
        {(data) => (
          <>
            <SimpleTable
              caption="Leveringen"
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                { header: 'Nr.', cell: (r: IngestRun) => r.id, numeric: true },
                { header: 'Bron', cell: (r: IngestRun) => r.source_name ?? (r.kind === 'registry' ? 'Basisregistratie' : '—') },
                { header: 'Bestand', cell: (r: IngestRun) => <span className="vs-small">{r.file_name}</span> },
                { header: 'Ingelezen', cell: (r: IngestRun) => formatDateTime(r.started_at) },
                { header: 'Status', cell: (r: IngestRun) => (r.status === 'ok' ? 'Gelukt' : `Mislukt${r.error ? `: ${r.error}` : ''}`) },
                { header: 'Rijen', cell: (r: IngestRun) => formatNumber(r.read_rows), numeric: true },
                { header: 'Nieuw', cell: (r: IngestRun) => formatNumber(r.stored), numeric: true },
                { header: 'Niet gekoppeld', cell: (r: IngestRun) => formatNumber(r.unlinked), numeric: true },
                {
                  header: 'Quarantaine',
                  numeric: true,
                  cell: (r: IngestRun) =>
                    r.quarantined > 0 ? (
                      <Button
                        appearance="subtle-button"
                        onClick={() => setRun(r.id)}
                        aria-label={`Toon ${r.quarantined} rijen in quarantaine van levering ${r.id}`}
                      >
                        {formatNumber(r.quarantined)}
                      </Button>
                    ) : (
                      '0'
                    ),
                },
              ]}
            />
            <Pager page={page} pageSize={data.page_size} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
      <Quarantine key={run ?? 'all'} run={run} onAll={() => setRun(undefined)} />
    </>
  );
}

function Quarantine({ run, onAll }: { run: number | undefined; onAll: () => void }) {
  const [page, setPage] = useState(1);
  const rows = useQuery(quarantineQueryOptions(run, page));
  return (
    <section className="vs-panel" aria-labelledby="quarantine-title">
      <Heading2 id="quarantine-title">Quarantaine{run ? ` van levering ${run}` : ''}</Heading2>
      {run ? (
        <Button appearance="secondary-action-button" onClick={onAll}>
          Toon alle quarantaine
        </Button>
      ) : null}
      <QueryState query={rows} isEmpty={(r) => r.items.length === 0} empty="Geen rijen in quarantaine.">
        {(data) => (
          <>
            <SimpleTable
              caption="Rijen in quarantaine"
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                { header: 'Levering', cell: (r: QuarantineRow) => r.ingest_run_id, numeric: true },
                { header: 'Bron', cell: (r: QuarantineRow) => r.source ?? '—' },
                { header: 'Rij', cell: (r: QuarantineRow) => r.row_number, numeric: true },
                { header: 'Redenen', cell: (r: QuarantineRow) => r.reasons.join('; ') },
                { header: 'Datum', cell: (r: QuarantineRow) => formatDateTime(r.created_at) },
              ]}
            />
            <Pager page={page} pageSize={data.page_size} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </section>
  );
}
