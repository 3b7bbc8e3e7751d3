import { Alert, Button, FormField, FormLabel, Heading2, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import type { Triage, TriageOutcome } from '@vroegsignaal/shared/api/triage';
import { isFinalStatus } from '@vroegsignaal/shared/triage';
import { useState, type FormEvent } from 'react';
import { TriageBadge } from '../../../components/ui/triage-badge.tsx';
import { DueDate, localToday } from '../../../components/worklist/due-date.tsx';
import { useUser } from '../../../lib/auth.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAddNote, useRecordOutcome } from '../api/triage-actions.ts';
import { ActionError } from './action-error.tsx';
import { AgendaForm } from './agenda-form.tsx';
import { AssignForm } from './assign-form.tsx';
import { OUTCOME_LABELS } from '../../../components/family/outcome.ts';
import { StatusForm } from './status-form.tsx';
import { TriageHistory } from '../../../components/family/triage-history.tsx';
import { residentsChangedSentence } from '../../../components/family/residents.ts';
import { hasVisibleText } from '@vroegsignaal/shared/api/common';

/** Status, assignment, outcome and the history, with the actions this user may take. */
export function TriagePanel({ flagId, wijk, triage }: { flagId: number; wijk: string; triage: Triage }) {
  const user = useUser();
  return (
    <section className="vs-panel" aria-labelledby="triage-title">
      <Heading2 id="triage-title" tabIndex={-1}>
        Opvolging
      </Heading2>
      {triage.residents_changed && triage.shown_from ? (
        <Alert type="warning">
          <Paragraph>{residentsChangedSentence(triage.shown_from)}</Paragraph>
        </Alert>
      ) : null}
      <dl className="vs-dl">
        <dt>Status</dt>
        <dd>
          <TriageBadge status={triage.status} />
        </dd>
        <dt>Eerste contact vóór</dt>
        <dd>
          <DueDate
            due={triage.first_contact_due}
            urgent={triage.urgent}
            overdue={triage.status === 'nieuw' && triage.first_contact_due !== null && triage.first_contact_due < localToday()}
          />
        </dd>
        <dt>Toegewezen aan</dt>
        <dd>{triage.assigned_to ?? 'Niemand'}</dd>
        {triage.review_on ? (
          <>
            <dt>Opnieuw bekijken op</dt>
            <dd>{formatDate(triage.review_on)}</dd>
          </>
        ) : null}
        <dt>Uitkomst</dt>
        <dd>{triage.outcome ? OUTCOME_LABELS[triage.outcome] : 'Nog niet vastgelegd'}</dd>
      </dl>
      {user.role === 'coordinator' ? <AssignForm flagId={flagId} wijk={wijk} assignedTo={triage.assigned_to} /> : null}
      {user.role === 'coordinator' && !isFinalStatus(triage.status) ? <AgendaForm flagId={flagId} wijk={wijk} /> : null}
      <StatusForm flagId={flagId} current={triage.status} next={triage.next_statuses} />
      {isFinalStatus(triage.status) ? <OutcomeForm flagId={flagId} current={triage.outcome} /> : null}
      <NoteForm flagId={flagId} />
      <Heading3>Geschiedenis</Heading3>
      <TriageHistory events={triage.events} linkMeetings={user.role === 'coordinator'} />
    </section>
  );
}

/** On a concluded case: record the outcome afterwards, or correct it. */
function OutcomeForm({ flagId, current }: { flagId: number; current: TriageOutcome | null }) {
  const record = useRecordOutcome(flagId);
  return (
    <fieldset className="vs-panel" aria-labelledby="outcome-title">
      <p id="outcome-title">
        <strong>Was het signaal terecht?</strong> Dit telt mee in de betrouwbaarheid per indicator.
      </p>
      <div className="vs-row">
        {(Object.keys(OUTCOME_LABELS) as TriageOutcome[]).map((o) => (
          <Button
            key={o}
            appearance={current === o ? 'primary-action-button' : 'secondary-action-button'}
            pressed={current === o}
            disabled={record.isPending}
            onClick={() => record.mutate({ outcome: o })}
          >
            {OUTCOME_LABELS[o]}
          </Button>
        ))}
      </div>
      {record.isError ? <ActionError error={record.error} title="Uitkomst vastleggen mislukt" /> : null}
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
      {add.isError ? <ActionError error={add.error} title="Notitie opslaan mislukt" /> : null}
      {add.isSuccess && !note ? (
        <Alert type="ok" role="status">
          <Paragraph>Notitie opgeslagen.</Paragraph>
        </Alert>
      ) : null}
      <Button type="submit" appearance="secondary-action-button" disabled={!hasVisibleText(note) || add.isPending} busy={add.isPending}>
        Notitie opslaan
      </Button>
    </form>
  );
}
