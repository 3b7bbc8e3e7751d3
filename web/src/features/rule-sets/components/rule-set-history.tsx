import { Heading2 } from '@utrecht/component-library-react';
import type { RuleSetDetail, RuleSetEvent } from '@vroegsignaal/shared/api/rule-sets';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime } from '../../../lib/format.ts';

const KIND: Record<RuleSetEvent['kind'], string> = {
  created: 'Gemaakt',
  edited: 'Bewerkt',
  requested: 'Publicatie aangevraagd',
  withdrawn: 'Aanvraag ingetrokken',
  voided: 'Aanvraag vervallen',
  approved: 'Goedgekeurd en gepubliceerd',
  published: 'Gepubliceerd via beheer',
};

/** Who did what to the rule set, on which version (content hash), and why. */
export function RuleSetHistory({ ruleSet }: { ruleSet: RuleSetDetail }) {
  return (
    <section className="vs-panel" aria-labelledby="history-title">
      <Heading2 id="history-title">Geschiedenis</Heading2>
      <SimpleTable
        caption="Geschiedenis van de regelset"
        rows={ruleSet.history.map((e, i) => ({ ...e, i }))}
        rowKey={(e) => e.i}
        columns={[
          { header: 'Wanneer', cell: (e) => formatDateTime(e.at) },
          { header: 'Wat', cell: (e) => KIND[e.kind] },
          { header: 'Door', cell: (e) => e.by },
          { header: 'Versie', cell: (e) => <code title={e.content_hash}>{e.content_hash.slice(0, 12)}</code> },
          { header: 'Reden', cell: (e) => e.reason ?? '' },
        ]}
      />
    </section>
  );
}
