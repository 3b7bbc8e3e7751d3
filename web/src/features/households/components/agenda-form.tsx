import { Alert, Button, FormField, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAddToAgenda } from '../api/add-to-agenda.ts';
import { meetingsQueryOptions } from '../api/get-meetings.ts';
import { ActionError } from './action-error.tsx';

/** Coordinator: put this family on the agenda of a planned zorgnetwerk meeting for its wijk. */
export function AgendaForm({ flagId, wijk }: { flagId: number; wijk: string }) {
  const meetings = useQuery(meetingsQueryOptions());
  const add = useAddToAgenda();
  const [choice, setChoice] = useState('');
  const options = (meetings.data ?? []).filter((m) => m.wijken.includes(wijk));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (choice) add.mutate({ meetingId: Number(choice), body: { flag_id: flagId } });
  };
  return (
    <form className="vs-form vs-panel" onSubmit={onSubmit} aria-label="Op de agenda van het zorgnetwerk">
      <FormField>
        <FormLabel htmlFor="agenda-meeting">Op de agenda van het zorgnetwerk</FormLabel>
        <Select id="agenda-meeting" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={options.length === 0}>
          <SelectOption value="">{meetings.isPending ? 'Laden…' : options.length ? 'Kies een overleg' : `Geen overleg gepland voor ${wijk}`}</SelectOption>
          {options.map((m) => (
            <SelectOption key={m.id} value={String(m.id)}>
              {formatDate(m.held_on)} ({m.wijken.join(', ')})
            </SelectOption>
          ))}
        </Select>
      </FormField>
      {add.isError ? <ActionError error={add.error} title="Op de agenda zetten mislukt" /> : null}
      {add.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>
            Op de agenda gezet. <RouterLink to={paths.coordinator.meeting(add.data.id)}>Naar het overleg</RouterLink>
          </Paragraph>
        </Alert>
      ) : null}
      <Button type="submit" appearance="secondary-action-button" disabled={!choice || add.isPending} busy={add.isPending}>
        Op de agenda zetten
      </Button>
    </form>
  );
}
