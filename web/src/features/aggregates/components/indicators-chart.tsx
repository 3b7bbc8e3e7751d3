import type { IndicatorsAggregate } from '@vroegsignaal/shared/api/aggregates';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, SERIES_COLORS } from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { countValue, domainLabel, formatCount, formatDate, indicatorLabel } from '../../../lib/format.ts';

type Row = IndicatorsAggregate['indicators'][number];

/** Which indicators drive the flags: in how many flags each indicator is active. */
export function IndicatorsChart({ aggregate }: { aggregate: IndicatorsAggregate }) {
  const rows = [...aggregate.indicators].sort((a, b) => countValue(b.flags) - countValue(a.flags));
  const data = rows.map((r) => ({ label: indicatorLabel(r.indicator), flags: countValue(r.flags), raw: r }));
  return (
    <ChartFrame
      title="Welke signalen leiden tot de lijst"
      description={`Week van ${formatDate(aggregate.as_of)}: in hoeveel van de ${formatCount(aggregate.total_flags)} signalen elke indicator meetelt. Een huishouden heeft meestal meerdere indicatoren, dus de aantallen tellen niet op tot het totaal.`}
      table={
        <SimpleTable
          caption="Signalen per indicator"
          rows={rows}
          rowKey={(r) => r.indicator}
          columns={[
            { header: 'Indicator', cell: (r: Row) => indicatorLabel(r.indicator) },
            { header: 'Leefgebied', cell: (r: Row) => domainLabel(r.domain) },
            { header: 'Signalen', cell: (r: Row) => <CountValue value={r.flags} />, numeric: true },
          ]}
        />
      }
    >
      <BarChart
        responsive
        style={{ width: '100%', height: 28 * data.length + 60 }}
        data={data}
        layout="vertical"
        margin={{ top: 10, right: 20, bottom: 10, left: 10 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={190} interval={0} />
        <Tooltip formatter={(_v, _n, item) => [formatCount((item.payload as { raw: Row }).raw.flags), 'Signalen']} />
        <Bar dataKey="flags" name="Signalen" fill={SERIES_COLORS[2]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
