import { useQuery } from '@tanstack/react-query';
import type { AccessRequestItem } from '@vroegsignaal/shared/api/privacy';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { accessRequestsQueryOptions } from '../api/get-access-requests.ts';
import { ExclusionPanel } from '../components/exclusion-panel.tsx';
import { MarkForm } from '../components/mark-form.tsx';
import { MarksTable } from '../components/marks-table.tsx';

/** A request whose household can be excluded: open, and about a household. */
const canExclude = (r: AccessRequestItem) => r.status === 'open' && r.household;

/** Correction (AVG art. 16), restriction and objection (art. 18, 21). */
export default function CorrectionsRoute() {
  const requests = useQuery(accessRequestsQueryOptions());
  return (
    <>
      <PageTitle
        title="Correctie en bezwaar"
        intro="Markeer een onjuist signaal, of laat het huishouden van een verzoek een periode buiten de berekening. Alles is terug te draaien en komt in het auditlog."
      />
      <MarkForm />
      <MarksTable />
      <QueryState
        query={requests}
        isEmpty={(r) => !r.some(canExclude)}
        empty="Er is geen open verzoek over een huishouden. Registreer eerst een verzoek om het huishouden uit te sluiten."
      >
        {(list) => <ExclusionPanel requests={list.filter(canExclude)} />}
      </QueryState>
    </>
  );
}
