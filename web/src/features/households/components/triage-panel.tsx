import { Alert, Button, FormField, FormLabel, Heading2, Heading3, Paragraph, Select, SelectOption, Textarea } from '@utrecht/component-library-react';
import type { Triage, TriageOutcome, TriageStatus } from '@vroegsignaal/shared/api/triage';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { TriageBadge } from '../../../components/ui/triage-badge.tsx';
import { triageLabel } from '../../../lib/format.ts';
import { useAddNote, useChangeStatus, useRecordOutcome } from '../api/triage-actions.ts';
import { TriageHistory } from './triage-history.tsx';

const OUTCOME_LABELS: Record<TriageOutcome, string> = { terecht: 'Signaal was terecht', niet_terecht: 'Signaal was niet terecht' };

/** Status, assignment, outcome and the history, with the actions this user may take. */
export function TriagePanel({ flagId, triage }: { flagId: number; triage: Triage }) {
  return (
    <section className="vs-panel" aria-labelledby="triage-title">
      <Heading2 id="triage-title">Opvolging</Heading2>
      <dl className="vs-dl">
        <dt>Status</dt>
        <dd>
          <TriageBadge status={triage.status} />
        </dd>
        <dt>Toegewezen aan</dt>
        <dd>{triage.assigned_to ?? 'Niemand'}</dd>
        <dt>Uitkomst</dt>
        <dd>{triage.outcome ? OUTCOME_LABELS[triage.outcome] : 'Nog niet vastgelegd'}</dd>
      </dl>
      <StatusForm flagId={flagId} next={triage.next_statuses} />
      <OutcomeForm flagId={flagId} current={triage.outcome} />
      <NoteForm flagId={flagId} />
      <Heading3>Geschiedenis</Heading3>
      <TriageHistory events={triage.events} />
    </section>
  );
}

function StatusForm({ flagId, next }: { flagId: number; next: readonly TriageStatus[] }) {
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const change = useChangeStatus(flagId);
  if (next.length === 0) return <Paragraph>De status kan niet verder worden gewijzigd.</Paragraph>;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ status: status as TriageStatus, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => { setStatus(''); setNote(''); } });
  };
  return (
    <form className="vs-form vs-panel" onSubmit={onSubmit} aria-label="Status wijzigen">
      <FormField>
        <FormLabel htmlFor="triage-status">Nieuwe status</FormLabel>
        <Select id="triage-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <SelectOption value="">Kies een status</SelectOption>
          {next.map((s) => (
            <SelectOption key={s} value={s}>
              {triageLabel(s)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="triage-status-note">Toelichting (optioneel)</FormLabel>
        <Textarea id="triage-status-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </FormField>
      {change.isError ? <ErrorMessage error={change.error} title="Status wijzigen mislukt" /> : null}
      <Button type="submit" appearance="primary-action-button" disabled={!status || change.isPending} busy={change.isPending}>
        Status wijzigen
      </Button>
    </form>
  );
}

function OutcomeForm({ flagId, current }: { flagId: number; current: TriageOutcome | null }) {
  const record = useRecordOutcome(flagId);
  return (
    <fieldset className="vs-panel" aria-labelledby="outcome-title">
      <p id="outcome-title">
        <strong>Was het signaal terecht?</strong> Dit telt mee in de betrouwbaarheid per indicator.
      </p>
      <div className="vs-row">
        {(Object.keys(OUTCOME_LABELS) as TriageOutcome[]).map((o) => (
          <Button key={o} appearance={current === o ? 'primary-action-button' : 'secondary-action-button'} pressed={current === o} disabled={record.isPending} onClick={() => record.mutate({ outcome: o })}>
            {OUTCOME_LABELS[o]}
          </Button>
        ))}
      </div>
      {record.isError ? <ErrorMessage error={record.error} title="Uitkomst vastleggen mislukt" /> : null}
    </fieldset>
  );
}

function NoteForm({ flagId }: { flagId: number }) {
  const [note, setNote] = useState('');
  const add = useAddNote(flagId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ note: note.trim() }, { onSuccess: () => setNote('') });
  };
  return (
    <form className="vs-form vs-panel" onSubmit={onSubmit} aria-label="Notitie toevoegen">
      <FormField>
        <FormLabel htmlFor="triage-note">Notitie</FormLabel>
        <Textarea id="triage-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </FormField>
      {add.isError ? <ErrorMessage error={add.error} title="Notitie opslaan mislukt" /> : null}
      {add.isSuccess && !note ? (
        <Alert type="ok" role="status">
          <Paragraph>Notitie opgeslagen.</Paragraph>
        </Alert>
      ) : null}
      <Button type="submit" appearance="secondary-action-button" disabled={!note.trim() || add.isPending} busy={add.isPending}>
        Notitie opslaan
      </Button>
    </form>
  );
}
