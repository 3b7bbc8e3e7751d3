import { Alert, Heading2, Link as UtrechtLink, Paragraph } from '@utrecht/component-library-react';
import type { PublicTransparency } from '@vroegsignaal/shared/api/publication';
import { useQuery } from '@tanstack/react-query';
import { PublicLayout } from '../../../components/layouts/public-layout.tsx';
import { CountValue } from '../../../components/ui/count.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { publicTransparencyQueryOptions } from '../api/get-public-transparency.ts';

type T = PublicTransparency;
type Indicator = T['indicators'][number];

/** "Hoe werkt het?": public, no login; the active rule set, sources, roles, retention and rights in plain Dutch. */
export default function HowItWorksRoute() {
  return (
    <PublicLayout>
      <HowItWorks />
    </PublicLayout>
  );
}

/** The page's content, also shown inside the dashboard to signed-in users. */
export function HowItWorks() {
  const transparency = useQuery(publicTransparencyQueryOptions());
  return (
    <>
      <PageTitle title="Hoe werkt het?" intro="Wat Vroegsignaal doet, met welke gegevens en regels, wie wat ziet, en wat u kunt doen als het over u gaat." />
      <QueryState query={transparency}>{(t) => <Explanation t={t} />}</QueryState>
    </>
  );
}

function Explanation({ t }: { t: T }) {
  return (
    <div className="vs-public-text">
      <Alert type="info">
        <Paragraph>
          <strong>Een signalering is een reden om te kijken, nooit een besluit.</strong> {t.signal_not_decision}
        </Paragraph>
      </Alert>
      <section className="vs-panel" aria-labelledby="doel">
        <Heading2 id="doel">Waarvoor{t.organisation ? ` (${t.organisation})` : ''}</Heading2>
        <Paragraph>{t.purpose}</Paragraph>
        <Heading2>Wettelijke basis</Heading2>
        <Paragraph>{t.legal_basis.text}</Paragraph>
        {t.legal_basis.url ? (
          <Paragraph>
            <UtrechtLink href={t.legal_basis.url}>{t.legal_basis.title ?? 'De wettekst'}</UtrechtLink>
          </Paragraph>
        ) : null}
      </section>
      <RuleSet t={t} />
      <Sources t={t} />
      <section className="vs-panel">
        <Heading2>Wie ziet wat</Heading2>
        <SimpleTable
          caption="Rollen en wat zij zien"
          rows={t.roles}
          rowKey={(r) => r.role}
          columns={[
            { header: 'Rol', cell: (r: T['roles'][number]) => <strong>{r.role}</strong> },
            { header: 'Ziet en doet', cell: (r: T['roles'][number]) => r.sees },
          ]}
        />
        <Paragraph>{t.human_oversight}</Paragraph>
        <Paragraph>Elke inzage in gegevens van een huishouden wordt vastgelegd.</Paragraph>
      </section>
      <section className="vs-panel">
        <Heading2>Hoe lang gegevens blijven</Heading2>
        <SimpleTable
          caption="Bewaartermijnen"
          rows={t.retention}
          rowKey={(r) => r.what}
          columns={[
            { header: 'Gegevens', cell: (r: T['retention'][number]) => r.what },
            { header: 'Bewaard', cell: (r: T['retention'][number]) => `${formatNumber(r.days)} dagen`, numeric: true },
          ]}
        />
      </section>
      <section className="vs-panel">
        <Heading2>Kleine aantallen blijven verborgen</Heading2>
        <Paragraph>{t.small_cells}</Paragraph>
        {t.latest_run ? (
          <Paragraph>
            In de laatste ronde ({formatDate(t.latest_run.as_of)}) kwamen <CountValue value={t.latest_run.flags} /> gezinnen op de lijst.
          </Paragraph>
        ) : null}
      </section>
      <section className="vs-panel">
        <Heading2>Inzage, correctie en bezwaar</Heading2>
        <Paragraph>{t.rights}</Paragraph>
        <Heading2>Contact</Heading2>
        <Paragraph>{t.contact ? <Contact value={t.contact} /> : 'De gemeente heeft nog geen contactadres ingesteld.'}</Paragraph>
      </section>
    </div>
  );
}

function Contact({ value }: { value: string }) {
  return <UtrechtLink href={value.startsWith('https://') ? value : `mailto:${value}`}>{value}</UtrechtLink>;
}

function RuleSet({ t }: { t: T }) {
  const rs = t.rule_set;
  return (
    <section className="vs-panel">
      <Heading2>Wanneer komt een gezin op de lijst?</Heading2>
      <Paragraph>{t.flag_condition}</Paragraph>
      {rs ? (
        <dl className="vs-dl">
          <dt>Regelset</dt>
          <dd>
            {rs.name}, versie {rs.version}
          </dd>
          <dt>Drempel</dt>
          <dd>{formatNumber(rs.flag_threshold)} punten</dd>
          <dt>Leefgebieden</dt>
          <dd>{rs.min_domains === null ? 'geen minimum' : `minstens ${rs.min_domains}`}</dd>
          <dt>In gebruik sinds</dt>
          <dd>{formatDateTime(rs.published_at)}</dd>
          <dt>Goedgekeurd</dt>
          <dd>{rs.approval.text}</dd>
        </dl>
      ) : null}
      <Heading2>Welke signalen tellen mee</Heading2>
      <SimpleTable
        caption="Signalen die meetellen, met hun gewicht"
        rows={t.indicators}
        rowKey={(i) => i.indicator}
        columns={[
          { header: 'Signaal', cell: (i: Indicator) => <strong>{i.label}</strong> },
          { header: 'Leefgebied', cell: (i: Indicator) => i.domain_label },
          { header: 'Punten', cell: (i: Indicator) => formatNumber(i.weight), numeric: true },
          { header: 'Uitleg', cell: (i: Indicator) => i.description },
        ]}
      />
    </section>
  );
}

function Sources({ t }: { t: T }) {
  return (
    <section className="vs-panel">
      <Heading2>Bronnen</Heading2>
      {t.sources.length === 0 ? (
        <Paragraph>Er zijn nog geen bronnen ingesteld.</Paragraph>
      ) : (
        <SimpleTable
          caption="Organisaties die signalen leveren"
          rows={t.sources}
          rowKey={(s) => s.name}
          columns={[
            { header: 'Bron', cell: (s: T['sources'][number]) => <strong>{s.name}</strong> },
            { header: 'Levert', cell: (s: T['sources'][number]) => s.indicators.map((i) => i.label).join(', ') },
          ]}
        />
      )}
      <Paragraph>
        Daarnaast komen uit de basisregistratie personen de geboortedatum, het adres en de wijk. Een BSN wordt niet opgeslagen; namen, nationaliteit en
        etniciteit worden niet gebruikt.
      </Paragraph>
    </section>
  );
}
