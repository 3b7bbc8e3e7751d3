import { Button, Checkbox, FormField, FormFieldTextarea, FormLabel, Paragraph } from '@utrecht/component-library-react';
import type { RuleSetDetail } from '@vroegsignaal/shared/api/rule-sets';
import { type FormEvent, useState } from 'react';
import { usePublicationStep } from '../api/publication.ts';

interface ApprovalFormProps {
  ruleSet: RuleSetDetail;
  /** The effect has been computed and is shown above. */
  previewShown: boolean;
}

/** Approves the exact version shown (its content hash), after the effect, with a confirmation and a reason. */
export function ApprovalForm({ ruleSet, previewShown }: ApprovalFormProps) {
  const approve = usePublicationStep(ruleSet.id, 'approveRuleSet');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const ready = previewShown && confirmed && reason.trim() !== '' && !approve.isPending;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) approve.mutate({ content_hash: ruleSet.content_hash, reason });
  };
  return (
    <form className="vs-form" onSubmit={onSubmit} aria-label="Publicatie goedkeuren">
      <Paragraph>
        U keurt deze versie goed:{' '}
        <code className="vs-hash" title={ruleSet.content_hash}>
          {ruleSet.content_hash.slice(0, 12)}
        </code>
        . Verandert de regelset nog, dan vervalt de aanvraag.
      </Paragraph>
      {previewShown ? null : <Paragraph className="vs-muted">Het effect wordt eerst berekend.</Paragraph>}
      <FormFieldTextarea
        id="approval-reason"
        label="Reden van goedkeuring"
        description="Komt in de geschiedenis van de regelset, bij de versie die u goedkeurt."
        required
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormField type="checkbox">
        <Checkbox id="approval-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        <FormLabel htmlFor="approval-confirm" type="checkbox">
          Ik heb het effect bekeken en keur deze versie goed
        </FormLabel>
      </FormField>
      <Button type="submit" appearance="primary-action-button" disabled={!ready} busy={approve.isPending}>
        Goedkeuren en publiceren
      </Button>
      {approve.error ? (
        <Paragraph className="vs-error" role="alert">
          {approve.error.message}
        </Paragraph>
      ) : null}
    </form>
  );
}
