import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Meeting } from '@vroegsignaal/shared/api/meetings';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { FamilySummary } from '../../../components/family/family-summary.tsx';
import '../../../components/family/family-page.css';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { useUser } from '../../../lib/auth.ts';
import { formatAddressKey, formatDate } from '../../../lib/format.ts';
import { householdQueryOptions } from '../api/get-household.ts';
import { meetingQueryOptions } from '../api/get-meeting.ts';
import { AgendaItem } from '../components/agenda-item.tsx';

/** One meeting: its agenda with a record form per family; printed, the agenda and per family its one-page summary. */
export default function MeetingRoute() {
  const meetingId = Number(useParams().meetingId);
  const meeting = useQuery(meetingQueryOptions(meetingId));
  return (
    <>
      <p className="vs-family-screen">
        <RouterLink to={paths.coordinator.meetings}>← Zorgnetwerk</RouterLink>
      </p>
      <QueryState query={meeting}>{(m) => <MeetingView meeting={m} />}</QueryState>
    </>
  );
}

function MeetingView({ meeting: m }: { meeting: Meeting }) {
  const { username } = useUser();
  const title = `Zorgnetwerkoverleg ${formatDate(m.held_on)}`;
  return (
    <>
      <div className="vs-family-screen">
        <PageTitle title={title} intro={`Wijken: ${m.wijken.join(', ')}. Deze inzage is vastgelegd.`} />
        <div className="vs-family-actions">
          <Button appearance="secondary-action-button" onClick={() => window.print()} disabled={m.items.length === 0}>
            Agenda afdrukken
          </Button>
          <Paragraph appearance="small">Op A4: de agenda, en per gezin de samenvatting van één pagina.</Paragraph>
        </div>
        <section aria-labelledby="agenda-title" className="vs-panel">
          <Heading2 id="agenda-title">Agenda</Heading2>
          {m.items.length === 0 ? (
            <Paragraph>Nog geen gezinnen op de agenda. Zet een gezin op de agenda vanaf de pagina van het huishouden.</Paragraph>
          ) : (
            m.items.map((item) => <AgendaItem key={item.id} meetingId={m.id} item={item} organisations={m.partner_organisations} />)
          )}
        </section>
      </div>
      {m.items.length > 0 ? (
        <div className="vs-print-agenda">
          <section className="vs-print-summary" aria-label="Agenda van het zorgnetwerkoverleg">
            <p className="vs-print-kicker">Vroegsignaal · agenda · vertrouwelijk</p>
            <h2>{title}</h2>
            <p>Wijken: {m.wijken.join(', ')}</p>
            <ol>
              {m.items.map((i) => (
                <li key={i.id}>
                  {formatAddressKey(i.household_key)} ({i.wijk})
                </li>
              ))}
            </ol>
            <p className="vs-print-meta">Afgedrukt door {username}. Per gezin volgt de samenvatting op een eigen pagina.</p>
          </section>
          {m.items.map((i) => (
            <PrintedFamily key={i.id} flagId={i.flag_id} printedBy={username} />
          ))}
        </div>
      ) : null}
    </>
  );
}

function PrintedFamily({ flagId, printedBy }: { flagId: number; printedBy: string }) {
  const household = useQuery(householdQueryOptions(flagId));
  return household.data ? (
    <div className="vs-print-page">
      <FamilySummary household={household.data} printedBy={printedBy} />
    </div>
  ) : null;
}
