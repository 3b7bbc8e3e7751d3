import { Alert, Button, FormField, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useAssignHousehold } from '../api/assign-household.ts';
import { assigneesQueryOptions } from '../api/get-assignees.ts';
import { ActionError } from './action-error.tsx';

/** Assign or unassign (coordinator): only active wijkteam members who work in the household's wijk are offered. */
export function AssignForm({ flagId, wijk, assignedTo }: { flagId: number; wijk: string; assignedTo: string | null }) {
  const assignees = useQuery(assigneesQueryOptions());
  const assign = useAssignHousehold(flagId);
  const [choice, setChoice] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const candidates = (assignees.data ?? []).filter((a) => a.wijken.includes(wijk) && a.username !== assignedTo);
  const submit = (to: string | null) =>
    assign.mutate(
      { assigned_to: to },
      {
        onSuccess: () => {
          setChoice('');
          setDone(to ? `Toegewezen aan ${to}.` : 'Toewijzing ingetrokken.');
        },
      },
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (choice) submit(choice);
  };
  return (
    <form className="vs-form vs-panel" onSubmit={onSubmit} aria-label="Toewijzen">
      <FormField>
        <FormLabel htmlFor="triage-assignee">{assignedTo ? 'Anders toewijzen aan' : 'Toewijzen aan'}</FormLabel>
        <Select id="triage-assignee" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={candidates.length === 0}>
          <SelectOption value="">
            {assignees.isPending ? 'Laden…' : candidates.length ? 'Kies een wijkteamlid' : `Geen (ander) wijkteamlid in ${wijk}`}
          </SelectOption>
          {candidates.map((a) => (
            <SelectOption key={a.username} value={a.username}>
              {a.username}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <Paragraph appearance="small">Alleen actieve wijkteamleden die in wijk {wijk} werken.</Paragraph>
      {assignees.isError ? <ActionError error={assignees.error} title="Wijkteamleden laden mislukt" /> : null}
      {assign.isError ? <ActionError error={assign.error} title="Toewijzen mislukt" /> : null}
      {done && assign.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : null}
      <div className="vs-row">
        <Button type="submit" appearance="primary-action-button" disabled={!choice || assign.isPending} busy={assign.isPending}>
          Toewijzen
        </Button>
        {assignedTo ? (
          <Button appearance="secondary-action-button" disabled={assign.isPending} onClick={() => submit(null)}>
            Toewijzing aan {assignedTo} intrekken
          </Button>
        ) : null}
      </div>
    </form>
  );
}
