import type { WeekAggregate } from '@vroegsignaal/shared/api/aggregates';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, SERIES_COLORS } from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { countValue, formatCount, formatDate, formatShortDate } from '../../../lib/format.ts';

const SERIES = [
  { key: 'flags', label: 'Op de lijst', color: SERIES_COLORS[0] },
  { key: 'new_flags', label: 'Nieuw', color: SERIES_COLORS[1] },
  { key: 'dropped_flags', label: 'Van de lijst af', color: SERIES_COLORS[3] },
] as const;

type SeriesKey = (typeof SERIES)[number]['key'];

const isHidden = (w: WeekAggregate, key: SeriesKey) => typeof w[key] !== 'number';

/** "Nieuw in 3 weken, Van de lijst af in 1 week": which series had a hidden ("<5") count, as text. */
function hiddenSummary(weeks: readonly WeekAggregate[]): string | null {
  const parts = SERIES.map((s) => ({ label: s.label, n: weeks.filter((w) => isHidden(w, s.key)).length }))
    .filter((p) => p.n > 0)
    .map((p) => `${p.label} in ${p.n} ${p.n === 1 ? 'week' : 'weken'}`);
  return parts.length ? `Minder dan 5 (“<5”, lichte balk met stippellijn): ${parts.join(', ')}. Het exacte aantal staat in de tooltip en de tabel.` : null;
}

/**
 * Flags per week: the total on the list, new and dropped side by side. Counts are
 * rounded, so parts are not stacked (they need not add up to the rounded total).
 * A hidden part is drawn as a low, light bar (never left out) and named "<5" in the
 * tooltip, the summary and the table; a "<5" label on every bar would overlap.
 */
export function WeeksChart({ weeks }: { weeks: readonly WeekAggregate[] }) {
  const highest = Math.max(1, ...weeks.flatMap((w) => SERIES.map((s) => countValue(w[s.key]))));
  const hiddenBar = Math.max(1, highest * 0.03);
  const data = weeks.map((w) => ({
    as_of: w.as_of,
    ...Object.fromEntries(SERIES.map((s) => [s.key, isHidden(w, s.key) ? hiddenBar : countValue(w[s.key])])),
    raw: w,
  }));
  const summary = hiddenSummary(weeks);
  return (
    <ChartFrame
      title="Signalen per week"
      description="Op de lijst, nieuw op de lijst en van de lijst af, per wekelijkse berekening over het afgelopen jaar. Aantallen zijn afgerond op tientallen; 0 t/m 4 staat er als “<5”."
      table={
        <SimpleTable
          caption="Signalen per week"
          rows={[...weeks].reverse()}
          rowKey={(w) => w.run_id}
          columns={[
            { header: 'Week', cell: (w) => formatDate(w.as_of) },
            { header: 'Totaal', cell: (w) => <CountValue value={w.flags} />, numeric: true },
            ...SERIES.slice(1).map((s) => ({ header: s.label, cell: (w: WeekAggregate) => <CountValue value={w[s.key]} />, numeric: true })),
            { header: 'Blijft op de lijst', cell: (w) => <CountValue value={w.persisting_flags} />, numeric: true },
          ]}
        />
      }
    >
      <BarChart responsive style={{ width: '100%', height: 320 }} data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="as_of" tickFormatter={formatShortDate} minTickGap={20} padding={{ left: 24 }} />
        <YAxis allowDecimals={false} width={48} />
        <Tooltip
          labelFormatter={(v) => `Week van ${formatDate(String(v))}`}
          formatter={(_value, name, item) => {
            const series = SERIES.find((s) => s.label === name);
            const raw = (item.payload as { raw: WeekAggregate }).raw;
            return [series ? formatCount(raw[series.key]) : String(_value), name];
          }}
        />
        <Legend />
        {SERIES.map((series) => (
          <Bar key={series.key} dataKey={series.key} name={series.label} fill={series.color} isAnimationActive={false}>
            {weeks.map((w) =>
              isHidden(w, series.key) ? <Cell key={w.run_id} fillOpacity={0.3} stroke={series.color} strokeDasharray="2 2" /> : <Cell key={w.run_id} />,
            )}
          </Bar>
        ))}
      </BarChart>
      {summary ? <p className="vs-chart-legend-note">{summary}</p> : null}
    </ChartFrame>
  );
}
