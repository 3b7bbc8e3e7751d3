import { useQueries, useQuery } from '@tanstack/react-query';
import type { WeekAggregate } from '@vroegsignaal/shared/api/aggregates';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ErrorMessage, Loading, QueryState } from '../../../components/ui/query-state.tsx';
import { indicatorsQueryOptions } from '../api/get-indicators.ts';
import { precisionQueryOptions } from '../api/get-precision.ts';
import { weeksQueryOptions } from '../api/get-weeks.ts';
import { wijkenQueryOptions } from '../api/get-wijken.ts';
import { DomainsOverTime } from '../components/domains-over-time.tsx';
import { FairnessTable } from '../components/fairness-table.tsx';
import { PrecisionTable } from '../components/precision-table.tsx';
import { WeeksChart } from '../components/weeks-chart.tsx';

/** Trends and fairness for the beleidsmaker: aggregates only. */
export default function TrendsRoute() {
  const weeks = useQuery(weeksQueryOptions());
  const wijken = useQuery(wijkenQueryOptions());
  const precision = useQuery(precisionQueryOptions());
  return (
    <>
      <PageTitle title="Trends en eerlijkheid" intro="Alleen totalen, nooit een huishouden. Aantallen onder 5 worden als “<5” getoond." />
      <QueryState query={wijken} isEmpty={(w) => w.wijken.length === 0} empty="Er zijn nog geen berekeningen.">
        {(w) => <FairnessTable aggregate={w} />}
      </QueryState>
      <QueryState query={precision} isEmpty={(p) => p.length === 0} empty="Er zijn nog geen uitkomsten van de opvolging vastgelegd.">
        {(p) => <PrecisionTable rows={p} />}
      </QueryState>
      <QueryState query={weeks} isEmpty={(w) => w.length === 0} empty="Er zijn nog geen berekeningen.">
        {(w) => (
          <>
            <DomainTrend weeks={w} />
            <WeeksChart weeks={w} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** At most 14 weeks spread over the period (always the newest), one aggregate request each. */
function DomainTrend({ weeks }: { weeks: readonly WeekAggregate[] }) {
  const step = Math.max(1, Math.ceil(weeks.length / 14));
  const sampled = weeks.filter((_, i) => (weeks.length - 1 - i) % step === 0);
  const results = useQueries({ queries: sampled.map((w) => indicatorsQueryOptions(w.run_id)) });
  const failed = results.find((r) => r.isError);
  if (failed) return <ErrorMessage error={failed.error} />;
  if (results.some((r) => r.isPending)) return <Loading />;
  return <DomainsOverTime runs={results.map((r) => r.data!)} stepWeeks={step} />;
}
