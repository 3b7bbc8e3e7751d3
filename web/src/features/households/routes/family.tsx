import { Alert, Button, LinkButton, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ErrorMessage, QueryState } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useUser } from '../../../lib/auth.ts';
import { formatAddressKey } from '../../../lib/format.ts';
import { householdQueryOptions } from '../api/get-household.ts';
import { FamilySummary } from '../../../components/family/family-summary.tsx';
import { shownFromSentence } from '../../../components/family/residents.ts';
import { FlagExplanation } from '../components/flag-explanation.tsx';
import { HouseholdFacts } from '../components/household-facts.tsx';
import { ScoreChart } from '../components/score-chart.tsx';
import { SignalTimeline } from '../components/signal-timeline.tsx';
import { TriagePanel } from '../components/triage-panel.tsx';
import '../../../components/family/family-page.css';

/** The family view: who, why on the list, all signals, the score over time and the follow-up. */
export default function FamilyRoute() {
  const flagId = Number(useParams().flagId);
  const user = useUser();
  const back =
    user.role === 'wijkteam'
      ? { to: paths.wijkteam.mine, label: 'Terug naar mijn signalen' }
      : { to: paths.coordinator.weekList, label: 'Terug naar de signalen van de week' };
  if (!Number.isInteger(flagId) || flagId < 1) return <ErrorMessage error={null} title="Ongeldig signaal" />;
  return <FamilyView flagId={flagId} back={back} username={user.username} />;
}

/** In-page jump without changing the route: focus lands on the follow-up's heading. */
function toTriage() {
  document.getElementById('triage-title')?.focus();
}

function FamilyView({ flagId, back, username }: { flagId: number; back: { to: string; label: string }; username: string }) {
  const household = useQuery(householdQueryOptions(flagId));
  // Another wijk's household and one that does not exist get the same 404 from the server, and the same words here.
  const notVisible = household.error instanceof ApiError && household.error.status === 404;
  // An earlier family's flag: the server refuses to show it next to the current residents' data.
  const residentsChanged = household.error instanceof ApiError && household.error.status === 409 ? household.error.message : null;
  return (
    <>
      <p className="vs-family-screen">
        <RouterLink to={back.to}>← {back.label}</RouterLink>
      </p>
      {notVisible ? (
        <>
          <PageTitle title="Huishouden niet in uw wijken of niet gevonden" />
          <Paragraph>Controleer de link, of zoek het huishouden op postcode en huisnummer in de lijst.</Paragraph>
        </>
      ) : residentsChanged ? (
        <>
          <PageTitle title="Bewoners veranderd sinds deze signalering" />
          <Alert type="warning">
            <Paragraph>{residentsChanged}</Paragraph>
          </Alert>
        </>
      ) : (
        <QueryState query={household} loadingLabel="Gegevens van het huishouden worden geladen…">
          {(h) => (
            <>
              <div className="vs-family-screen">
                <PageTitle
                  title={`Huishouden ${formatAddressKey(h.household_key)}`}
                  documentTitle="Huishouden"
                  intro={`Wijk ${h.wijk}. Deze inzage is vastgelegd.`}
                />
                {h.shown_from ? <Paragraph className="vs-shown-from">{shownFromSentence(h.shown_from)}</Paragraph> : null}
                <div className="vs-family-actions">
                  <Button appearance="secondary-action-button" onClick={() => window.print()}>
                    Afdrukken
                  </Button>
                  <Paragraph appearance="small">
                    Eén A4 voor het zorgnetwerkoverleg: waarom op de lijst, signalen per leefgebied, opvolging en notities.{' '}
                    <LinkButton inline onClick={toTriage}>
                      Naar de opvolging
                    </LinkButton>
                  </Paragraph>
                </div>
                <div className="vs-grid-2 vs-family">
                  <div>
                    <FlagExplanation flag={h.flag} />
                    <ScoreChart trend={h.trend} threshold={h.flag.flag_threshold} />
                    <SignalTimeline timeline={h.timeline} />
                  </div>
                  <div>
                    <HouseholdFacts household={h} />
                    <TriagePanel flagId={flagId} wijk={h.wijk} triage={h.triage} />
                  </div>
                </div>
              </div>
              <FamilySummary household={h} printedBy={username} />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
