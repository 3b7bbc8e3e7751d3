import { Link, type LinkProps } from 'react-router';

/** A react-router link in the NL Design System link style. */
export function RouterLink({ className, ...props }: LinkProps) {
  return <Link className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} {...props} />;
}
