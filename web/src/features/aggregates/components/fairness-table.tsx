import type { WijkenAggregate } from '@vroegsignaal/shared/api/aggregates';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, SERIES_COLORS } from '../../../components/charts/chart-frame.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';

type Wijk = WijkenAggregate['wijken'][number];

const percent = (share: number | null) => (share === null ? '—' : `${formatNumber(Math.round(share * 1000) / 10)}%`);

function representation(w: Wijk) {
  if (w.over_representation === null) return <span className="vs-muted">niet te bepalen</span>;
  const ratio = formatNumber(Math.round(w.over_representation * 100) / 100);
  if (w.over_representation >= 1.25) return <strong className="vs-attention">{ratio}× (oververtegenwoordigd)</strong>;
  if (w.over_representation <= 0.8) return <span>{ratio}× (ondervertegenwoordigd)</span>;
  return <span>{ratio}×</span>;
}

/** Each wijk's share of the flags against its share of the city's gezinshuishoudens. */
export function FairnessTable({ aggregate }: { aggregate: WijkenAggregate }) {
  const hidden = aggregate.wijken.filter((w) => w.share_of_flags === null).length;
  const data = aggregate.wijken.map((w) => ({
    wijk: w.wijk,
    flags: w.share_of_flags === null ? 0 : w.share_of_flags * 100,
    families: w.share_of_gezinshuishoudens === null ? 0 : w.share_of_gezinshuishoudens * 100,
  }));
  return (
    <ChartFrame
      title="Eerlijkheid per wijk"
      description={`Week van ${formatDate(aggregate.as_of)}. Een wijk met een veel groter aandeel in de signalen dan in de gezinshuishoudens (verhouding boven 1) verdient een kritische blik op de regels: komen de signalen door de situatie van gezinnen, of door hoe intensief er in die wijk wordt gemeld?`}
      table={
        <SimpleTable
          caption="Eerlijkheid per wijk"
          rows={aggregate.wijken}
          rowKey={(w) => w.wijk}
          columns={[
            { header: 'Wijk', cell: (w: Wijk) => w.wijk },
            { header: 'Signalen', cell: (w: Wijk) => <CountValue value={w.flags} />, numeric: true },
            { header: 'Gezinshuishoudens', cell: (w: Wijk) => <CountValue value={w.gezinshuishoudens} />, numeric: true },
            { header: 'Per 100 gezinnen', cell: (w: Wijk) => formatNumber(w.flag_rate), numeric: true },
            { header: 'Aandeel signalen', cell: (w: Wijk) => percent(w.share_of_flags), numeric: true },
            { header: 'Aandeel gezinnen', cell: (w: Wijk) => percent(w.share_of_gezinshuishoudens), numeric: true },
            { header: 'Verhouding', cell: representation },
          ]}
        />
      }
    >
      <BarChart
        responsive
        style={{ width: '100%', height: 34 * data.length + 70 }}
        data={data}
        layout="vertical"
        margin={{ top: 10, right: 20, bottom: 10, left: 10 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" unit="%" />
        <YAxis type="category" dataKey="wijk" width={190} interval={0} />
        <Tooltip formatter={(v, name) => [`${formatNumber(Math.round(Number(v) * 10) / 10)}%`, name]} />
        <Legend verticalAlign="top" />
        <Bar dataKey="flags" name="Aandeel in de signalen" fill={SERIES_COLORS[1]} isAnimationActive={false} />
        <Bar dataKey="families" name="Aandeel in de gezinshuishoudens" fill={SERIES_COLORS[0]} isAnimationActive={false} />
      </BarChart>
      {hidden ? (
        <p className="vs-chart-legend-note">
          Bij {hidden} wijk{hidden === 1 ? '' : 'en'} is het aandeel niet te tonen omdat de aantallen te klein zijn; die staan zonder balk.
        </p>
      ) : null}
    </ChartFrame>
  );
}
