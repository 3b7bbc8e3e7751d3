import { sourceDisplayName } from '@vroegsignaal/shared/source-name';
import { Heading2, Heading3 } from '@utrecht/component-library-react';
import type { HouseholdDetail } from '@vroegsignaal/shared/api/households';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { SERIES_COLORS } from '../../../components/charts/chart-frame.tsx';
import { domainLabel, domainsOf, formatDate, formatShortDate } from '../../../lib/format.ts';
import { describeSignal } from '../../../components/family/explain.ts';
import { BEFORE_MOVE } from '../../../components/family/residents.ts';

type Signal = HouseholdDetail['timeline'][number];

const dayNumber = (day: string) => Date.parse(`${day}T12:00:00Z`);

/** Every signal of the household on one time axis, one row per leefgebied, and as lists. */
export function SignalTimeline({ timeline }: { timeline: readonly Signal[] }) {
  const domains = domainsOf(timeline.map((s) => s.indicator));
  return (
    <section className="vs-panel" aria-labelledby="timeline-title">
      <Heading2 id="timeline-title">Signalen per leefgebied</Heading2>
      {timeline.length === 0 ? <p>Geen signalen bewaard.</p> : <TimelineChart timeline={timeline} domains={domains} />}
      <div className="vs-grid">
        {domains.map((domain) => (
          <div key={domain}>
            <Heading3>{domainLabel(domain)}</Heading3>
            <ol className="vs-timeline">
              {timeline
                .filter((s) => s.domain === domain)
                .sort((a, b) => (a.observed_on < b.observed_on ? 1 : -1))
                .map((s) => (
                  <li key={s.id}>
                    <span className="vs-nowrap">{formatDate(s.observed_on)}</span>: {describeSignal(s.indicator, s.value)}{' '}
                    <span className="vs-muted">({sourceDisplayName(s.source)})</span>
                    {s.before_arrival ? <span className="vs-muted"> · {BEFORE_MOVE}</span> : null}
                  </li>
                ))}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}

function TimelineChart({ timeline, domains }: { timeline: readonly Signal[]; domains: readonly string[] }) {
  const rows = domains.map(domainLabel);
  return (
    // Hidden from assistive technology and from the tab order alike: the lists below carry the same signals as text.
    <div aria-hidden="true" inert>
      <ScatterChart
        accessibilityLayer={false}
        responsive
        style={{ width: '100%', height: 60 + 36 * rows.length }}
        margin={{ top: 10, right: 20, bottom: 10, left: 10 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          domain={['dataMin - 86400000', 'dataMax + 86400000']}
          padding={{ left: 8, right: 8 }}
          tickFormatter={(v: number) => formatShortDate(new Date(v).toISOString())}
          name="Datum"
        />
        <YAxis type="category" dataKey="y" allowDuplicatedCategory={false} width={130} name="Leefgebied" />
        <Tooltip formatter={(value, name) => (name === 'Datum' ? formatDate(new Date(Number(value)).toISOString()) : value)} />
        {domains.map((domain, i) => (
          <Scatter
            key={domain}
            name={domainLabel(domain)}
            fill={SERIES_COLORS[i % SERIES_COLORS.length]}
            data={timeline
              .filter((s) => s.domain === domain)
              .map((s) => ({ x: dayNumber(s.observed_on), y: domainLabel(domain), label: describeSignal(s.indicator, s.value) }))}
          />
        ))}
      </ScatterChart>
    </div>
  );
}
