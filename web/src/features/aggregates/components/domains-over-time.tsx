import type { IndicatorsAggregate } from '@vroegsignaal/shared/api/aggregates';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import {
  ChartFrame,
  SERIES_COLORS,
  SERIES_DASHES,
  SERIES_SHAPES,
  axisTitle,
  chartA11y,
  ChartImage,
  seriesMarker,
} from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { domainLabel, formatCount, formatDate, formatShortDate } from '../../../lib/format.ts';

/** Flags per leefgebied over sampled weeks. */
export function DomainsOverTime({ runs, stepWeeks }: { runs: readonly IndicatorsAggregate[]; stepWeeks: number }) {
  const domains = [...new Set(runs.flatMap((r) => r.domains.map((d) => d.domain)))];
  // A hidden ("<5") count is a gap in its line, never a 0 the API did not publish.
  const data = runs.map((r) => ({
    as_of: r.as_of,
    raw: r,
    ...Object.fromEntries(r.domains.map((d) => [d.domain, typeof d.flags === 'number' ? d.flags : null])),
  }));
  const hidden = runs.some((r) => r.domains.some((d) => typeof d.flags !== 'number'));
  return (
    <ChartFrame
      title="Signalen per leefgebied over tijd"
      description={`In hoeveel signalen elk leefgebied meetelt, ${stepWeeks === 1 ? 'elke week' : `elke ${stepWeeks} weken`}. Elk leefgebied heeft een eigen lijnsoort en teken.${hidden ? ' Een onderbreking in een lijn is een week met minder dan 5 (“<5”).' : ''}`}
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
      <ChartImage label="Lijndiagram: signalen per leefgebied over tijd">
        <LineChart
          {...chartA11y('Lijndiagram: signalen per leefgebied over tijd')}
          responsive
          style={{ width: '100%', height: 360 }}
          data={data}
          margin={{ top: 10, right: 20, bottom: 10, left: 12 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="as_of"
            tickFormatter={formatShortDate}
            minTickGap={20}
            padding={{ left: 24 }}
            height={48}
            label={axisTitle('Week van de berekening', 'x')}
          />
          <YAxis allowDecimals={false} width={56} label={axisTitle('Aantal huishoudens', 'y')} />
          <Tooltip
            labelFormatter={(v) => `Week van ${formatDate(String(v))}`}
            formatter={(_v, name, item) => {
              const raw = (item.payload as { raw: IndicatorsAggregate }).raw;
              return [formatCount(raw.domains.find((x) => domainLabel(x.domain) === name)?.flags), name];
            }}
          />
          <Legend verticalAlign="top" itemSorter={null} />
          {domains.map((d, i) => {
            const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
            return (
              <Line
                key={d}
                dataKey={d}
                name={domainLabel(d)}
                stroke={color}
                strokeWidth={2}
                strokeDasharray={SERIES_DASHES[i % SERIES_DASHES.length]}
                legendType={SERIES_SHAPES[i % SERIES_SHAPES.length]}
                dot={seriesMarker(i, color)}
                activeDot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </ChartImage>
    </ChartFrame>
  );
}
