import { Button, Paragraph } from '@utrecht/component-library-react';
import type { RuleSetSummary } from '@vroegsignaal/shared/api/rule-sets';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ErrorMessage, QueryState } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { paths } from '../../../config/paths.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useCreateRuleSet } from '../api/create-rule-set.ts';
import { ruleSetQueryOptions } from '../api/get-rule-set.ts';
import { ruleSetsQueryOptions } from '../api/get-rule-sets.ts';
import { ruleSetStatusLabel } from '../components/status-labels.ts';

/** The rule sets: the one in use, drafts and those waiting for a second beleidsmaker. */
export default function RuleSetsRoute() {
  const ruleSets = useQuery(ruleSetsQueryOptions());
  return (
    <>
      <PageTitle title="Regels" intro="Pas de weging aan in een concept, bekijk het effect, en laat een tweede beleidsmaker de publicatie goedkeuren." />
      <QueryState query={ruleSets} isEmpty={(r) => r.length === 0} empty="Er zijn nog geen regelsets.">
        {(list) => <RuleSetList ruleSets={list} />}
      </QueryState>
    </>
  );
}

function RuleSetList({ ruleSets }: { ruleSets: readonly RuleSetSummary[] }) {
  const active = ruleSets.find((r) => r.active);
  const sorted = [...ruleSets].sort((a, b) => b.id - a.id);
  return (
    <>
      {active ? <NewDraft from={active} /> : null}
      <SimpleTable
        caption="Regelsets"
        rows={sorted}
        rowKey={(r) => r.id}
        columns={[
          { header: 'Naam', cell: (r) => <RouterLink to={paths.policy.ruleSet(r.id)}>{r.name}</RouterLink> },
          { header: 'Versie', cell: (r) => r.version, numeric: true },
          { header: 'Status', cell: (r) => <strong>{ruleSetStatusLabel(r)}</strong> },
          { header: 'Gemaakt', cell: (r) => `${formatDateTime(r.created_at)} door ${r.created_by}` },
          { header: 'Publicatie gevraagd door', cell: (r) => r.publication_requested_by ?? '—' },
          { header: 'Goedgekeurd door', cell: (r) => r.approved_by ?? '—' },
        ]}
      />
    </>
  );
}

/** Starts a new draft as a copy of the rule set in use. */
function NewDraft({ from }: { from: RuleSetSummary }) {
  const queryClient = useQueryClient();
  const create = useCreateRuleSet();
  const navigate = useNavigate();
  const onCreate = async () => {
    const source = await queryClient.fetchQuery(ruleSetQueryOptions(from.id));
    create.mutate(source.definition, { onSuccess: (draft) => navigate(paths.policy.ruleSet(draft.id)) });
  };
  return (
    <div className="vs-toolbar">
      <Paragraph>
        In gebruik: <strong>{from.name}</strong>, versie {from.version}.
      </Paragraph>
      <Button appearance="primary-action-button" onClick={() => void onCreate()} busy={create.isPending} disabled={create.isPending}>
        Nieuw concept op basis van de huidige regels
      </Button>
      {create.isError ? <ErrorMessage error={create.error} title="Concept maken mislukt" /> : null}
    </div>
  );
}
