import { useQuery } from '@tanstack/react-query';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime, formatNumber, indicatorLabel } from '../../../lib/format.ts';
import { sourcesQueryOptions } from '../api/get-sources.ts';
import type { SourceItem } from '@vroegsignaal/shared/api/operations';
import { HealthBadge } from '../components/health-badge.tsx';

const ORDER = { red: 0, amber: 1, green: 2 } as const;

/** Is every source delivering as usual? Problems first, with the reason. */
export default function SourcesRoute() {
  const sources = useQuery(sourcesQueryOptions());
  return (
    <>
      <PageTitle title="Bronnen" intro="Leveren alle bronnen zoals verwacht? Rood en oranje staan bovenaan, met de reden." />
      <QueryState query={sources} isEmpty={(s) => s.length === 0} empty="Er zijn nog geen bronnen ingesteld.">
        {(list) => <SourceTable sources={list} />}
      </QueryState>
    </>
  );
}

function SourceTable({ sources }: { sources: readonly SourceItem[] }) {
  const sorted = [...sources].sort((a, b) => ORDER[a.health.status] - ORDER[b.health.status] || a.name.localeCompare(b.name));
  const problems = sorted.filter((s) => s.health.status !== 'green').length;
  return (
    <>
      <Alert type={problems ? 'warning' : 'ok'} role="status">
        <Paragraph>
          {problems ? `${problems} van de ${sources.length} bronnen vragen aandacht.` : `Alle ${sources.length} bronnen leveren zoals verwacht.`}
        </Paragraph>
      </Alert>
      <SimpleTable
        caption="Bronnen en hun gezondheid"
        rows={sorted}
        rowKey={(s) => s.name}
        columns={[
          { header: 'Bron', cell: (s) => <strong>{s.name}</strong> },
          { header: 'Gezondheid', cell: (s) => <HealthBadge status={s.health.status} /> },
          { header: 'Reden', cell: (s) => (s.health.reasons.length ? s.health.reasons.join('; ') : <span className="vs-muted">—</span>) },
          { header: 'Laatste levering', cell: (s) => formatDateTime(s.health.last_delivery_at) },
          { header: 'Rijen (gebruikelijk)', cell: (s) => `${formatNumber(s.health.last_rows)} (${formatNumber(s.health.usual_rows)})`, numeric: true },
          { header: 'Verwacht elke', cell: (s) => `${s.expected_interval_days} dagen` },
          { header: 'Indicatoren', cell: (s) => <span className="vs-small">{s.indicators.map(indicatorLabel).join(', ')}</span> },
          { header: 'Actief', cell: (s) => (s.enabled ? 'Ja' : 'Nee') },
        ]}
      />
    </>
  );
}
