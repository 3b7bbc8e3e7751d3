import { PageTitle } from '../../../components/ui/page-title.tsx';

export default function Route() {
  return <PageTitle title="charts" />;
}
