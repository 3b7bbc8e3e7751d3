import type { WeekAggregate } from '@vroegsignaal/shared/api/aggregates';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, SERIES_COLORS } from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { countValue, formatCount, formatDate, formatShortDate } from '../../../lib/format.ts';

const SERIES = [
  { key: 'new_flags', label: 'Nieuw', color: SERIES_COLORS[1] },
  { key: 'persisting_flags', label: 'Blijft op de lijst', color: SERIES_COLORS[0] },
  { key: 'dropped_flags', label: 'Van de lijst af', color: SERIES_COLORS[3] },
] as const;

/** Flags per week: new and persisting stacked, dropped beside them. */
export function WeeksChart({ weeks }: { weeks: readonly WeekAggregate[] }) {
  const data = weeks.map((w) => ({
    as_of: w.as_of,
    ...Object.fromEntries(SERIES.map((s) => [s.key, countValue(w[s.key])])),
    raw: w,
  }));
  return (
    <ChartFrame
      title="Signalen per week"
      description="Nieuw op de lijst, blijft op de lijst en van de lijst af, per wekelijkse berekening over het afgelopen jaar. Aantallen onder 5 worden niet getoond."
      table={
        <SimpleTable
          caption="Signalen per week"
          rows={[...weeks].reverse()}
          rowKey={(w) => w.run_id}
          columns={[
            { header: 'Week', cell: (w) => formatDate(w.as_of) },
            { header: 'Totaal', cell: (w) => <CountValue value={w.flags} />, numeric: true },
            ...SERIES.map((s) => ({ header: s.label, cell: (w: WeekAggregate) => <CountValue value={w[s.key]} />, numeric: true })),
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
        <Bar dataKey="persisting_flags" name="Blijft op de lijst" stackId="on" fill={SERIES[1].color} isAnimationActive={false} />
        <Bar dataKey="new_flags" name="Nieuw" stackId="on" fill={SERIES[0].color} isAnimationActive={false} />
        <Bar dataKey="dropped_flags" name="Van de lijst af" fill={SERIES[2].color} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
