import { formatDate } from '../../../lib/format.ts';
import { Button } from '@utrecht/component-library-react';
import type { AccessRequestItem } from '@vroegsignaal/shared/api/privacy';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { foundVia } from './field-labels.ts';

const left = (r: AccessRequestItem) => (r.status !== 'open' ? 'afgehandeld' : r.days_left < 0 ? `${-r.days_left} dagen te laat` : `${r.days_left} dagen`);

/** Requests with their deadlines; open ones first, the nearest deadline on top. */
export function RequestsTable({ requests, onOpen }: { requests: AccessRequestItem[]; onOpen: (id: number) => void }) {
  return (
    <SimpleTable
      caption="Verzoeken en hun termijnen"
      rows={requests}
      rowKey={(r) => r.id}
      stacked
      columns={[
        { header: 'Verzoek', cell: (r) => r.id, numeric: true },
        { header: 'Gevonden via', cell: foundVia },
        { header: 'Ontvangen', cell: (r) => formatDate(r.received_on) },
        { header: 'Termijn tot', cell: (r) => `${formatDate(r.deadline)}${r.extension_reason ? ' (verlengd)' : ''}` },
        { header: 'Resterend', cell: left },
        {
          header: 'Actie',
          cell: (r) => (
            <Button appearance="secondary-action-button" onClick={() => onOpen(r.id)} aria-label={`Verzoek ${r.id} openen`}>
              Openen
            </Button>
          ),
        },
      ]}
    />
  );
}
