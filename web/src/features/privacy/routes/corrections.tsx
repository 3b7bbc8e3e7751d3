import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { accessRequestsQueryOptions } from '../api/get-access-requests.ts';
import { ExclusionPanel } from '../components/exclusion-panel.tsx';
import { MarkForm } from '../components/mark-form.tsx';
import { MarksTable } from '../components/marks-table.tsx';

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
      <QueryState query={requests} isEmpty={(r) => !r.some((x) => x.household)} empty="Registreer eerst een verzoek over een huishouden om het uit te sluiten.">
        {(list) => <ExclusionPanel requests={list.filter((x) => x.household)} />}
      </QueryState>
    </>
  );
}
