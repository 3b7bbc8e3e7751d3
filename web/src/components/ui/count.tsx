import { formatCount, type Count } from '../../lib/format.ts';

/** An aggregate count; "<5" (suppressed small cell) is explained to screen readers. */
export function CountValue({ value }: { value: Count | null | undefined }) {
  if (typeof value === 'string' && value.startsWith('<')) {
    return <abbr title="Minder dan 5: kleine aantallen worden niet getoond">{value}</abbr>;
  }
  return <>{formatCount(value)}</>;
}
