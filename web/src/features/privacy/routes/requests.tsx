import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { accessRequestsQueryOptions } from '../api/get-access-requests.ts';
import { RegisterRequestForm } from '../components/register-request-form.tsx';
import { RequestPanel } from '../components/request-panel.tsx';
import { RequestsTable } from '../components/requests-table.tsx';

/** Access requests of residents (AVG art. 15): register, follow the deadline, send the letter. */
export default function RequestsRoute() {
  const requests = useQuery(accessRequestsQueryOptions());
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <PageTitle
        title="Verzoeken van inwoners"
        intro="Een inwoner mag weten welke gegevens de gemeente over hem en zijn huishouden heeft. Het antwoord moet binnen een maand; verlengen kan met twee maanden, met een reden."
      />
      <RegisterRequestForm />
      <QueryState query={requests} isEmpty={(r) => r.length === 0} empty="Er zijn nog geen verzoeken.">
        {(list) => <RequestsTable requests={list} onOpen={setOpen} />}
      </QueryState>
      {open !== null ? <RequestPanel requestId={open} /> : null}
    </>
  );
}
