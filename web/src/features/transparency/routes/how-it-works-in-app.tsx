import { Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths.ts';
import { HowItWorks } from './how-it-works.tsx';

/** "Hoe werkt het?" inside the dashboard; the same page is public at paths.howItWorks. */
export default function HowItWorksInAppRoute() {
  return (
    <>
      <HowItWorks />
      <Paragraph>
        Deze uitleg is ook openbaar, zonder in te loggen: <Link to={paths.howItWorks}>{paths.howItWorks}</Link>.
      </Paragraph>
    </>
  );
}
