import type { IndicatorsAggregate } from '@vroegsignaal/shared/api/aggregates';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, SERIES_COLORS } from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { countValue, domainLabel, formatDate, formatShortDate } from '../../../lib/format.ts';

/** Flags per leefgebied over sampled weeks. */
export function DomainsOverTime({ runs, stepWeeks }: { runs: readonly IndicatorsAggregate[]; stepWeeks: number }) {
  const domains = [...new Set(runs.flatMap((r) => r.domains.map((d) => d.domain)))];
  const data = runs.map((r) => ({ as_of: r.as_of, ...Object.fromEntries(r.domains.map((d) => [d.domain, countValue(d.flags)])) }));
  return (
    <ChartFrame
      title="Signalen per leefgebied over tijd"
      description={`In hoeveel signalen elk leefgebied meetelt, ${stepWeeks === 1 ? 'elke week' : `elke ${stepWeeks} weken`}.`}
      table={
        <SimpleTable
          caption="Signalen per leefgebied over tijd"
          rows={runs}
          rowKey={(r) => r.run_id}
          columns={[
            { header: 'Week', cell: (r: IndicatorsAggregate) => formatDate(r.as_of) },
            ...domains.map((d) => ({
              header: domainLabel(d),
              cell: (r: IndicatorsAggregate) => <CountValue value={r.domains.find((x) => x.domain === d)?.flags ?? 0} />,
              numeric: true,
            })),
          ]}
        />
      }
    >
      <LineChart responsive style={{ width: '100%', height: 320 }} data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="as_of" tickFormatter={formatShortDate} padding={{ left: 24 }} />
        <YAxis allowDecimals={false} width={48} />
        <Tooltip labelFormatter={(v) => `Week van ${formatDate(String(v))}`} />
        <Legend />
        {domains.map((d, i) => (
          <Line
            key={d}
            dataKey={d}
            name={domainLabel(d)}
            stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
