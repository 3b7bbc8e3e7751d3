import { Alert, Button, FormField, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { assigneesQueryOptions } from '../api/get-assignees.ts';
import { useAssignFlags } from '../api/assign-flags.ts';

interface AssignBarProps {
  selected: readonly number[];
  /** The wijken of the selected households: only members who work in all of them are offered. */
  wijken: readonly string[];
  onDone: () => void;
}

/** Assign the selected flags to a wijkteam member who covers their wijken. */
export function AssignBar({ selected, wijken, onDone }: AssignBarProps) {
  const assignees = useQuery(assigneesQueryOptions());
  const fitting = (assignees.data ?? []).filter((a) => wijken.every((w) => a.wijken.includes(w)));
  const assign = useAssignFlags();
  const [assignee, setAssignee] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const onAssign = () =>
    assign.mutate(
      { flagIds: selected, assignedTo: assignee },
      {
        onSuccess: (count) => {
          setDone(`${count} signa${count === 1 ? 'al' : 'len'} toegewezen aan ${assignee}.`);
          onDone();
        },
      },
    );
  return (
    <div className="vs-toolbar__actions">
      <FormField>
        <FormLabel htmlFor="assignee">Toewijzen aan</FormLabel>
        <Select id="assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} disabled={!assignees.data}>
          <SelectOption value="">{assignees.isPending ? 'Laden…' : 'Kies een wijkteamlid'}</SelectOption>
          {fitting.map((a) => (
            <SelectOption key={a.username} value={a.username}>
              {a.username} ({a.wijken.join(', ') || 'geen wijk'})
            </SelectOption>
          ))}
        </Select>
        {assignees.data && wijken.length > 0 && fitting.length === 0 ? (
          <Paragraph appearance="small">Geen wijkteamlid werkt in al deze wijken ({wijken.join(', ')}). Kies signalen uit minder wijken.</Paragraph>
        ) : null}
      </FormField>
      <Button appearance="primary-action-button" disabled={selected.length === 0 || !assignee || assign.isPending} busy={assign.isPending} onClick={onAssign}>
        Toewijzen ({selected.length})
      </Button>
      {assignees.isError ? <ErrorMessage error={assignees.error} title="Wijkteamleden laden mislukt" /> : null}
      {assign.isError ? <ErrorMessage error={assign.error} title="Toewijzen mislukt" /> : null}
      {done && !assign.isError ? (
        <Alert type="ok" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
