import { formatDate } from '../../../lib/format.ts';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { signalMarksQueryOptions } from '../api/get-signal-marks.ts';
import { useLiftSignalMark } from '../api/lift-signal-mark.ts';

/** Every mark, active or lifted; an active one can be lifted (the signal counts again). */
export function MarksTable() {
  const marks = useQuery(signalMarksQueryOptions());
  const lift = useLiftSignalMark();
  return (
    <section className="vs-panel" aria-labelledby="marks-title">
      <Heading2 id="marks-title">Gemarkeerde signalen</Heading2>
      <QueryState query={marks} isEmpty={(m) => m.length === 0} empty="Er zijn geen signalen gemarkeerd.">
        {(list) => (
          <SimpleTable
            caption="Gemarkeerde signalen"
            rows={list}
            rowKey={(m) => m.id}
            stacked
            columns={[
              { header: 'Bron', cell: (m) => m.source_name },
              { header: 'Kenmerk', cell: (m) => m.record_id },
              { header: 'Reden', cell: (m) => m.reason },
              { header: 'Gemarkeerd op', cell: (m) => formatDate(m.marked_at) },
              {
                header: 'Status',
                cell: (m) =>
                  m.lifted_at ? (
                    `opgeheven op ${formatDate(m.lifted_at)}`
                  ) : (
                    <Button
                      appearance="secondary-action-button"
                      onClick={() => lift.mutate(m.id)}
                      disabled={lift.isPending}
                      aria-label={`Markering van ${m.source_name} ${m.record_id} opheffen`}
                    >
                      Opheffen
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
