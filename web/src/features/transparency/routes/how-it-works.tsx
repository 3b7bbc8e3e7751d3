import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Transparency } from '@vroegsignaal/shared/api/transparency';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { transparencyQueryOptions } from '../api/get-transparency.ts';

type Indicator = Transparency['indicators'][number];

/** "Hoe werkt het?": the active rule set in plain Dutch, as in the algorithm register. */
export default function HowItWorksRoute() {
  const transparency = useQuery(transparencyQueryOptions());
  return (
    <>
      <PageTitle title="Hoe werkt het?" intro="Welke signalen meetellen, hoe zwaar, hoe lang, en wanneer een gezin op de lijst komt." />
      <QueryState query={transparency}>{(t) => <Explanation t={t} />}</QueryState>
    </>
  );
}

function Explanation({ t }: { t: Transparency }) {
  return (
    <>
      <Alert type="info">
        <Paragraph>
          <strong>De lijst is een reden om te kijken, geen besluit.</strong> {t.human_oversight}
        </Paragraph>
      </Alert>
      <section className="vs-panel">
        <Heading2>Waarvoor</Heading2>
        <Paragraph>{t.purpose}</Paragraph>
        <Heading2>Wanneer komt een gezin op de lijst?</Heading2>
        <Paragraph>{t.flag_condition}</Paragraph>
        <Heading2>Regelset</Heading2>
        {t.rule_set ? (
          <dl className="vs-dl">
            <dt>Naam en versie</dt>
            <dd>
              {t.rule_set.name}, versie {t.rule_set.version}
            </dd>
            <dt>Gepubliceerd</dt>
            <dd>
              {formatDateTime(t.rule_set.published_at)}
              {t.rule_set.published_by ? ` door ${t.rule_set.published_by}` : ''}
            </dd>
            <dt>Goedgekeurd</dt>
            <dd>
              {t.rule_set.published_via === 'beheer'
                ? 'geïmporteerd via beheer (zonder tweede beleidsmaker)'
                : `door ${t.rule_set.approved_by ?? '—'} op ${formatDateTime(t.rule_set.published_at)}`}
            </dd>
          </dl>
        ) : (
          <Paragraph>Er is nog geen regelset gepubliceerd.</Paragraph>
        )}
      </section>
      <section className="vs-panel">
        <Heading2>Welke signalen tellen mee</Heading2>
        <SimpleTable
          caption="Signalen die meetellen"
          rows={t.indicators}
          rowKey={(i) => i.indicator}
          columns={[
            { header: 'Signaal', cell: (i: Indicator) => <strong>{i.label}</strong> },
            { header: 'Leefgebied', cell: (i: Indicator) => i.domain_label },
            { header: 'Punten', cell: (i: Indicator) => formatNumber(i.weight), numeric: true },
            { header: 'Telt mee', cell: (i: Indicator) => `${i.window_days} dagen` },
            { header: 'Uitleg', cell: (i: Indicator) => i.description },
          ]}
        />
      </section>
      <section className="vs-panel">
        <Heading2>Kleine aantallen blijven verborgen</Heading2>
        <Paragraph>
          Beleidsmakers zien alleen aantallen, nooit een gezin. Die aantallen zijn afgerond op tientallen (5 t/m 14 wordt 10,
          15 t/m 24 wordt 20); 0 t/m 4 staat er als “&lt;5”. Percentages worden uit de afgeronde aantallen berekend. Het
          effect van een conceptregelset wordt voor de hele gemeente en per signaal getoond, niet per wijk.
        </Paragraph>
        <Paragraph>
          Waarom: alleen kleine aantallen weglaten is niet genoeg. Door getallen van elkaar af te trekken (een week en de week
          ervoor, of twee concepten die net verschillen) zou je een weggelaten aantal toch precies kunnen terugrekenen. Met
          afgeronde aantallen kan dat niet: er blijven altijd meerdere mogelijke waarden over.
        </Paragraph>
      </section>
    </>
  );
}
