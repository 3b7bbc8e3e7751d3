import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Meeting } from '@vroegsignaal/shared/api/meetings';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import '../../../components/family/family-page.css';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ErrorMessage, QueryState } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { useUser } from '../../../lib/auth.ts';
import { formatDate } from '../../../lib/format.ts';
import { meetingQueryOptions } from '../api/get-meeting.ts';
import { AgendaItem } from '../components/agenda-item.tsx';
import { PrintedAgenda, usePrintSummaries } from '../components/printed-agenda.tsx';

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
  const [printRequest, setPrintRequest] = useState(0);
  const print = usePrintSummaries(m, printRequest);
  const title = `Zorgnetwerkoverleg ${formatDate(m.held_on)}`;
  return (
    <>
      <div className="vs-family-screen">
        <PageTitle title={title} intro={`Wijken: ${m.wijken.join(', ')}. Deze inzage is vastgelegd.`} />
        <div className="vs-family-actions">
          <Button
            appearance="secondary-action-button"
            onClick={() => setPrintRequest((n) => n + 1)}
            disabled={m.items.length === 0 || print.loading}
            busy={print.loading}
          >
            Agenda afdrukken
          </Button>
          <Paragraph appearance="small">
            Op A4: de agenda, en per gezin de samenvatting van één pagina. Bij afdrukken worden de samenvattingen opgehaald; die inzage wordt vastgelegd.
          </Paragraph>
        </div>
        {print.failed ? <ErrorMessage error={print.failed} title="Samenvattingen ophalen mislukt" /> : null}
        <section aria-labelledby="agenda-title" className="vs-panel">
          <Heading2 id="agenda-title">Agenda</Heading2>
          {m.items.length === 0 ? (
            <Paragraph>Nog geen gezinnen op de agenda. Zet een gezin op de agenda vanaf de pagina van het huishouden.</Paragraph>
          ) : (
            m.items.map((item) => <AgendaItem key={item.id} meetingId={m.id} item={item} organisations={m.partner_organisations} />)
          )}
        </section>
      </div>
      {m.items.length > 0 ? <PrintedAgenda meeting={m} title={title} printedBy={username} households={print.households} /> : null}
    </>
  );
}
