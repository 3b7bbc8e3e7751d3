import type { WeekAggregate } from '@vroegsignaal/shared/api/aggregates';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, SERIES_COLORS } from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { countValue, formatCount, formatDate, formatShortDate } from '../../../lib/format.ts';

const SERIES = [
  { key: 'flags', label: 'Op de lijst', color: SERIES_COLORS[0] },
  { key: 'new_flags', label: 'Nieuw', color: SERIES_COLORS[1] },
  { key: 'dropped_flags', label: 'Van de lijst af', color: SERIES_COLORS[3] },
] as const;

/** Height of a hidden ("<5") bar: drawn small and labelled, never left out. */
const HIDDEN_BAR = 2;

/**
 * Flags per week: the total on the list, new and dropped side by side. Counts are
 * rounded, so parts are not stacked (they need not add up to the rounded total);
 * a hidden part is drawn as a low bar labelled "<5".
 */
export function WeeksChart({ weeks }: { weeks: readonly WeekAggregate[] }) {
  const data = weeks.map((w) => ({
    as_of: w.as_of,
    ...Object.fromEntries(SERIES.map((s) => [s.key, typeof w[s.key] === 'number' ? countValue(w[s.key]) : HIDDEN_BAR])),
    raw: w,
  }));
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
        <XAxis dataKey="as_of" tickFormatter={formatShortDate} minTickGap={20} />
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
            <LabelList dataKey={(d: { raw: WeekAggregate }) => (typeof d.raw[series.key] === 'number' ? '' : '<5')} position="top" />
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}
