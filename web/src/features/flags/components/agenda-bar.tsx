import { Alert, Button, FormField, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { formatDate } from '../../../lib/format.ts';
import { AgendaPartialError, type AgendaTally, useAddFlagsToAgenda } from '../api/add-to-agenda.ts';
import { meetingsQueryOptions } from '../api/get-meetings.ts';

interface AgendaBarProps {
  selected: readonly number[];
  /** The wijken of the selected households: only meetings about all of them are offered. */
  wijken: readonly string[];
  onDone: () => void;
}

/** Put the selected families on the agenda of a planned zorgnetwerk meeting that covers their wijken. */
export function AgendaBar({ selected, wijken, onDone }: AgendaBarProps) {
  const meetings = useQuery(meetingsQueryOptions());
  const fitting = (meetings.data ?? []).filter((m) => wijken.every((w) => m.wijken.includes(w)));
  const add = useAddFlagsToAgenda();
  const [choice, setChoice] = useState('');
  const [done, setDone] = useState<{ meetingId: number; tally: AgendaTally } | null>(null);
  const onAdd = () => {
    const meetingId = Number(choice);
    add.mutate(
      { meetingId, flagIds: selected },
      {
        onSuccess: (tally) => {
          setDone({ meetingId, tally });
          onDone();
        },
      },
    );
  };
  return (
    <div className="vs-toolbar__actions">
      <FormField>
        <FormLabel htmlFor="agenda-meeting">Zorgnetwerkoverleg</FormLabel>
        <Select id="agenda-meeting" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={!meetings.data}>
          <SelectOption value="">{meetings.isPending ? 'Laden…' : 'Kies een overleg'}</SelectOption>
          {fitting.map((m) => (
            <SelectOption key={m.id} value={String(m.id)}>
              {formatDate(m.held_on)} ({m.wijken.join(', ')})
            </SelectOption>
          ))}
        </Select>
        {meetings.data && wijken.length > 0 && fitting.length === 0 ? (
          <Paragraph appearance="small">Er is geen overleg gepland voor {wijken.join(', ')}. Plan eerst een overleg.</Paragraph>
        ) : null}
      </FormField>
      <Button appearance="secondary-action-button" disabled={selected.length === 0 || !choice || add.isPending} busy={add.isPending} onClick={onAdd}>
        Op de agenda ({selected.length})
      </Button>
      {meetings.isError ? <ErrorMessage error={meetings.error} title="Overleggen laden mislukt" /> : null}
      {add.isError ? <AgendaFailure error={add.error} /> : null}
      {done && !add.isError ? (
        <Alert type="ok" role="status">
          <Paragraph>
            {describeTally(done.tally)} <RouterLink to={paths.coordinator.meeting(done.meetingId)}>Naar het overleg</RouterLink>
          </Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

const families = (n: number) => (n === 1 ? '1 gezin' : `${n} gezinnen`);

/** "2 gezinnen op de agenda gezet, 1 stond er al op." */
export function describeTally({ added, already }: AgendaTally): string {
  const on = already === 0 ? '' : `, ${already} ${already === 1 ? 'stond' : 'stonden'} er al op`;
  return `${families(added)} op de agenda gezet${on}.`;
}

/** The error, and what had been done before it: those families stay on the agenda. */
function AgendaFailure({ error }: { error: unknown }) {
  if (!(error instanceof AgendaPartialError)) return <ErrorMessage error={error} title="Op de agenda zetten mislukt" />;
  const { added, already } = error.tally;
  const before = added + already === 0 ? '' : ` (daarvoor: ${describeTally(error.tally).slice(0, -1)})`;
  return <ErrorMessage error={error.failure} title={`Op de agenda zetten mislukt${before}`} />;
}
