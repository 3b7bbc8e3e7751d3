import { Alert, Button, FormField, FormLabel, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { withReason } from './field-labels.ts';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useCreateSignalMark } from '../api/create-signal-mark.ts';
import { signalSourcesQueryOptions } from '../api/get-signal-sources.ts';

/** Marks one signal incorrect by source and record id (AVG art. 16); no household data is shown. */
export function MarkForm() {
  const [source, setSource] = useState('');
  const [recordId, setRecordId] = useState('');
  const [reason, setReason] = useState('');
  const mark = useCreateSignalMark();
  const sources = useQuery(signalSourcesQueryOptions());
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mark.mutate(
      { source, record_id: recordId.trim(), reason },
      {
        onSuccess: () => {
          setRecordId('');
          setReason('');
        },
      },
    );
  };
  return (
    <form className="vs-panel" onSubmit={onSubmit} aria-labelledby="mark-title">
      <Heading2 id="mark-title">Signaal als onjuist markeren</Heading2>
      <Paragraph>Een gemarkeerd signaal telt vanaf de volgende berekening niet meer mee, ook niet als de bron het opnieuw levert.</Paragraph>
      <div className="vs-filters">
        <FormField>
          <FormLabel htmlFor="mark-source">Bron</FormLabel>
          <Select id="mark-source" value={source} onChange={(e) => setSource(e.target.value)}>
            <SelectOption value="">Kies een bron</SelectOption>
            {(sources.data ?? []).map((s) => (
              <SelectOption key={s.source} value={s.source}>
                {s.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor="mark-record">Kenmerk bij de bron</FormLabel>
          <Textbox id="mark-record" autoComplete="off" value={recordId} onChange={(e) => setRecordId(e.target.value)} />
        </FormField>
        <FormField>
          <FormLabel htmlFor="mark-reason">Reden</FormLabel>
          <Textbox id="mark-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </FormField>
        <Button type="submit" appearance="primary-action-button" disabled={!source || !recordId.trim() || reason.trim().length < 3 || mark.isPending}>
          Markeren
        </Button>
      </div>
      {sources.isError ? <ErrorMessage error={sources.error} title="De bronnen konden niet worden geladen" /> : null}
      {mark.isError ? <ErrorMessage error={mark.error} title="Markeren mislukt" fields={withReason('Reden')} /> : null}
      {mark.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>Het signaal is gemarkeerd als onjuist.</Paragraph>
        </Alert>
      ) : null}
    </form>
  );
}
