import type { PrecisionAggregate } from '@vroegsignaal/shared/api/aggregates';
import { ChartFrame } from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatNumber, indicatorLabel } from '../../../lib/format.ts';

type Row = PrecisionAggregate[number];

/** Of the flags with a recorded outcome, how often each indicator's signal was right. */
export function PrecisionTable({ rows }: { rows: PrecisionAggregate }) {
  return (
    <ChartFrame
      title="Betrouwbaarheid per indicator"
      description="Uit de vastgelegde uitkomsten van de opvolging: bij hoeveel signalen met deze indicator was het signaal terecht?"
    >
      <SimpleTable
        caption="Betrouwbaarheid per indicator"
        rows={rows}
        rowKey={(r) => r.indicator}
        columns={[
          { header: 'Indicator', cell: (r: Row) => indicatorLabel(r.indicator) },
          { header: 'Terecht', cell: (r: Row) => <CountValue value={r.terecht} />, numeric: true },
          { header: 'Niet terecht', cell: (r: Row) => <CountValue value={r.niet_terecht} />, numeric: true },
          {
            header: 'Betrouwbaarheid',
            cell: (r: Row) =>
              r.precision === null ? <span className="vs-muted">te weinig uitkomsten</span> : `${formatNumber(Math.round(r.precision * 100))}%`,
            numeric: true,
          },
        ]}
      />
    </ChartFrame>
  );
}
