import { PageTitle } from '../../../components/ui/page-title.tsx';
import { MarkForm } from '../components/mark-form.tsx';
import { MarksTable } from '../components/marks-table.tsx';

/** The beheerder marks a signal on a source's instruction, by source and record id only. */
export default function SourceMarksRoute() {
  return (
    <>
      <PageTitle
        title="Correcties van bronnen"
        intro="Meldt een bron dat een geleverd signaal onjuist is? Markeer het hier met de bron en het kenmerk. U ziet geen gegevens van huishoudens."
      />
      <MarkForm />
      <MarksTable />
    </>
  );
}
