import { Heading2 } from '@utrecht/component-library-react';
import type { HouseholdDetail } from '@vroegsignaal/shared/api/households';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { SERIES_COLORS, axisTitle, chartA11y, ChartImage } from '../../../components/charts/chart-frame.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDate, formatNumber, formatShortDate } from '../../../lib/format.ts';

/** The score in each weekly run; weeks off the list have no point. */
export function ScoreChart({ trend, threshold }: { trend: HouseholdDetail['trend']; threshold: number }) {
  const data = trend.map((p) => ({ as_of: p.as_of, score: p.score }));
  const onList = trend.filter((p) => p.flagged).length;
  return (
    <section className="vs-panel" aria-labelledby="score-title">
      <Heading2 id="score-title">Score over tijd</Heading2>
      <p className="vs-chart-legend-note">
        {onList} van de {trend.length} weken op de lijst. De stippellijn is de drempel ({formatNumber(threshold)}).
      </p>
      <ChartImage label="Lijndiagram: score van dit huishouden per week">
        <LineChart
          {...chartA11y('Lijndiagram: score van dit huishouden per week')}
          responsive
          style={{ width: '100%', height: 260 }}
          data={data}
          margin={{ top: 10, right: 20, bottom: 10, left: 12 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="as_of"
            tickFormatter={formatShortDate}
            minTickGap={24}
            padding={{ left: 24 }}
            height={48}
            label={axisTitle('Week van de berekening', 'x')}
          />
          <YAxis allowDecimals={false} width={48} label={axisTitle('Score', 'y')} />
          <Tooltip labelFormatter={(v) => `Week van ${formatDate(String(v))}`} formatter={(v) => [formatNumber(Number(v)), 'Score']} />
          <ReferenceLine y={threshold} stroke="#b45309" strokeDasharray="6 4" />
          <Line type="stepAfter" dataKey="score" stroke={SERIES_COLORS[0]} strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ChartImage>
      <details>
        <summary>Toon de scores als tabel</summary>
        <SimpleTable
          caption="Score per week"
          rows={[...trend].reverse()}
          rowKey={(p) => p.as_of}
          columns={[
            { header: 'Week', cell: (p) => formatDate(p.as_of) },
            { header: 'Score', cell: (p) => (p.score === null ? '—' : formatNumber(p.score)), numeric: true },
            { header: 'Op de lijst', cell: (p) => (p.flagged ? 'Ja' : 'Nee') },
          ]}
        />
      </details>
    </section>
  );
}
