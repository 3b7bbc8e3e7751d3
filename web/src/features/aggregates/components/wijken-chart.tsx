import type { WijkenAggregate } from '@vroegsignaal/shared/api/aggregates';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, SERIES_COLORS } from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { countValue, formatCount, formatDate, formatNumber } from '../../../lib/format.ts';

type Wijk = WijkenAggregate['wijken'][number];

/** Flags per wijk in the newest run. */
export function WijkenChart({ aggregate }: { aggregate: WijkenAggregate }) {
  const data = aggregate.wijken.map((w) => ({ wijk: w.wijk, flags: countValue(w.flags), raw: w }));
  return (
    <ChartFrame
      title="Signalen per wijk"
      description={`Week van ${formatDate(aggregate.as_of)}; totaal ${formatCount(aggregate.total_flags)} signalen.`}
      table={
        <SimpleTable
          caption="Signalen per wijk"
          rows={aggregate.wijken}
          rowKey={(w) => w.wijk}
          columns={[
            { header: 'Wijk', cell: (w: Wijk) => w.wijk },
            { header: 'Signalen', cell: (w: Wijk) => <CountValue value={w.flags} />, numeric: true },
            { header: 'Gezinshuishoudens', cell: (w: Wijk) => <CountValue value={w.gezinshuishoudens} />, numeric: true },
            { header: 'Per 100 gezinnen', cell: (w: Wijk) => formatNumber(w.flag_rate), numeric: true },
          ]}
        />
      }
    >
      <BarChart
        responsive
        style={{ width: '100%', height: Math.max(220, 44 * data.length + 40) }}
        data={data}
        layout="vertical"
        margin={{ top: 10, right: 20, bottom: 10, left: 10 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="wijk" width={150} interval={0} />
        <Tooltip formatter={(_v, _n, item) => [formatCount((item.payload as { raw: Wijk }).raw.flags), 'Signalen']} />
        <Bar dataKey="flags" name="Signalen" fill={SERIES_COLORS[0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
