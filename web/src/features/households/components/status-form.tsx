import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { TriageOutcome, TriageStatus } from '@vroegsignaal/shared/api/triage';
import { findTransition, isFinalStatus, isReopening } from '@vroegsignaal/shared/triage';
import { useState, type FormEvent } from 'react';
import { triageLabel } from '../../../lib/format.ts';
import { useChangeStatus } from '../api/triage-actions.ts';
import { ActionError } from './action-error.tsx';
import { OUTCOME_LABELS } from '../../../components/family/outcome.ts';
import { hasVisibleText } from '@vroegsignaal/shared/api/common';

const optionLabel = (from: TriageStatus, to: TriageStatus) => (isReopening({ from, to }) ? `${triageLabel(to)} (zaak heropenen)` : triageLabel(to));

/** The moves the transition table allows this user's role, with a reason where required and an outcome when concluding. */
export function StatusForm({ flagId, current, next }: { flagId: number; current: TriageStatus; next: readonly TriageStatus[] }) {
  const [picked, setStatus] = useState<TriageStatus | ''>('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<TriageOutcome | ''>('');
  const [reviewOn, setReviewOn] = useState('');
  const change = useChangeStatus(flagId);
  const failed = change.isError ? <ActionError error={change.error} title="Status wijzigen mislukt" /> : null;
  if (next.length === 0) {
    const why = isFinalStatus(current)
      ? 'Deze zaak is afgerond; alleen een coördinator kan haar heropenen.'
      : `Uw rol kan de status vanuit ${triageLabel(current)} niet wijzigen.`;
    return (
      <>
        <Paragraph>{why}</Paragraph>
        {failed}
      </>
    );
  }
  // After someone else's change the choice may no longer be offered.
  const status = picked && next.includes(picked) ? picked : '';
  const chosen = status ? findTransition(current, status) : undefined;
  const reasonRequired = chosen?.reasonRequired ?? false;
  const concluding = status !== '' && isFinalStatus(status);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!status) return;
    const body = {
      status,
      from: current,
      ...(hasVisibleText(note) ? { note: note.trim() } : {}),
      ...(concluding && outcome ? { outcome } : {}),
      ...(concluding && reviewOn ? { review_on: reviewOn } : {}),
    };
    change.mutate(body, {
      onSuccess: () => {
        setStatus('');
        setNote('');
        setOutcome('');
        setReviewOn('');
      },
    });
  };
  return (
    <form className="vs-form vs-panel" onSubmit={onSubmit} aria-label="Status wijzigen">
      <FormField>
        <FormLabel htmlFor="triage-status">Nieuwe status</FormLabel>
        <Select id="triage-status" value={status} onChange={(e) => setStatus(e.target.value as TriageStatus | '')}>
          <SelectOption value="">Kies een status</SelectOption>
          {next.map((s) => (
            <SelectOption key={s} value={s}>
              {optionLabel(current, s)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="triage-status-note">{reasonRequired ? 'Reden (verplicht)' : 'Toelichting (optioneel)'}</FormLabel>
        <Textarea id="triage-status-note" rows={2} maxLength={2000} required={reasonRequired} value={note} onChange={(e) => setNote(e.target.value)} />
      </FormField>
      {chosen && isReopening(chosen) ? (
        <Paragraph appearance="small">Heropenen trekt de vastgelegde uitkomst in; de geschiedenis bewaart die.</Paragraph>
      ) : null}
      {concluding ? <OutcomeChoice value={outcome} onChange={setOutcome} /> : null}
      {concluding ? (
        <FormField>
          <FormLabel htmlFor="triage-review-on">Opnieuw bekijken op (optioneel)</FormLabel>
          <FormFieldDescription id="triage-review-on-hint">Op deze datum komt de zaak met haar geschiedenis terug op de werklijst.</FormFieldDescription>
          <Textbox id="triage-review-on" type="date" aria-describedby="triage-review-on-hint" value={reviewOn} onChange={(e) => setReviewOn(e.target.value)} />
        </FormField>
      ) : null}
      {failed}
      <Button
        type="submit"
        appearance="primary-action-button"
        disabled={!status || (reasonRequired && !hasVisibleText(note)) || change.isPending}
        busy={change.isPending}
      >
        Status wijzigen
      </Button>
    </form>
  );
}

function OutcomeChoice({ value, onChange }: { value: TriageOutcome | ''; onChange: (o: TriageOutcome | '') => void }) {
  const options: [TriageOutcome | '', string][] = [...(Object.entries(OUTCOME_LABELS) as [TriageOutcome, string][]), ['', 'Nog niet te zeggen']];
  return (
    <Fieldset>
      <FieldsetLegend>Was het signaal terecht? Dit telt mee in de betrouwbaarheid per indicator.</FieldsetLegend>
      {options.map(([o, label]) => (
        <div key={o || 'open'} className="vs-check">
          <RadioButton id={`triage-outcome-${o || 'open'}`} name="triage-outcome" value={o} checked={value === o} onChange={() => onChange(o)} />
          <FormLabel htmlFor={`triage-outcome-${o || 'open'}`} type="radio">
            {label}
          </FormLabel>
        </div>
      ))}
    </Fieldset>
  );
}
