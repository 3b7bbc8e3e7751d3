import { Alert, Button, Checkbox, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ErrorMessage, QueryState } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { formatDate } from '../../../lib/format.ts';
import { useCreateMeeting } from '../api/create-meeting.ts';
import { meetingsQueryOptions } from '../api/get-meetings.ts';
import { wijkNamesQueryOptions } from '../api/get-wijken.ts';

/** The coordinator's zorgnetwerk meetings: plan one, open one. */
export default function MeetingsRoute() {
  const meetings = useQuery(meetingsQueryOptions());
  return (
    <>
      <PageTitle title="Zorgnetwerk" intro="Plan het zorgnetwerkoverleg, zet gezinnen op de agenda en leg per gezin het advies en de regisseur vast." />
      <PlanForm />
      <section aria-labelledby="meetings-title" className="vs-panel">
        <Heading2 id="meetings-title">Overleggen</Heading2>
        <QueryState query={meetings} isEmpty={(m) => m.length === 0} empty="Er is nog geen overleg gepland.">
          {(list) => (
            <ul className="vs-meetings">
              {list.map((m) => (
                <li key={m.id}>
                  <RouterLink to={paths.coordinator.meeting(m.id)}>Overleg van {formatDate(m.held_on)}</RouterLink> · {m.wijken.join(', ')} · {m.families}{' '}
                  {m.families === 1 ? 'gezin' : 'gezinnen'} op de agenda
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
    </>
  );
}

function PlanForm() {
  const wijken = useQuery(wijkNamesQueryOptions());
  const create = useCreateMeeting();
  const [heldOn, setHeldOn] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { held_on: heldOn, wijken: chosen },
      {
        onSuccess: () => {
          setHeldOn('');
          setChosen([]);
        },
      },
    );
  };
  const toggle = (w: string, on: boolean) => setChosen((prev) => (on ? [...prev, w] : prev.filter((x) => x !== w)));
  return (
    <form className="vs-form vs-panel" onSubmit={onSubmit} aria-labelledby="plan-title">
      <Heading2 id="plan-title">Overleg plannen</Heading2>
      <FormField>
        <FormLabel htmlFor="meeting-date">Datum</FormLabel>
        <Textbox id="meeting-date" type="date" required value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
      </FormField>
      {/* A plain fieldset: the design system's fieldset CSS is not part of the bundle. */}
      <fieldset className="vs-wijken-fieldset">
        <legend className="utrecht-form-label">Wijken</legend>
        {(wijken.data ?? []).map((w) => (
          <div className="vs-check" key={w}>
            <Checkbox id={`meeting-wijk-${w}`} checked={chosen.includes(w)} onChange={(e) => toggle(w, e.target.checked)} />
            <FormLabel htmlFor={`meeting-wijk-${w}`} type="checkbox">
              {w}
            </FormLabel>
          </div>
        ))}
      </fieldset>
      {create.isError ? <ErrorMessage error={create.error} title="Plannen mislukt" /> : null}
      {create.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>Overleg gepland.</Paragraph>
        </Alert>
      ) : null}
      <Button type="submit" appearance="primary-action-button" disabled={!heldOn || chosen.length === 0 || create.isPending} busy={create.isPending}>
        Overleg plannen
      </Button>
    </form>
  );
}
