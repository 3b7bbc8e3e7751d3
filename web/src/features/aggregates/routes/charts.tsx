import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { indicatorsQueryOptions } from '../api/get-indicators.ts';
import { weeksQueryOptions } from '../api/get-weeks.ts';
import { wijkenQueryOptions } from '../api/get-wijken.ts';
import { IndicatorsChart } from '../components/indicators-chart.tsx';
import { WeeksChart } from '../components/weeks-chart.tsx';
import { WijkenChart } from '../components/wijken-chart.tsx';

/** The coordinator's charts: the list over the year, per wijk and per indicator. */
export default function ChartsRoute() {
  const weeks = useQuery(weeksQueryOptions());
  const wijken = useQuery(wijkenQueryOptions());
  const indicators = useQuery(indicatorsQueryOptions());
  const noRuns = 'Er zijn nog geen berekeningen.';
  return (
    <>
      <PageTitle title="Grafieken" intro="Hoe de lijst zich ontwikkelt. Alleen aantallen; aantallen onder 5 worden als “<5” getoond." />
      <QueryState query={weeks} isEmpty={(w) => w.length === 0} empty={noRuns}>
        {(w) => <WeeksChart weeks={w} />}
      </QueryState>
      <div className="vs-grid">
        <QueryState query={wijken} isEmpty={(w) => w.wijken.length === 0} empty={noRuns}>
          {(w) => <WijkenChart aggregate={w} />}
        </QueryState>
        <QueryState query={indicators} isEmpty={(i) => i.indicators.length === 0} empty={noRuns}>
          {(i) => <IndicatorsChart aggregate={i} />}
        </QueryState>
      </div>
    </>
  );
}
