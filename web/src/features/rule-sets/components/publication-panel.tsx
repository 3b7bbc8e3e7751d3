import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { RuleSetDetail } from '@vroegsignaal/shared/api/rule-sets';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePublicationStep } from '../api/publication.ts';
import { ApprovalForm } from './approval-form.tsx';

interface PublicationPanelProps {
  ruleSet: RuleSetDetail;
  username: string;
  /** Unsaved changes block a publication request. */
  dirty: boolean;
  /** The effect is shown above: only then can a second beleidsmaker approve. */
  previewShown: boolean;
}

/** Who wrote, edited or requested the rule set cannot approve it (four eyes). */
const isParticipant = (r: RuleSetDetail, username: string) =>
  r.created_by === username ||
  r.publication_requested_by === username ||
  r.history.some((e) => (e.kind === 'created' || e.kind === 'edited') && e.by === username);

/** Four eyes: one beleidsmaker requests publication, another approves. */
export function PublicationPanel({ ruleSet, username, dirty, previewShown }: PublicationPanelProps) {
  const request = usePublicationStep(ruleSet.id, 'requestPublication');
  const withdraw = usePublicationStep(ruleSet.id, 'withdrawPublication');
  const error = request.error ?? withdraw.error;
  return (
    <section className="vs-panel" aria-labelledby="publication-title">
      <Heading2 id="publication-title">Publicatie</Heading2>
      {ruleSet.status === 'draft' ? (
        <>
          <Paragraph>Een tweede beleidsmaker moet de publicatie goedkeuren. Daarna gebruikt de wekelijkse berekening deze regels.</Paragraph>
          {dirty ? <Paragraph className="vs-muted">Sla eerst uw wijzigingen op.</Paragraph> : null}
          <Button appearance="primary-action-button" disabled={dirty || request.isPending} busy={request.isPending} onClick={() => request.mutate({})}>
            Publicatie aanvragen
          </Button>
        </>
      ) : null}
      {ruleSet.status === 'pending_approval' ? (
        <>
          <Paragraph>
            Publicatie aangevraagd door <strong>{ruleSet.publication_requested_by}</strong> op {formatDateTime(ruleSet.publication_requested_at)}.
          </Paragraph>
          {isParticipant(ruleSet, username) ? (
            <Alert type="info">
              <Paragraph>Een andere beleidsmaker, die de regelset niet opstelde, bewerkte of indiende, moet deze publicatie goedkeuren (vier ogen).</Paragraph>
            </Alert>
          ) : (
            <ApprovalForm ruleSet={ruleSet} previewShown={previewShown} />
          )}{' '}
          {ruleSet.publication_requested_by === username ? (
            <Button appearance="secondary-action-button" disabled={withdraw.isPending} busy={withdraw.isPending} onClick={() => withdraw.mutate({})}>
              Aanvraag intrekken
            </Button>
          ) : null}
        </>
      ) : null}
      {ruleSet.status === 'published' ? (
        <Alert type="ok">
          <Paragraph>
            Gepubliceerd op {formatDateTime(ruleSet.published_at)} door {ruleSet.published_by ?? '—'},{' '}
            {ruleSet.published_via === 'beheer'
              ? 'geïmporteerd via beheer'
              : `goedgekeurd door ${ruleSet.approved_by ?? '—'} (reden: ${ruleSet.approval_reason ?? '—'})`}
            .{ruleSet.active ? ' Deze regels zijn nu in gebruik.' : ''}
          </Paragraph>
        </Alert>
      ) : null}
      {error ? <ErrorMessage error={error} title="Publicatiestap mislukt" /> : null}
    </section>
  );
}
